package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.log.CodeRestore;
import dev.errata.log.ExperimentLog;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RunMagicsTest {

  private final FakeNotebook notebook = new FakeNotebook();
  private final Path folder = fresh();
  private final RunMagics magics = new RunMagics(notebook, folder);

  private static Path fresh() {
    try {
      return Files.createDirectories(
          Path.of("target", "run-magics", Long.toString(System.nanoTime())).toAbsolutePath());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A cell that logs accuracy through the current-run handle, as notebook code would. */
  private void cell(String code, double accuracy) {
    notebook.cells.put(code, () -> {
      double lr = magics.current().doubleParam("lr");
      magics.current().metric("accuracy", accuracy).metric("lr seen", lr);
      return null;
    });
  }

  @Test
  void experimentCellIsLoggedWithItsParamsAndWhatTheBodyLogged() throws Exception {
    cell("train();", 0.9);
    RunRecord r = magics.experiment(List.of("baseline", "--params", "lr=0.01,depth=3"), "train();");
    assertEquals(RunRecord.Status.FINISHED, r.status());
    assertEquals(Map.of("lr", 0.01, "depth", 3L), r.params());
    assertEquals(Map.of("accuracy", 0.9, "lr seen", 0.01), r.metrics());
    assertTrue(Files.exists(folder.resolve(RunMagics.DEFAULT_LOG)));
    assertEquals(r, magics.log().run(r.id()));
    Table shown = ((RunRecord) notebook.displayed.get(notebook.displayed.size() - 1)).toTable();
    assertEquals("run " + r.id() + " (baseline)", shown.name());
    IllegalStateException after = assertThrows(IllegalStateException.class, magics::current);
    assertEquals(
        "No run in progress: currentRun() works inside a %%experiment cell", after.getMessage());
  }

  @Test
  void failingCellIsLoggedAsFailedAndItsErrorStillReachesTheUser() {
    IllegalStateException boom = new IllegalStateException("loss is NaN");
    notebook.cells.put("train();", () -> {
      magics.current().metric("epochs done", 2);
      throw boom;
    });
    Exception thrown =
        assertThrows(
            RunMagics.CellFailedException.class,
            () -> magics.experiment(List.of("diverges"), "train();"));
    assertEquals(
        "run \"diverges\" failed: java.lang.IllegalStateException: loss is NaN",
        thrown.getMessage());
    assertSame(boom, thrown.getCause());
    assertEquals("run 1 (diverges)", ((RunRecord) notebook.displayed.get(0)).toTable().name());
    RunRecord r = magics.log().run("diverges");
    assertEquals(RunRecord.Status.FAILED, r.status());
    assertEquals("java.lang.IllegalStateException: loss is NaN", r.message());
    assertEquals(Map.of("epochs done", 2.0), r.metrics());
    assertTrue(r.usage().isPresent());
  }

  @Test
  void bodyThatEndsItsOwnRunAsFailedIsKeptFailedAndTheCellSucceeds() throws Exception {
    notebook.cells.put("check();", () -> {
      magics.current().fail("data set missing");
      return null;
    });
    RunRecord r = magics.experiment(List.of("no-data"), "check();");
    assertEquals(RunRecord.Status.FAILED, r.status());
    assertEquals("data set missing", r.message());
    assertEquals(RunRecord.Status.FAILED, magics.log().run("no-data").status());
  }

  @Test
  void unusableLogShowsAClearWarningAndTheCellStillRuns() throws Exception {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
    cell("train();", 0.7);
    RunRecord r =
        magics.experiment(
            List.of("offline", "--params", "lr=0.1", "--log", file.resolve("runs.db").toString()),
            "train();");
    assertEquals(0, r.id());
    assertEquals(Map.of("accuracy", 0.7, "lr seen", 0.1), r.metrics());
    String warning = (String) notebook.displayed.get(0);
    assertEquals(
        "⚠ Cannot open experiment log "
            + file.resolve("runs.db")
            + ": "
            + file
            + " is a file, not a folder\n"
            + "The cell still runs; run \"offline\" is kept in this kernel only (shown below, not"
            + " saved).",
        warning);
  }

  @Test
  void bodyValueIsShownBeforeTheRunSummary() throws Exception {
    notebook.cells.put("1 + 1", () -> 2);
    magics.experiment(List.of("value"), "1 + 1");
    assertEquals(2, notebook.displayed.get(0));
    assertEquals(2, notebook.displayed.size());
  }

  @Test
  void runsShowsLastNFilteredAndComparesByName() throws Exception {
    cell("a", 0.8);
    cell("b", 0.85);
    cell("c", 0.6);
    magics.experiment(List.of("first", "--params", "lr=0.1"), "a");
    magics.experiment(List.of("second", "--params", "lr=0.01"), "b");
    magics.experiment(List.of("third", "--params", "lr=1"), "c");
    Table all = (Table) magics.runs(List.of());
    assertEquals(List.of("first", "second", "third"), all.stringColumn("name").asList());
    Table last = (Table) magics.runs(List.of("--last", "2"));
    assertEquals(List.of("second", "third"), last.stringColumn("name").asList());
    Table good = (Table) magics.runs(List.of("--where", "accuracy", ">=", "0.8"));
    assertEquals(List.of("first", "second"), good.stringColumn("name").asList());
    RunComparison c = (RunComparison) magics.runs(List.of("--compare", "first", "second"));
    // The two cells' sources differ ("a" and "b"): by hash, and as a unified diff.
    assertEquals(
        List.of("params.lr", "cell sha256"),
        c.params().stream().map(RunComparison.Difference::name).toList());
    assertEquals(
        List.of("--- run 1 (first) cell", "+++ run 2 (second) cell", "@@ -1 +1 @@", "-a", "+b"),
        c.cellDiff());
    assertEquals(
        0.05,
        c.metrics().stream()
            .filter(d -> d.name().equals("accuracy"))
            .findFirst()
            .orElseThrow()
            .delta(),
        1e-12);
    // Shown with the metric vocabulary: accuracy is a rate, so its change reads in points.
    assertTrue(
        notebook.lines().stream()
            .anyMatch(l -> l.matches("metrics +accuracy +[0-9.]+ % +[0-9.]+ % +5\\.0 pp")),
        notebook.lines().toString());
    assertEquals(false, c.all());
    assertTrue(c.hiddenRows() > 0, "params, code and versions are the same: " + c.hiddenRows());
    RunComparison everything =
        (RunComparison) magics.runs(List.of("--compare", "first", "second", "--all"));
    assertEquals(true, everything.all());
    assertEquals(0, everything.hiddenRows());
  }

  @Test
  void runsWritesCsvOfAllRuns() throws Exception {
    cell("a", 0.8);
    magics.experiment(List.of("first", "--params", "lr=0.1"), "a");
    magics.runs(List.of("--csv", folder.resolve("runs.csv").toString()));
    List<String> lines = Files.readAllLines(folder.resolve("runs.csv"));
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("1,first,finished,"), lines.get(1));
  }

  @Test
  void compareNeedsTwoRuns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> magics.runs(List.of("--compare", "1")));
    assertEquals("%runs --compare takes two runs (ids or names), got [1]", e.getMessage());
  }

  @Test
  void logOptionAppliesToItsCellOnly() throws Exception {
    cell("a", 0.5);
    magics.experiment(List.of("elsewhere", "--params", "lr=0.2", "--log", "team.db"), "a");
    magics.experiment(List.of("here", "--params", "lr=0.3"), "a");
    try (ExperimentLog team = ExperimentLog.open(folder.resolve("team.db").toString())) {
      assertEquals(List.of("elsewhere"), team.runs().stringColumn("name").asList());
    }
    assertEquals(List.of("here"), ((Table) magics.runs(List.of())).stringColumn("name").asList());
    Table other = (Table) magics.runs(List.of("--log", "team.db"));
    assertEquals(List.of("elsewhere"), other.stringColumn("name").asList());
    assertEquals(List.of("here"), ((Table) magics.runs(List.of())).stringColumn("name").asList());
  }

  @Test
  void kernelLogComesFromTheEnvironmentVariableWhenSet() throws Exception {
    RunMagics shared = new RunMagics(notebook, folder, "shared.db");
    notebook.cells.put("b", () -> null);
    shared.experiment(List.of("one"), "b");
    try (ExperimentLog log = ExperimentLog.open(folder.resolve("shared.db").toString())) {
      assertEquals(List.of("one"), log.runs().stringColumn("name").asList());
    }
    assertTrue(Files.notExists(folder.resolve(RunMagics.DEFAULT_LOG)));
  }

  @Test
  void passwordOfAnUnusableLogNeverReachesTheWarning() throws Exception {
    notebook.cells.put("b", () -> null);
    RunRecord r = magics.experiment(
        List.of("offline", "--log", "jdbc:nosuch://h/d?user=ana&password=hunter2-p@ss,w0rd"), "b");
    assertEquals(0, r.id());
    assertEquals(
        "⚠ No JDBC driver accepts experiment log jdbc:nosuch://h/d?user=ana&password=***; add the"
            + " nosuch driver's jar to the class path\n"
            + "The cell still runs; run \"offline\" is kept in this kernel only (shown below, not"
            + " saved).",
        notebook.displayed.get(0));
  }

  @Test
  void csvExportRefusesToReplaceAFileWithoutForce() throws Exception {
    cell("a", 0.8);
    magics.experiment(List.of("first", "--params", "lr=0.1"), "a");
    Path csv = Files.writeString(folder.resolve("runs.csv"), "keep me\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> magics.runs(List.of("--csv", "runs.csv")));
    assertEquals("Not writing " + csv + ": the file already exists; choose another name or allow"
        + " replacing it (library: overwrite = true; magic: --force)", e.getMessage());
    assertEquals("keep me\n", Files.readString(csv));
    magics.runs(List.of("--csv", "runs.csv", "--force"));
    assertEquals(2, Files.readAllLines(csv).size());
    IllegalArgumentException alone =
        assertThrows(IllegalArgumentException.class, () -> magics.runs(List.of("--force")));
    assertEquals("%runs: --force only goes with --csv FILE", alone.getMessage());
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test",
        "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> String.join(" ", args) + ": " + out);
  }

  @Test
  void restoreWritesTheRunsCommitPatchAndCellSource() throws Exception {
    Path repo = fresh();
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("train.java"), "v1\n");
    git(repo, "add", "train.java");
    git(repo, "commit", "-q", "-m", "first");
    Files.writeString(repo.resolve("train.java"), "v2\n");
    RunMagics inRepo = new RunMagics(notebook, repo, null);
    notebook.cells.put("train();", () -> null);
    RunRecord r = inRepo.experiment(List.of("dirty"), "train();");
    assertTrue(r.code().dirty(), "only train.java changed, the log's own files do not count");
    CodeRestore restored = (CodeRestore) inRepo.runs(List.of("--restore", "dirty", "restored"));
    Path out = repo.resolve("restored");
    assertEquals(
        List.of(out.resolve("COMMIT"), out.resolve("changes.patch"), out.resolve("cell.jsh")),
        restored.files());
    assertEquals("train();", Files.readString(out.resolve("cell.jsh")));
    assertEquals(r.code().commit() + "\n", Files.readString(out.resolve("COMMIT")));
    assertEquals("Wrote " + restored.files() + "; to rebuild run 1's code:\ngit checkout "
        + r.code().commit() + "\ngit apply " + out.resolve("changes.patch"),
        notebook.displayed.get(notebook.displayed.size() - 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> inRepo.runs(List.of("--restore", "1")));
    assertEquals("%runs --restore takes a run (id or name) and one folder to write it to, e.g."
        + " %runs --restore 3 restored/; got []", e.getMessage());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void dataAndModelFilesAreRecordedWithTheirHashesRowsAndColumns() throws Exception {
    Files.createDirectories(folder.resolve("data"));
    Files.writeString(folder.resolve("data/train.csv"), "x,y,label\n1,2,a\n3,4,b\n5,6,a\n");
    Files.writeString(folder.resolve("data/test.csv"), "x,label\n7,b\n");
    notebook.cells.put(
        "fit();",
        () -> {
          Files.write(folder.resolve("model.bin"), new byte[] {1, 2, 3});
          return null;
        });
    RunRecord r =
        magics.experiment(
            List.of("fit", "--data", "data/train.csv,data/test.csv", "--model", "model.bin"),
            "fit();");
    assertEquals(RunRecord.Status.FINISHED, r.status(), r.message());
    assertEquals(
        List.of("train.csv", "test.csv"),
        r.datasets().stream().map(dev.errata.log.Dataset::name).toList());
    assertEquals(3, r.datasets().get(0).rows().getAsLong());
    assertEquals(3, r.datasets().get(0).columns().getAsInt());
    assertEquals(1, r.datasets().get(1).rows().getAsLong());
    assertEquals(
        sha256("x,label\n7,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        r.datasets().get(1).sha256());
    assertEquals(folder.resolve("model.bin").toString(), r.models().get(0).path());
    assertEquals(sha256(new byte[] {1, 2, 3}), r.models().get(0).sha256());
    assertEquals(r.datasets(), magics.log().run(r.id()).datasets());
    assertEquals(r.models(), magics.log().run(r.id()).models());
  }

  @Test
  void missingDataFileIsRefusedBeforeTheRunStarts() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.experiment(List.of("fit", "--data", "nope.csv"), "fit();"));
    assertEquals(
        "%%experiment --data: no file \"nope.csv\" (looked for " + folder.resolve("nope.csv") + ")",
        e.getMessage());
    assertEquals(List.of(), magics.log().records());
  }

  @Test
  void modelFileTheCellDidNotWriteFailsTheRun() {
    notebook.cells.put("fit();", () -> null);
    Exception e =
        assertThrows(
            RunMagics.CellFailedException.class,
            () -> magics.experiment(List.of("fit", "--model", "model.bin"), "fit();"));
    assertTrue(
        e.getMessage()
            .endsWith(
                "%%experiment --model: no file "
                    + folder.resolve("model.bin")
                    + " after the cell ran; write the model there, or leave --model out"),
        e.getMessage());
    assertEquals(RunRecord.Status.FAILED, magics.log().run("fit").status());
  }

  @Test
  void runsShowsOnlyWhatVariesUnlessAllIsAsked() throws Exception {
    cell("a", 0.8);
    cell("b", 0.85);
    magics.experiment(List.of("first", "--params", "lr=0.1,depth=3"), "a");
    magics.experiment(List.of("second", "--params", "lr=0.01,depth=3"), "a");
    Table compact = (Table) magics.runs(List.of());
    assertEquals(
        List.of(
            "id",
            "name",
            "status",
            "started (UTC)",
            "duration",
            "params.lr",
            "metrics.accuracy",
            "metrics.lr seen",
            "code",
            "code (full)"),
        compact.columnNames());
    // The short code cell carries the full value as its tooltip; the text view keeps it short.
    dev.errata.render.View view =
        dev.errata.render.View.of(dev.errata.log.ExperimentLog.shown(compact)).orElseThrow();
    String full0 = compact.stringColumn("code (full)").get(0);
    assertTrue(
        view.html().contains(" title=\"" + dev.errata.render.Html.escape(full0) + "\">"),
        view.html());
    assertFalse(view.text().contains("(full)"), view.text());
    assertEquals(List.of("0.1", "0.01"), compact.stringColumn("params.lr").asList());
    int full = magics.log().runs().columnCount();
    assertEquals(
        "Showing 9 of "
            + full
            + " columns (params that differ, key metrics, short hashes: hover one for its full"
            + " value); %runs --all shows every column and the full hashes",
        notebook.displayed.get(notebook.displayed.size() - 1));
    Table all = (Table) magics.runs(List.of("--all"));
    assertEquals(magics.log().runs().columnNames(), all.columnNames());
    Table last = (Table) magics.runs(List.of("--last", "1"));
    assertEquals(
        List.of("params.depth", "params.lr"),
        last.columnNames().stream().filter(c -> c.startsWith("params.")).toList());
  }

  @Test
  void aBarePerClassMetricNameFindsThePositiveClasssLoggedKey() throws Exception {
    notebook.cells.put("r", () -> {
      magics.current().metric("recall of 1", magics.current().doubleParam("lr") * 10);
      return null;
    });
    magics.experiment(List.of("first", "--params", "lr=0.07"), "r");
    magics.experiment(List.of("second", "--params", "lr=0.08"), "r");
    dev.errata.render.chart.Chart across =
        (dev.errata.render.chart.Chart)
            magics.runs(List.of("--chart", "across", "--metric", "recall"));
    assertEquals("recall of 1 across runs", across.title());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.runs(List.of("--chart", "across", "--metric", "precision")));
    assertTrue(none.getMessage().contains("metrics.precision"), none.getMessage());
  }

  @Test
  void runsChartDrawsParallelCoordinatesOrAMetricAcrossRuns() throws Exception {
    cell("a", 0.8);
    cell("b", 0.85);
    magics.experiment(List.of("first", "--params", "lr=0.1,depth=3"), "a");
    magics.experiment(List.of("second", "--params", "lr=0.01,depth=3"), "b");
    dev.errata.render.chart.Chart parallel =
        (dev.errata.render.chart.Chart)
            magics.runs(List.of("--chart", "parallel", "--metric", "accuracy"));
    assertSame(parallel, notebook.displayed.get(notebook.displayed.size() - 1));
    dev.errata.render.chart.Parallel p = (dev.errata.render.chart.Parallel) parallel.plot();
    assertEquals(List.of("first", "second"), p.lines());
    assertEquals(
        List.of("lr", "accuracy"),
        p.dimensions().stream().map(dev.errata.render.chart.Parallel.Dimension::label).toList());
    assertEquals(
        "accuracy across runs",
        ((dev.errata.render.chart.Chart)
                magics.runs(List.of("--chart", "across", "--metric", "metrics.accuracy", "--last", "1")))
            .title());
    IllegalArgumentException kind =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.runs(List.of("--chart", "pie", "--metric", "accuracy")));
    assertEquals(
        "%runs: --chart takes parallel or across, got \"pie\"",
        kind.getMessage());
    IllegalArgumentException noMetric =
        assertThrows(IllegalArgumentException.class, () -> magics.runs(List.of("--chart", "parallel")));
    assertEquals(
        "%runs --chart parallel needs --metric NAME, one of [accuracy, lr seen]",
        noMetric.getMessage());
    IllegalArgumentException alone =
        assertThrows(IllegalArgumentException.class, () -> magics.runs(List.of("--metric", "accuracy")));
    assertEquals("%runs: --metric only goes with --chart parallel|across", alone.getMessage());
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.runs(List.of("--chart", "across", "--metric", "accuracy", "--csv", "x.csv")));
    assertEquals("%runs: --chart does not go with --csv", both.getMessage());
  }
}
