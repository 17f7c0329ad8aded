package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** The runs table, filtering, comparing two runs and CSV export, on a small log built here. */
class RunsTableTest {

  private static final CodeVersion CODE = new CodeVersion("abc123", false, "e3b0", "/repo");

  private static Table slices(double young, double old) {
    return Table.create("per slice", StringColumn.create("slice", "young", "old"),
        DoubleColumn.create("accuracy", young, old));
  }

  /** Three runs: lr 0.1/depth 3, lr 0.01/depth 3, and a failed one with a text param. */
  private static ExperimentLog threeRuns() {
    ExperimentLog log = ExperimentLog.open(TestFolders.fresh("table").resolve("runs.db").toString());
    log.start("a", Map.of("lr", 0.1, "depth", 3), CODE).metric("accuracy", 0.80).table("per slice", slices(0.9, 0.6)).finish();
    log.start("b", Map.of("lr", 0.01, "depth", 3), CODE).metrics(Map.of("accuracy", 0.85, "f1", 0.7)).table("per slice", slices(0.88, 0.75)).finish();
    log.start("c", Map.of("lr", "auto"), CODE).fail("boom");
    return log;
  }

  @Test
  void theRunCardNamesAFewJarsAndKeepsTheFullListAsTheTooltip() throws Exception {
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("card").resolve("runs.db").toString())) {
      RunRecord r = log.start("jars", Map.of(), CODE).finish();
      List<String> jars = r.environment().libraries();
      assertTrue(jars.size() > RunRecordTable.SHOWN_JARS, "the test class path has " + jars);
      Table card = r.toTable();
      int row = card.stringColumn("field").asList().indexOf("libraries");
      assertEquals(row, card.rowCount() - 1);
      assertEquals(
          jars.size() + " jars: " + String.join(", ", jars.subList(0, RunRecordTable.SHOWN_JARS))
              + ", … (all in the tooltip, or environment().libraries())",
          card.stringColumn("value").get(row));
      assertEquals(
          jars.size() + " jars: " + String.join(", ", jars),
          card.stringColumn("value (full)").get(row));
      assertEquals("", card.stringColumn("value (full)").get(0));
      String html = dev.errata.render.View.of(r).orElseThrow().html();
      assertTrue(html.contains(" title=\"" + jars.size() + " jars: "), html);
      assertTrue(!html.contains(">value (full)<"), "the full list is no column of its own");
    }
  }

  @Test
  void oneRowPerRunWithParamsAndMetricsAsColumnsInNameOrder() {
    try (ExperimentLog log = threeRuns()) {
      Table t = log.runs();
      assertEquals(3, t.rowCount());
      assertEquals(List.of("params.depth", "params.lr", "metrics.accuracy", "metrics.f1"),
          t.columnNames().subList(t.columnCount() - 4, t.columnCount()));
      assertEquals(List.of("a", "b", "c"), t.stringColumn("name").asList());
      assertEquals(List.of("finished", "finished", "failed"), t.stringColumn("status").asList());
      assertEquals(List.of("", "", "boom"), t.stringColumn("message").asList());
      assertEquals(List.of("0.1", "0.01", "auto"), t.stringColumn("params.lr").asList()); // mixed kinds → text
      assertEquals(List.of(3L, 3L), t.longColumn("params.depth").asList().subList(0, 2));
      assertTrue(t.longColumn("params.depth").isMissing(2));
      assertEquals(0.85, t.doubleColumn("metrics.accuracy").get(1));
      assertTrue(t.doubleColumn("metrics.f1").isMissing(0));
      assertTrue(t.doubleColumn("seconds").get(0) >= 0);
      assertEquals("abc123", t.stringColumn("commit").get(0));
    }
  }

  @Test
  void filterKeepsMatchingRuns() {
    try (ExperimentLog log = threeRuns()) {
      assertEquals(List.of("b"), log.runs("metrics.accuracy > 0.8").stringColumn("name").asList());
      assertEquals(List.of("a", "b"), log.runs("accuracy>=0.8 and depth = 3").stringColumn("name").asList());
      assertEquals(List.of("a", "c"), log.runs("name = a or status = failed").stringColumn("name").asList());
      assertEquals(List.of("c"), log.runs("message ~ oo").stringColumn("name").asList());
      assertEquals(List.of(), log.runs("f1 < 0").stringColumn("name").asList());
    }
  }

  @Test
  void filterOnAnUnknownColumnListsTheColumns() {
    try (ExperimentLog log = threeRuns()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.runs("acc > 1"));
      assertTrue(e.getMessage().startsWith("Filter \"acc > 1\": no column \"acc\"; columns are [id, name, status,"), e.getMessage());
      assertTrue(e.getMessage().contains("metrics.accuracy, metrics.f1]"), e.getMessage());
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> log.runs("accuracy >"));
      assertEquals("Filter \"accuracy >\": expected COLUMN OP VALUE at \"accuracy >\". Write conditions like"
          + " metrics.accuracy > 0.9 and params.depth = 3", bad.getMessage());
    }
  }

  @Test
  void compareShowsOnlyDifferingParamsAndEveryMetricAndSliceDelta() {
    try (ExperimentLog log = threeRuns()) {
      RunComparison c = log.compare(1, 2);
      assertEquals(List.of(new RunComparison.Difference("params.lr", Optional.of(0.1), Optional.of(0.01))), c.params());
      assertEquals(List.of(new RunComparison.Delta("accuracy", 0.80, 0.85), new RunComparison.Delta("f1", Double.NaN, 0.7)), c.metrics());
      assertEquals(0.05, c.metrics().get(0).delta(), 1e-12);
      assertEquals(List.of(new RunComparison.CellDelta("per slice", "young", "accuracy", 0.9, 0.88),
          new RunComparison.CellDelta("per slice", "old", "accuracy", 0.6, 0.75)), c.cells());
      Table t = c.toTable();
      assertEquals(List.of("metrics", "metrics", "per slice", "per slice"), t.stringColumn("table").asList());
      assertEquals(0.15, t.doubleColumn("delta").get(3), 1e-12);
      assertEquals(List.of("params.lr"), c.paramsTable().stringColumn("differs").asList());
      assertEquals(List.of("0.1"), c.paramsTable().stringColumn("run 1").asList());
    }
  }

  @Test
  void runByNameIsTheLatestOfThatName() {
    try (ExperimentLog log = threeRuns()) {
      long again = log.start("a", Map.of("lr", 0.5), CODE).finish().id();
      assertEquals(again, log.run("a").id());
      assertEquals(2, log.run("2").id());
      assertEquals(List.of(new RunComparison.Difference("params.depth", Optional.of(3L), Optional.empty()),
          new RunComparison.Difference("params.lr", Optional.of(0.01), Optional.of(0.5))),
          log.compare("b", "a").params());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.run("zzz"));
      assertEquals("No run named \"zzz\" in experiment log " + log.location() + "; names are [a, b, c]", e.getMessage());
    }
  }

  @Test
  void oneRunAsFieldAndValueTable() {
    try (ExperimentLog log = threeRuns()) {
      Table t = log.run(2).toTable();
      // A third column only carries the full jar list, as the libraries cell's tooltip.
      assertEquals(
          log.run(2).environment().libraries().size() > RunRecordTable.SHOWN_JARS
              ? List.of("field", "value", "value (full)")
              : List.of("field", "value"),
          t.columnNames());
      assertEquals("2", t.stringColumn("value").get(0));
      int lr = t.stringColumn("field").asList().indexOf("params.lr");
      assertEquals("0.01", t.stringColumn("value").get(lr));
      int f1 = t.stringColumn("field").asList().indexOf("metrics.f1");
      assertEquals("0.7", t.stringColumn("value").get(f1));
      assertEquals("abc123 (clean)", t.stringColumn("value").get(t.stringColumn("field").asList().indexOf("commit")));
    }
  }

  @Test
  void numbersAreShownWithoutLocaleOrExponent() {
    assertEquals("0.00001", RunRecordTable.number(1e-5));
    assertEquals("0.3", RunRecordTable.number(0.1 + 0.2));
    assertEquals("12345", RunRecordTable.number(12345));
    assertEquals("undefined", RunRecordTable.number(Double.NaN));
  }

  @Test
  void compareWithAMissingRunIsAnError() {
    try (ExperimentLog log = threeRuns()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.compare(1, 9));
      assertEquals(
          "No run 9 in experiment log " + log.location() + "; ids are 1 to 3", e.getMessage());
    }
  }

  @Test
  void csvExportWritesEveryRunWithExactNumbers() throws Exception {
    try (ExperimentLog log = threeRuns()) {
      Path csv = log.exportCsv(TestFolders.fresh("csv").resolve("runs.csv"));
      List<String> lines = Files.readAllLines(csv);
      assertEquals(4, lines.size());
      String header = lines.get(0);
      assertTrue(header.startsWith("id,name,status,started,seconds,"), header);
      assertTrue(header.endsWith(",params.depth,params.lr,metrics.accuracy,metrics.f1"), header);
      assertTrue(lines.get(2).startsWith("2,b,finished,"), lines.get(2));
      assertTrue(lines.get(2).endsWith(",3,0.01,0.85,0.7"), lines.get(2));
      assertTrue(lines.get(3).endsWith(",,auto,,"), lines.get(3));
      String started = lines.get(1).split(",")[3];
      assertTrue(started.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), started);
    }
  }

  @Test
  void csvExportNeutralisesFormulasButKeepsNegativeNumbers() throws Exception {
    Path dir = TestFolders.fresh("csv-formulas");
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      log.start("=HYPERLINK(\"http://x\")", Map.of("note", "@SUM(A1)", "shift", -0.5), CODE)
          .metric("delta", -0.25)
          .fail("-1+1");
      Path csv = log.exportCsv(dir.resolve("runs.csv"));
      List<String> lines = Files.readAllLines(csv);
      assertTrue(lines.get(1).startsWith("1,\"'=HYPERLINK(\"\"http://x\"\")\",failed,"), lines.get(1));
      assertTrue(lines.get(1).contains(",'-1+1,"), lines.get(1));
      assertTrue(lines.get(1).endsWith(",'@SUM(A1),-0.5,-0.25"), lines.get(1));
    }
  }

  @Test
  void csvExportRefusesToReplaceAFileUnlessAsked() throws Exception {
    Path dir = TestFolders.fresh("csv-exists");
    Path csv = Files.writeString(dir.resolve("runs.csv"), "mine\n");
    try (ExperimentLog log = threeRuns()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.exportCsv(csv));
      assertEquals("Not writing " + csv + ": the file already exists; choose another name or allow"
          + " replacing it (library: overwrite = true; magic: --force)", e.getMessage());
      assertEquals("mine\n", Files.readString(csv));
      log.exportCsv(csv, true);
      assertEquals(4, Files.readAllLines(csv).size());
    }
  }
}
