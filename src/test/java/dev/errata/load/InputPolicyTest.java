package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The input policy (README, "Inputs are read exactly as written"), rule by rule, on every load
 * path: CSV and Parquet through DuckDB, JSON Lines, and a Tablesaw table in memory.
 */
class InputPolicyTest {

  @TempDir Path dir;

  /** The same rows as CSV, Parquet, JSON Lines and a table; cells are text. */
  private List<PredictionsReader> everyPath(String name, String[] header, String[]... rows)
      throws Exception {
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    StringBuilder json = new StringBuilder();
    List<StringColumn> cols = new ArrayList<>();
    for (String h : header) {
      cols.add(StringColumn.create(h));
    }
    for (String[] row : rows) {
      List<String> quoted = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        quoted.add("\"" + row[c].replace("\"", "\"\"") + "\"");
        fields.add("\"" + header[c] + "\": \"" + row[c].replace("\"", "\\\"") + "\"");
        cols.get(c).append(row[c]);
      }
      csv.append(String.join(",", quoted)).append('\n');
      json.append("{").append(String.join(", ", fields)).append("}\n");
    }
    Path c = Files.writeString(dir.resolve(name + ".csv"), csv);
    Path j = Files.writeString(dir.resolve(name + ".jsonl"), json);
    Path p = dir.resolve(name + ".parquet");
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = con.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('" + c + "', all_varchar = true, header = true)) TO '"
              + p + "' (FORMAT parquet)");
    }
    Table t = Table.create(name, cols.toArray(new StringColumn[0]));
    return List.of(
        PredictionsReader.file(c.toString()),
        PredictionsReader.file(p.toString()),
        PredictionsReader.file(j.toString()),
        PredictionsReader.fromTable(t));
  }

  private static final String[] HEADER = {"id", "y", "yhat", "w"};

  @Test
  void everyRowIsAnExampleEvenOneStartingWithAHash() throws Exception {
    for (PredictionsReader r :
        everyPath("hash", HEADER, row("#1", "a", "a", "1"), row("#2", "b", "a", "1"),
            row("3", "a", "b", "1"), row("4", "b", "b", "1"))) {
      Predictions p = r.actual("y").predicted("yhat").id("id").load();
      assertEquals(4, p.size(), p.source());
      assertEquals(2.0, p.counts(List.of()).confusion(0)[0] + p.counts(List.of()).confusion(0)[3]);
    }
  }

  @Test
  void missingValueWordsAreLabelsUnlessNamed() throws Exception {
    for (PredictionsReader r :
        everyPath("na", HEADER, row("1", "NA", "NA", "1"), row("2", "null", "N/A", "1"),
            row("3", "a", "null", "1"))) {
      Predictions p = r.actual("y").predicted("yhat").load();
      assertEquals(List.of("N/A", "NA", "a", "null"), p.labels().names(), p.source());
    }
    for (PredictionsReader r :
        everyPath("na2", HEADER, row("1", "NA", "NA", "1"), row("2", "null", "N/A", "1"),
            row("3", "a", "null", "1"))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> r.actual("y").predicted("yhat").missing("NA", "null").load());
      assertTrue(
          e.getMessage().contains("3 row(s) of ")
              && e.getMessage().contains("first rows [1, 2, 3]"),
          e.getMessage());
      Predictions kept =
          r.actual("y").predicted("yhat").missing("null").dropMissing(true).load();
      assertEquals(1, kept.size(), kept.source());
      assertTrue(kept.warnings().get(0).startsWith("Dropped 2 row(s) of "), kept.warnings().get(0));
    }
  }

  @Test
  void sameNumberSpelledTwiceIsTwoClassesWithAWarningOnEveryPath() throws Exception {
    for (PredictionsReader r :
        everyPath("ones", HEADER, row("1", "1", "1.0", "1"), row("2", "0", "0", "1"),
            row("3", "1.0", "1", "1"), row("4", "0.0", "0", "1"))) {
      Predictions p = r.actual("y").predicted("yhat").load();
      assertEquals(List.of("0", "0.0", "1", "1.0"), p.labels().names(), p.source());
      assertTrue(
          p.warnings().get(0).endsWith(
              "are kept as separate classes, as written: \"0\" = \"0.0\"; \"1\" = \"1.0\". To count"
                  + " each number as one class, read with mergeNumericLabels(true) (magic:"
                  + " --merge-numbers)"),
          p.warnings().get(0));
      Predictions merged = r.mergeNumericLabels(true).load();
      assertEquals(List.of("0", "1"), merged.labels().names(), merged.source());
      assertEquals(List.of(2.0, 0.0, 0.0, 2.0), boxed(merged.counts(List.of()).confusion(0)));
    }
  }

  @Test
  void numbersAreReadInOneLocaleFreeFormat() throws Exception {
    for (PredictionsReader r :
        everyPath("comma", HEADER, row("1", "a", "a", "1.5"), row("2", "b", "a", "0,4"))) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> r.actual("y").predicted("yhat").weight("w").load());
      assertTrue(
          e.getMessage().startsWith("Row 2 of ")
              && e.getMessage().endsWith(
                  ", column \"w\": \"0,4\" is not a number; expected a number >= 0, written like"
                      + " 0.25, 1 or 2.5e-3 ('.' as the decimal point, no thousands separators)"),
          e.getMessage());
    }
  }

  @Test
  void longCellsAndManyDistinctStringsAreNotErrors() throws Exception {
    String[][] rows = new String[70_000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row("user-" + i, i % 3 == 0 ? "a" : "b", "a", i == 5 ? "x".repeat(10_000) : "1");
    }
    for (PredictionsReader r : everyPath("wide", HEADER, rows)) {
      Predictions p = r.actual("y").predicted("yhat").id("id").load();
      assertEquals(70_000, p.size(), p.source());
      ColumnCodes ids = p.codes("id");
      assertEquals(70_000, ids.values().size());
      assertEquals("user-69999", ids.values().get(ids.code(69_999)));
      assertEquals(10_000, p.rows(5).getString(0, "w").length());
    }
  }

  @Test
  void aMillionDistinctStringIdsLoadFromAFileAndFromATable() throws Exception {
    int n = 1_000_000;
    StringBuilder csv = new StringBuilder("id,y,yhat\n");
    StringColumn ids = StringColumn.create("id");
    StringColumn y = StringColumn.create("y");
    StringColumn yhat = StringColumn.create("yhat");
    for (int i = 0; i < n; i++) {
      String id = String.format(java.util.Locale.ROOT, "user-%07d", i);
      csv.append(id).append(i % 2 == 0 ? ",a,a\n" : ",b,a\n");
      ids.append(id);
      y.append(i % 2 == 0 ? "a" : "b");
      yhat.append("a");
    }
    Path f = Files.writeString(dir.resolve("million.csv"), csv);
    Table t = Table.create("million", ids, y, yhat);
    for (PredictionsReader r :
        List.of(PredictionsReader.csv(f), PredictionsReader.fromTable(t))) {
      Predictions p = r.actual("y").predicted("yhat").id("id").load();
      assertEquals(n, p.size());
      ColumnCodes codes = p.codes("id");
      assertEquals(n, codes.values().size());
      assertEquals("user-0999999", codes.values().get(codes.code(n - 1)));
      assertEquals(n / 2.0, p.counts(List.of()).confusion(0)[0]);
    }
  }

  @Test
  void tooManyClassesAreRefusedBeforeCountingOnEveryPath() throws Exception {
    String[][] rows = new String[60][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(String.valueOf(i), "c" + i, "a", "1");
    }
    for (PredictionsReader r : everyPath("classes", HEADER, rows)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> r.actual("y").predicted("yhat").maxClasses(50).load());
      assertTrue(
          e.getMessage().contains(
              ": column \"y\" (actual label) has 60 distinct labels in 60 rows (\"c0\", \"c1\","
                  + " \"c10\", …), more than the limit of 50 classes; every row has its own"
                  + " label, so it looks like an id column"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("to allow them: maxClasses(60) (magic: --max-classes 60)"));
    }
  }

  @Test
  void structuralProblemsNameTheFileAndLine() throws Exception {
    Path header = Files.writeString(dir.resolve("header.csv"), "y,yhat\n");
    assertEquals(
        header + " has a header but no rows; expected one row per example",
        assertThrows(
                IllegalArgumentException.class,
                () -> PredictionsReader.csv(header).actual("y").predicted("yhat").load())
            .getMessage());
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "y,yhat\na,b\na,b,c\n");
    assertEquals(
        "Line 3 of " + ragged + ": expected 2 fields (as many as the header has), found 3: a,b,c",
        assertThrows(
                IllegalArgumentException.class,
                () -> PredictionsReader.csv(ragged).actual("y").predicted("yhat").load())
            .getMessage());
    Path blank = Files.writeString(dir.resolve("blank.csv"), "y,yhat\na,b\n\nb,b\n");
    Predictions p = PredictionsReader.csv(blank).actual("y").predicted("yhat").load();
    assertEquals(2, p.size());
    assertEquals(
        List.of("1 empty line(s) of " + blank + " are not examples and were skipped; first lines [3]"),
        p.warnings());
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, "y,yhat\ncaf\u00e9,a\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> PredictionsReader.csv(latin).actual("y").predicted("yhat").load())
            .getMessage();
    assertTrue(message.startsWith("Line 2 of " + latin + ": not valid UTF-8"), message);
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
