package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PredictionsReaderTest {

  /** Rows a long test file runs past the first chunk a reader might type columns from. */
  private static final int DETECTION_ROWS = 20_000;

  private static final String ACCEPTED =
      ", written like 0.25, 1 or 2.5e-3 ('.' as the decimal point, no thousands separators)";

  private static Path file(String name, String... lines) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "reader-test"));
    Path f = dir.resolve(name);
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static String error(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void tsvIsReadByItsExtension() throws IOException {
    Path f = file("p.tsv", "id\tlabel\tpred", "1\ta\ta", "2\tb\ta");
    Predictions p = PredictionsReader.csv(f).actual("label").predicted("pred").id("id").load();
    assertEquals(List.of("a", "b"), p.labels().names());
    assertEquals(1, p.actual(1));
    assertEquals(0, p.predicted(1));
  }

  @Test
  void jsonLinesReadsFlatObjectsWithIntegerLabelsAndProbabilities() throws IOException {
    Path f =
        file(
            "p.jsonl",
            "{\"id\": 1, \"y\": 10, \"yhat\": 9, \"p_9\": 0.6, \"p_10\": 0.4}",
            "",
            "{\"id\": 2, \"y\": 9, \"yhat\": 9.0, \"p_9\": 1, \"p_10\": 0, \"note\": \"x\"}");
    Predictions asWritten =
        PredictionsReader.file(f.toString()).actual("y").predicted("yhat").id("id").load();
    assertEquals(List.of("9", "9.0", "10"), asWritten.labels().names(), "9.0 is kept as written");
    assertEquals(
        List.of(
            "1 empty line(s) of " + f + " are not examples and were skipped; first lines [2]",
            "Labels of "
                + f
                + " that are the same number written differently are kept as separate classes,"
                + " as written: \"9\" = \"9.0\". To count each number as one class, read with"
                + " mergeNumericLabels(true) (magic: --merge-numbers)",
            "Predicted but never actual: [9.0]"),
        asWritten.warnings());
    Predictions p =
        PredictionsReader.file(f.toString())
            .actual("y")
            .predicted("yhat")
            .id("id")
            .probabilityPrefix("p_")
            .mergeNumericLabels(true)
            .load();
    assertEquals(List.of("9", "10"), p.labels().names(), "numeric labels sort as numbers");
    assertEquals(1, p.actual(0));
    assertEquals(0, p.predicted(1), "9.0 merged into the label 9");
    assertEquals(0.4, p.probability(0, 1));
    assertEquals(Map.of("9", "p_9", "10", "p_10"), p.roles().probabilities());
    assertTrue(p.table().stringColumn("note").isMissing(0));
  }

  @Test
  void jsonLinesErrorsNameTheLine() throws IOException {
    Path bad = file("bad.jsonl", "{\"y\": 1, \"yhat\": 1}", "{\"y\": 1, \"yhat\": }");
    assertEquals(
        "Line 2 of "
            + bad
            + ", character 18: not valid JSON (Unexpected character ('}' (code"
            + " 125)): expected a value)",
        error(() -> PredictionsReader.jsonLines(bad).actual("y").predicted("yhat").load()));
    Path nested = file("nested.jsonl", "{\"y\": 1, \"yhat\": 1, \"meta\": {\"a\": 1}}");
    assertEquals(
        "Line 1 of "
            + nested
            + ", key \"meta\": nested objects and arrays are not supported;"
            + " flatten them into keys",
        error(() -> PredictionsReader.jsonLines(nested).actual("y").predicted("yhat").load()));
    Path array = file("array.jsonl", "[1, 2]");
    assertEquals(
        "Line 1 of "
            + array
            + ": expected a JSON object such as {\"actual\": \"a\","
            + " \"predicted\": \"b\"}",
        error(() -> PredictionsReader.jsonLines(array).actual("y").predicted("yhat").load()));
    Path empty = file("empty.jsonl", "");
    assertEquals(
        empty + " is empty; expected one JSON object per line, one line per example",
        error(() -> PredictionsReader.jsonLines(empty).actual("y").predicted("yhat").load()));
  }

  @Test
  void tableWithIntegerLabelsIsEncodedOnce() {
    Table t =
        Table.create(
            "ints",
            IntColumn.create("y", new int[] {1, 0, 1}),
            IntColumn.create("yhat", new int[] {1, 1, 0}));
    Predictions p = PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
    assertEquals(List.of("0", "1"), p.labels().names());
    assertEquals(1, p.actual(0));
    assertEquals(0, p.predicted(2));
  }

  @Test
  void nonNumericScoreNamesRowAndColumn() throws IOException {
    Path f = file("score.csv", "label,pred,score", "a,a,0.5", "b,a,0.9x");
    assertEquals(
        "Row 2 of "
            + f
            + ", column \"score\": \"0.9x\" is not a number; expected a number in"
            + " [0, 1]"
            + ACCEPTED,
        error(
            () ->
                PredictionsReader.csv(f).actual("label").predicted("pred").score("score").load()));
    Table t =
        Table.create(
            "t",
            StringColumn.create("label", "a", "b"),
            StringColumn.create("pred", "a", "a"),
            StringColumn.create("score", "0.5", "0.9x"));
    assertEquals(
        "Row 2 of t, column \"score\": \"0.9x\" is not a number; expected a number in [0, 1]"
            + ACCEPTED,
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .score("score")
                    .load()));
  }

  @Test
  void scoreAndProbabilityMustLieInUnitInterval() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("label", "a", "b", "b"),
            StringColumn.create("pred", "a", "a", "b"),
            DoubleColumn.create("score", 0.5, 0.2, 1.5),
            DoubleColumn.create("pa", 0.5, -0.1, 0.5),
            DoubleColumn.create("pb", 0.5, 0.5, 0.5));
    assertEquals(
        "Row 3 of t, column \"score\": score 1.5 is outside [0, 1]",
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .score("score")
                    .load()));
    assertEquals(
        "Row 2 of t, column \"pa\": probability -0.1 is outside [0, 1]",
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .probabilities(Map.of("a", "pa", "b", "pb"))
                    .load()));
  }

  @Test
  void probabilityColumnsAreCheckedAgainstTheClasses() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("label", "a", "b"),
            StringColumn.create("pred", "a", "c"),
            DoubleColumn.create("p_a", 0.5, 0.2),
            DoubleColumn.create("p_b", 0.5, 0.2),
            DoubleColumn.create("p_z", 0.0, 0.6));
    assertEquals(
        "No column \"p_c\" (probability of \"c\") in t; columns are [label, pred, p_a, p_b, p_z]",
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .probabilityPrefix("p_")
                    .load()));
    assertEquals(
        "Unknown class in probabilities \"z\"; classes are [a, b, c]",
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .probabilities(Map.of("z", "p_z"))
                    .load()));
    Predictions p =
        PredictionsReader.fromTable(t)
            .actual("label")
            .predicted("pred")
            .probabilities(Map.of("a", "p_a"))
            .load();
    assertTrue(p.hasProbability(0));
    assertFalse(p.hasProbability(1));
  }

  @Test
  void duplicateIdsNameBothRows() throws IOException {
    Path f = file("ids.csv", "id,label,pred", "7,a,a", "8,a,b", "9,b,b", "8,b,a");
    assertEquals(
        "Row 4 of "
            + f
            + ", column \"id\": duplicate id \"8\" (first seen at row 2); ids must be"
            + " unique",
        error(() -> PredictionsReader.csv(f).actual("label").predicted("pred").id("id").load()));
    Table t =
        Table.create(
            "t",
            StringColumn.create("id", "x", "y", "x"),
            StringColumn.create("label", "a", "b", "b"),
            StringColumn.create("pred", "a", "a", "b"));
    assertEquals(
        "Row 3 of t, column \"id\": duplicate id \"x\" (first seen at row 1); ids must be unique",
        error(
            () ->
                PredictionsReader.fromTable(t).actual("label").predicted("pred").id("id").load()));
  }

  @Test
  void largeLongIdsAreComparedExactly() {
    long big = 1L << 53;
    Table t =
        Table.create(
            "t",
            tech.tablesaw.api.LongColumn.create("id", big, big + 1, big - 1),
            StringColumn.create("label", "a", "b", "b"),
            StringColumn.create("pred", "a", "a", "b"));
    assertEquals(
        3, PredictionsReader.fromTable(t).actual("label").predicted("pred").id("id").load().size());
  }

  @Test
  void missingLabelsAreCountedWithTheirFirstRows() throws IOException {
    Path f = file("missing.csv", "label,pred", "a,a", ",b", "b,", "a,a");
    assertEquals(
        "2 row(s) of "
            + f
            + " have no actual (\"label\") or predicted (\"pred\") label; first"
            + " rows [2, 3]. Only an empty cell is missing. Fill them in, or drop them with"
            + " dropMissing(true) (magic: --drop-missing)",
        error(() -> PredictionsReader.csv(f).actual("label").predicted("pred").load()));
    Predictions p =
        PredictionsReader.csv(f).actual("label").predicted("pred").dropMissing(true).load();
    assertEquals(2, p.size());
    assertEquals(
        List.of(
            "Dropped 2 row(s) of "
                + f
                + " have no actual (\"label\") or predicted (\"pred\")"
                + " label; first rows [2, 3]"),
        p.warnings());
  }

  @Test
  void missingColumnListsTheColumns() throws IOException {
    Path f = file("cols.csv", "label,pred", "a,a");
    assertEquals(
        "No column \"score\" (score) in " + f + "; columns are [label, pred]",
        error(
            () ->
                PredictionsReader.csv(f).actual("label").predicted("pred").score("score").load()));
  }

  @Test
  void emptyFileSaysWhatWasExpected() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "reader-test"));
    Path f = Files.writeString(dir.resolve("empty.csv"), "");
    assertEquals(
        f + " is empty; expected a header row naming the columns, then one row per example",
        error(() -> PredictionsReader.csv(f).actual("label").predicted("pred").load()));
  }

  @Test
  void negativeWeightIsRejected() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("label", "a", "b"),
            StringColumn.create("pred", "a", "a"),
            DoubleColumn.create("w", 1.0, -2.0));
    assertEquals(
        "Row 2 of t, column \"w\": weight -2.0 is not a finite number >= 0",
        error(
            () ->
                PredictionsReader.fromTable(t)
                    .actual("label")
                    .predicted("pred")
                    .weight("w")
                    .load()));
  }

  /** Writes a file longer than the detection prefix whose row {@code lateRow} is {@code late}. */
  private static Path longFile(String name, int lateRow, String late) throws IOException {
    StringBuilder sb = new StringBuilder("id,label,pred,score,count\n");
    int rows = DETECTION_ROWS + 1100;
    for (int i = 1; i <= rows; i++) {
      sb.append(i == lateRow ? late : i + ",a,b,0.5," + i).append('\n');
    }
    Path dir = Files.createDirectories(Path.of("target", "reader-test"));
    return Files.writeString(dir.resolve(name), sb.toString());
  }

  @Test
  void csvCellsStayTextExactlyAsWrittenInEveryRow() throws IOException {
    int late = 21_001;
    Path f = longFile("late.csv", late, late + ",a,a,0.5,007");
    Predictions p = PredictionsReader.csv(f).actual("label").predicted("pred").load();
    Table t = p.table();
    assertEquals(List.of("id", "label", "pred", "score", "count"), t.columnNames());
    for (var c : t.columns()) {
      assertEquals(tech.tablesaw.api.ColumnType.STRING, c.type(), c.name());
    }
    assertEquals(DETECTION_ROWS + 1100, p.size());
    assertEquals("007", t.stringColumn("count").get(late - 1), "not the number 7");
    assertEquals("0.5", t.stringColumn("score").get(late - 1));
    assertEquals(String.valueOf(late + 1), t.stringColumn("id").get(late));
  }

  @Test
  void lateNonNumericScoreIsReportedWithItsRow() throws IOException {
    int late = DETECTION_ROWS + 40;
    Path f = longFile("late-score.csv", late, late + ",a,a,0.9x,1");
    assertEquals(
        "Row 20,040 of "
            + f
            + ", column \"score\": \"0.9x\" is not a number; expected a number"
            + " in [0, 1]"
            + ACCEPTED,
        error(
            () ->
                PredictionsReader.csv(f).actual("label").predicted("pred").score("score").load()));
  }

  @Test
  void labelOnlyPredictedIsAllowedAndReported() {
    Predictions p = Predictions.of(List.of("a", "a"), List.of("a", "z"));
    assertEquals(List.of("a", "z"), p.labels().names());
    assertEquals(List.of("Predicted but never actual: [z]"), p.warnings());
  }
}
