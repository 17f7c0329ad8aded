package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Diff-only comparison: what changed is shown, the rest counted; versions are compared too. */
class RunComparisonTest {

  private static final CodeVersion CODE = new CodeVersion("abc123", false, "", "/repo");

  private static Table shares(double cafe) {
    return Table.create(
        "data shares",
        StringColumn.create("slice", "noise = cafe", "noise = quiet"),
        DoubleColumn.create("share", cafe, 1 - cafe));
  }

  private static Table slices(double young, double old) {
    return Table.create(
        "slices",
        StringColumn.create("slice", "young", "old"),
        DoubleColumn.create("accuracy", young, old));
  }

  @Test
  void onlyChangedParamsMetricsSharesAndSliceCellsAreShownAndTheRestCounted() {
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("diff").resolve("runs.db").toString())) {
      log.start("a", Map.of("lr", 0.1, "depth", 3), CODE)
          .metrics(Map.of("accuracy", 0.8, "loss", 1.0))
          .table("data shares", shares(0.2))
          .table("slices", slices(0.9, 0.6))
          .finish();
      log.start("b", Map.of("lr", 0.1, "depth", 4), CODE)
          .metrics(Map.of("accuracy", 0.8, "loss", 0.5))
          .table("data shares", shares(0.5))
          .table("slices", slices(0.9, 0.7))
          .finish();
      RunComparison c = log.compare("a", "b");
      assertEquals(
          List.of(new RunComparison.Difference("params.depth", Optional.of(3L), Optional.of(4L))),
          c.params());
      // Same: params.lr, commit, dirty, diff sha256, model, errata version, jdk, libraries (8),
      // metric accuracy (1) and slice "young" (1).
      assertEquals(10, c.hiddenRows());
      Table t = c.toTable();
      assertEquals(
          List.of("metrics", "data shares", "data shares", "slices"),
          t.stringColumn("table").asList());
      assertEquals(
          List.of("", "noise = cafe", "noise = quiet", "old"), t.stringColumn("row").asList());
      assertEquals(List.of("loss", "share", "share", "accuracy"), t.stringColumn("value").asList());
      assertEquals(-0.5, t.doubleColumn("delta").get(0), 1e-12);
      assertEquals(0.3, t.doubleColumn("delta").get(1), 1e-12);
      assertEquals(-0.3, t.doubleColumn("delta").get(2), 1e-12);
      assertEquals(0.1, t.doubleColumn("delta").get(3), 1e-12);
      assertEquals(
          "run 1 → run 2: what changed (10 unchanged rows hidden; --all shows them)", t.name());
      assertEquals(List.of("params.depth"), c.paramsTable().stringColumn("differs").asList());
      assertEquals("Changed params: depth: 3 → 4", c.paramChanges());

      RunComparison all = c.showingAll();
      assertEquals(0, all.hiddenRows());
      assertEquals(6, all.toTable().rowCount()); // 2 metrics + 2 shares + 2 slice cells
      assertEquals("run 1 → run 2: metric deltas", all.toTable().name());
      assertEquals(
          List.of(
              "params.depth",
              "params.lr",
              "commit",
              "dirty",
              "diff sha256",
              "model",
              "errata version",
              "jdk",
              "libraries"),
          all.paramsTable().stringColumn("differs").asList());
    }
  }

  @Test
  void paramChangesListChangedThenAddedThenRemovedParamsEightAtMostEach() {
    java.util.Map<String, Object> a = new java.util.TreeMap<>();
    java.util.Map<String, Object> b = new java.util.TreeMap<>();
    for (int i = 1; i <= 9; i++) {
      a.put("p" + i, (long) i);
      b.put("p" + i, (long) i + 1);
    }
    a.put("gone", "x");
    b.put("new", 0.5);
    a.put("same", "s");
    b.put("same", "s");
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("diff-changes").resolve("runs.db").toString())) {
      log.start("a", a, CODE).finish();
      log.start("b", b, CODE).finish();
      // p1 … p9 changed (eight listed), "new" only in b, "gone" only in a; "same" left out.
      assertEquals(
          "Changed params: p1: 1 → 2; p2: 2 → 3; p3: 3 → 4; p4: 4 → 5; p5: 5 → 6; p6: 6 → 7;"
              + " p7: 7 → 8; p8: 8 → 9; and 1 more; added new = 0.5; removed gone",
          log.compare("a", "b").paramChanges());
    }
  }

  @Test
  void dataSetsDifferByShortHashRowsAndColumns() throws Exception {
    Path dir = TestFolders.fresh("diff-data");
    Path v1 = Files.writeString(dir.resolve("v1.csv"), "x\n1\n");
    Path v2 = Files.writeString(dir.resolve("v2.csv"), "x\n1\n2\n");
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      log.start("a", Map.of(), CODE).dataset("train", v1).finish();
      log.start("b", Map.of(), CODE).dataset("train", v2).finish();
      Table t = log.compare("a", "b").paramsTable();
      assertEquals(List.of("data train"), t.stringColumn("differs").asList());
      // sha256sum: "x\n1\n" daff832f…, "x\n1\n2\n" aea28487….
      assertEquals("daff832f, 1 rows × 1 columns", t.stringColumn("run 1").get(0));
      assertEquals("aea28487, 2 rows × 1 columns", t.stringColumn("run 2").get(0));
    }
  }

  @Test
  void cellSourcesThatDifferAreHashedAndShownAsAUnifiedDiff() {
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("diff-cell").resolve("runs.db").toString())) {
      long a = log.start("a", Map.of(), CODE).source("fit(0.5);\nreport();\n").finish().id();
      long b = log.start("b", Map.of(), CODE).source("fit(0.3);\nreport();\n").finish().id();
      long same = log.start("c", Map.of(), CODE).source("fit(0.3);\nreport();\n").finish().id();
      long none = log.start("d", Map.of(), CODE).finish().id();
      RunComparison c = log.compare(a, b);
      // printf 'fit(0.5);\nreport();\n' | sha256sum → 29d130ad…; with 0.3 → 4f28d788….
      assertEquals(
          List.of(new RunComparison.Difference("cell sha256", Optional.of("29d130ad"),
              Optional.of("4f28d788"))),
          c.params());
      assertEquals(
          List.of(
              "--- run " + a + " (a) cell",
              "+++ run " + b + " (b) cell",
              "@@ -1,2 +1,2 @@",
              "-fit(0.5);",
              "+fit(0.3);",
              " report();"),
          c.cellDiff());
      RunComparison equal = log.compare(b, same);
      assertEquals(List.of(), equal.cellDiff());
      assertTrue(equal.sameParams().stream().anyMatch(d -> d.name().equals("cell sha256")));
      RunComparison oneSided = log.compare(b, none);
      assertEquals(List.of(), oneSided.cellDiff());
      assertEquals(
          new RunComparison.Difference("cell sha256", Optional.of("4f28d788"), Optional.empty()),
          oneSided.params().get(0));
      assertEquals("(none)", oneSided.paramsTable().stringColumn("run " + none).get(0));
    }
  }

  @Test
  void identicalRunsShowNothingButTheCount() {
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("diff-same").resolve("runs.db").toString())) {
      log.start("a", Map.of("lr", 0.1), CODE).metric("accuracy", Double.NaN).finish();
      log.start("b", Map.of("lr", 0.1), CODE).metric("accuracy", Double.NaN).finish();
      RunComparison c = log.compare("a", "b");
      assertTrue(c.params().isEmpty());
      assertEquals("", c.paramChanges());
      assertEquals(0, c.toTable().rowCount());
      assertEquals(9, c.hiddenRows()); // 8 params and provenance items + accuracy (undefined twice)
    }
  }

  @Test
  void librariesCompareByTheJarsOnlyOneRunHad() {
    Environment a =
        new Environment(
            "17",
            "Linux",
            "h",
            1,
            2,
            3,
            "0.1.0",
            List.of("guava-33.0.jar", "tablesaw-core-0.44.4.jar"));
    Environment b =
        new Environment(
            "21",
            "Linux",
            "h",
            1,
            2,
            3,
            "0.1.0",
            List.of("guava-33.0.jar", "tablesaw-core-0.44.5.jar"));
    List<RunComparison.Difference> d = Versions.differences(a, b);
    assertEquals(
        List.of(
            new RunComparison.Difference(
                "errata version", Optional.of("0.1.0"), Optional.of("0.1.0")),
            new RunComparison.Difference("jdk", Optional.of("17"), Optional.of("21")),
            new RunComparison.Difference(
                "libraries",
                Optional.of("only here: tablesaw-core-0.44.4.jar"),
                Optional.of("only here: tablesaw-core-0.44.5.jar"))),
        d);
  }

  @Test
  void jarsAreTheSortedFileNamesOfTheClassPathsJarsAndWildcardFolders() throws Exception {
    Path dir = TestFolders.fresh("jars");
    Files.writeString(dir.resolve("z-lib-1.0.jar"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    String sep = java.io.File.pathSeparator;
    assertEquals(
        List.of("a-2.0.jar", "tablesaw-core-0.44.4.jar", "z-lib-1.0.jar"),
        Versions.jars(
            "/m2/tablesaw-core-0.44.4.jar" + sep + "target/classes" + sep + "/lib/a-2.0.jar",
            dir + "/*",
            null));
  }
}
