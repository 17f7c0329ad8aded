package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.log.Dataset;
import dev.errata.log.ExperimentLog;
import dev.errata.log.ResultTable;
import dev.errata.log.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RunResultsTest {

  /** The course's skewed example: TN 905, FP 9, FN 18, TP 68. */
  private static Predictions course() {
    List<String> a = new ArrayList<>();
    List<String> p = new ArrayList<>();
    int[][] cells = {{0, 0, 905}, {0, 1, 9}, {1, 0, 18}, {1, 1, 68}};
    for (int[] c : cells) {
      a.addAll(Collections.nCopies(c[2], String.valueOf(c[0])));
      p.addAll(Collections.nCopies(c[2], String.valueOf(c[1])));
    }
    return Predictions.of(a, p);
  }

  @Test
  void loggedRunKeepsTheOverallMetricsAndTheReportTables() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "run-results", Long.toString(System.nanoTime())));
    ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db"));
    RunRecord r = Errata.log(log.start("course"), course()).finish();
    assertEquals(0.973, r.metrics().get("accuracy"), 1e-12);
    // Per class: F1 of "1" = 2·68 / (2·68 + 9 + 18); of "0" = 2·905 / (2·905 + 18 + 9).
    double f1One = 136.0 / 163;
    double f1Zero = 1810.0 / 1837;
    assertEquals((f1One + f1Zero) / 2, r.metrics().get("macro f1"), 1e-12);
    assertEquals((914 * f1Zero + 86 * f1One) / 1000, r.metrics().get("weighted f1"), 1e-12);
    assertEquals(1000.0, r.metrics().get("examples"));
    assertTrue(r.tables().containsKey("report"));
    assertTrue(r.tables().containsKey("confusion"));
    RunRecord stored = log.run(r.id());
    assertEquals(r.metrics(), stored.metrics());
  }

  @Test
  void undefinedMetricsAreLeftOutNotLoggedAsZero() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "run-results", Long.toString(System.nanoTime())));
    ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db"));
    // Everything predicted "a": MCC is 0/0, undefined.
    Predictions p = Predictions.of(List.of("a", "b", "b"), List.of("a", "a", "a"));
    RunRecord r = Errata.log(log.start("constant"), p).finish();
    assertFalse(r.metrics().containsKey("matthews"));
    assertEquals(1.0 / 3, r.metrics().get("accuracy"), 1e-12);
  }

  private static ExperimentLog freshLog() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "run-results", Long.toString(System.nanoTime())));
    return ExperimentLog.open(dir.resolve("runs.db"));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The course's example with "1" named positive. */
  private static Predictions coursePositive() {
    Predictions p = course();
    return PredictionsReader.fromTable(p.table())
        .actual("actual")
        .predicted("predicted")
        .positive("1")
        .load();
  }

  @Test
  void positiveClassPrecisionRecallAndF1AreTopLevelMetrics() throws Exception {
    try (ExperimentLog log = freshLog()) {
      RunRecord r = Errata.log(log.start("course"), coursePositive()).finish();
      // TP 68, FP 9, FN 18.
      assertEquals(68.0 / 77, r.metrics().get("precision of 1"), 1e-12);
      assertEquals(68.0 / 86, r.metrics().get("recall of 1"), 1e-12);
      assertEquals(136.0 / 163, r.metrics().get("f1 of 1"), 1e-12);
      assertEquals(
          List.of("accuracy", "precision of 1", "recall of 1", "f1 of 1"),
          List.copyOf(r.metrics().keySet()).subList(0, 4));
    }
  }

  @Test
  void withoutAPositiveClassTheTopLevelMetricsAreMacroAverages() throws Exception {
    try (ExperimentLog log = freshLog()) {
      // a: 2 of 2 right; b: 1 of 2 right (one predicted c); c: 1 of 1 right.
      Predictions p =
          Predictions.of(List.of("a", "a", "b", "b", "c"), List.of("a", "a", "b", "c", "c"));
      RunRecord r = Errata.log(log.start("three"), p).finish();
      // precision a 1, b 1, c 1/2; recall a 1, b 1/2, c 1; F1 a 1, b 2/3, c 2/3.
      assertEquals(2.5 / 3, r.metrics().get("macro precision"), 1e-12);
      assertEquals(2.5 / 3, r.metrics().get("macro recall"), 1e-12);
      assertEquals((1 + 4.0 / 3) / 3, r.metrics().get("macro f1"), 1e-12);
      // One spelling per number: no second, unprefixed key for the same macro averages.
      assertEquals(null, r.metrics().get("f1"));
    }
  }

  @Test
  void predictionsInMemoryAreTheRunsDataSetHashedAsTheirCsvText() throws Exception {
    try (ExperimentLog log = freshLog()) {
      Predictions p = Predictions.of(List.of("x", "y", "x"), List.of("x", "x", "x"));
      RunRecord r = log.run(Errata.log(log.start("small"), p).finish().id());
      assertEquals(1, r.datasets().size());
      Dataset d = r.datasets().get(0);
      assertEquals("predictions", d.name());
      assertEquals("(table \"predictions\" in memory)", d.path());
      assertEquals(sha256("actual,predicted\nx,x\ny,x\nx,x\n"), d.sha256());
      assertEquals(3, d.rows().getAsLong());
      assertEquals(2, d.columns().getAsInt());
    }
  }

  @Test
  void predictionsFromAFileRegisterThatFileOnce() throws Exception {
    Path dir =
        Files.createDirectories(Path.of("target", "run-results", "file-" + System.nanoTime()));
    String text = "id,actual,predicted\n1,x,x\n2,y,x\n";
    Path csv = Files.writeString(dir.resolve("preds.csv"), text);
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db"))) {
      Predictions p = Errata.read(csv.toString()).actual("actual").predicted("predicted").load();
      RunRecord r = Errata.log(log.start("from file").dataset(csv), p).finish();
      assertEquals(1, r.datasets().size(), r.datasets().toString());
      RunRecord other = Errata.log(log.start("file only"), p).finish();
      Dataset d = other.datasets().get(0);
      assertEquals("predictions", d.name());
      assertEquals(csv.toAbsolutePath().normalize().toString(), d.path());
      assertEquals(sha256(text), d.sha256());
      assertEquals(2, d.rows().getAsLong());
      assertEquals(3, d.columns().getAsInt());
    }
  }

  @Test
  void sliceColumnsAreLoggedAsDataSharesAndPerSliceMetrics() throws Exception {
    // noise: cafe rows 0-1, quiet rows 2-9. cafe: 1 of 2 right; quiet: 7 of 8 right.
    Table t =
        Table.create(
            "speech",
            StringColumn.create("actual", "1", "0", "1", "1", "0", "0", "0", "0", "1", "0"),
            StringColumn.create("predicted", "1", "1", "1", "0", "0", "0", "0", "0", "1", "0"),
            StringColumn.create(
                "noise", "cafe", "cafe", "quiet", "quiet", "quiet", "quiet", "quiet", "quiet",
                "quiet", "quiet"));
    Predictions p =
        PredictionsReader.fromTable(t).actual("actual").predicted("predicted").positive("1").load();
    try (ExperimentLog log = freshLog()) {
      RunRecord r = log.run(Errata.log(log.start("speech"), p).finish().id());
      ResultTable shares = r.tables().get("data shares");
      assertEquals(List.of("noise = cafe", "noise = quiet"), shares.columns().get(0).values());
      assertEquals(List.of(2.0, 8.0), shares.columns().get(1).values());
      assertEquals(List.of(0.2, 0.8), shares.columns().get(2).values());
      ResultTable slices = r.tables().get("per slice");
      assertEquals(
          List.of("slice", "accuracy", "precision of 1", "recall of 1", "f1 of 1"),
          slices.columns().stream().map(ResultTable.ResultColumn::name).toList());
      // cafe: TP 1, FP 1, FN 0 → precision 1/2, recall 1, F1 2/3, accuracy 1/2.
      assertEquals(List.of(0.5, 0.875), slices.columns().get(1).values());
      assertEquals(0.5, slices.columns().get(2).number(0), 1e-12);
      assertEquals(1.0, slices.columns().get(3).number(0), 1e-12);
      assertEquals(2.0 / 3, slices.columns().get(4).number(0), 1e-12);
      // quiet: TP 2, FP 0, FN 1 → precision 1, recall 2/3, F1 4/5.
      assertEquals(1.0, slices.columns().get(2).number(1), 1e-12);
      assertEquals(2.0 / 3, slices.columns().get(3).number(1), 1e-12);
      assertEquals(0.8, slices.columns().get(4).number(1), 1e-12);
    }
  }

  @Test
  void predictionsWithoutSliceColumnsLogNoSliceTables() throws Exception {
    try (ExperimentLog log = freshLog()) {
      RunRecord r = Errata.log(log.start("course"), course()).finish();
      assertEquals(List.of("report", "confusion"), List.copyOf(r.tables().keySet()));
    }
  }

  @Test
  void aLoggedRunIsADataCheckReferenceWithTheSameCountsAsItsPredictions() throws Exception {
    Table t =
        Table.create(
            "before",
            StringColumn.create("actual", "a", "a", "a", "a", "b", "b", "b", "b", "c", "c"),
            StringColumn.create("predicted", "a", "a", "a", "b", "b", "b", "b", "b", "c", "a"),
            StringColumn.create("accent", "x", "x", "x", "x", "x", "y", "y", "y", "y", "y"));
    Predictions before = PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
    try (ExperimentLog log = freshLog()) {
      RunRecord r = log.run(Errata.log(log.start("baseline"), before).finish().id());
      dev.errata.course.DataShares fromRun = Errata.dataShares(r);
      assertEquals("run " + r.id() + " (\"baseline\")", fromRun.source());
      assertEquals(java.util.Map.of("a", 4.0, "b", 4.0, "c", 2.0), fromRun.classes());
      assertEquals(java.util.Map.of("x", 5.0, "y", 5.0), fromRun.column("accent"));
      dev.errata.course.DataShares fromFile =
          dev.errata.course.DataShares.of(before, List.of("accent"));
      assertEquals(fromFile.classes(), fromRun.classes());
      assertEquals(fromFile.column("accent"), fromRun.column("accent"));
      // Now: a 6, b 3, c 1 against a 4, b 4, c 2: chi-square 0.876190 (DataCheckTest by hand).
      Predictions now =
          Predictions.of(
              List.of("a", "a", "a", "a", "a", "a", "b", "b", "b", "c"),
              List.of("a", "a", "a", "a", "a", "a", "b", "b", "b", "c"));
      var report = Errata.dataCheck(now).reference(fromRun).report();
      assertEquals(0.8761904761904762, report.drift("class").chiSquare(), 1e-12);
      assertEquals(Math.exp(-0.8761904761904762 / 2), report.drift("class").p(), 1e-12);
    }
  }

  @Test
  void aRunWithoutTheConfusionTableSaysHowToLogOne() throws Exception {
    try (ExperimentLog log = freshLog()) {
      RunRecord r = log.start("bare").metric("accuracy", 0.9).finish();
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> Errata.dataShares(r));
      assertEquals(
          "run "
              + r.id()
              + " (\"bare\") logged no \"confusion\" table, so it holds no class counts; tables"
              + " are []. Log predictions on a run with Errata.log(run, p) (in a %%experiment cell:"
              + " Errata.log(currentRun(), p))",
          e.getMessage());
    }
  }
}
