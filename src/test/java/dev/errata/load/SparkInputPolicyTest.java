package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.engine.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark Dataset is read under the file input policy: the same text rows give the same labels,
 * warnings and error messages (row, column, text found, what is accepted) as a CSV read by DuckDB.
 */
class SparkInputPolicyTest {

  private static final List<String> HEADER = List.of("id", "label", "pred", "weight", "score", "p_cat");

  @TempDir Path dir;

  /** Rows of text; null is a missing cell (empty in the CSV). */
  private static List<String[]> rows(String[]... rows) {
    return List.of(rows);
  }

  private static List<String[]> good() {
    return new ArrayList<>(
        rows(
            new String[] {"a", "cat", "cat", "1", "0.9", "0.9"},
            new String[] {"b", "dog", "cat", "0.5", "0.2", "0.8"},
            new String[] {"c", "dog", "dog", "2", "0.1", "0.1"},
            new String[] {"d", "cat", "dog", "1", "0.7", "0.4"}));
  }

  private Path csv(List<String[]> rows) throws Exception {
    StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
    for (String[] r : rows) {
      b.append(String.join(",", Arrays.stream(r).map(c -> c == null ? "" : c).toList()))
          .append('\n');
    }
    Path file = Files.createTempFile(dir, "rows", ".csv");
    Files.writeString(file, b.toString());
    return file;
  }

  private static Dataset<Row> spark(List<String[]> rows) {
    List<StructField> fields = new ArrayList<>();
    for (String h : HEADER) {
      fields.add(DataTypes.createStructField(h, DataTypes.StringType, true));
    }
    List<Row> data = new ArrayList<>();
    for (String[] r : rows) {
      data.add(RowFactory.create((Object[]) r));
    }
    return LocalSpark.session().createDataFrame(data, new StructType(fields.toArray(StructField[]::new)));
  }

  /** Loads both ways; returns the two results' messages (or warnings) with the source named alike. */
  private List<String> both(List<String[]> rows, UnaryOperator<PredictionsReader> roles)
      throws Exception {
    Path file = csv(rows);
    List<String> out = new ArrayList<>();
    for (PredictionsReader r :
        List.of(
            PredictionsReader.file(file.toString()).cache(false),
            SparkPredictions.from(spark(rows), "the rows"))) {
      try {
        Predictions p = roles.apply(r.actual("label").predicted("pred")).load();
        out.add(p.size() + " " + p.labels().names() + " " + p.warnings());
      } catch (IllegalArgumentException e) {
        out.add("error: " + e.getMessage());
      }
    }
    out.set(0, out.get(0).replace(file.toString(), "the rows"));
    return out;
  }

  private void assertSame(String expected, List<String[]> rows, UnaryOperator<PredictionsReader> roles)
      throws Exception {
    List<String> got = both(rows, roles);
    assertEquals(expected, got.get(0), "DuckDB");
    assertEquals(expected, got.get(1), "Spark");
  }

  @Test
  void aMissingLabelIsAnErrorNamingTheRowsOrDroppedWithAWarning() throws Exception {
    List<String[]> rows = good();
    rows.set(1, new String[] {"b", null, "cat", "0.5", "0.2", "0.8"});
    rows.set(3, new String[] {"d", "cat", "", "1", "0.7", "0.4"});
    assertSame(
        "error: 2 row(s) of the rows have no actual (\"label\") or predicted (\"pred\") label; first"
            + " rows [2, 4]. Only an empty cell is missing. Fill them in, or drop them with"
            + " dropMissing(true) (magic: --drop-missing)",
        rows,
        r -> r);
    assertSame(
        "2 [cat, dog] [Dropped 2 row(s) of the rows have no actual (\"label\") or predicted"
            + " (\"pred\") label; first rows [2, 4]]",
        rows,
        r -> r.dropMissing(true));
  }

  @Test
  void naIsALabelUnlessNamedAsAMissingMarker() throws Exception {
    List<String[]> rows = good();
    rows.set(2, new String[] {"c", "NA", "dog", "2", "0.1", "0.1"});
    assertSame("4 [NA, cat, dog] []", rows, r -> r);
    assertSame(
        "3 [cat, dog] [Dropped 1 row(s) of the rows have no actual (\"label\") or predicted"
            + " (\"pred\") label; first rows [3]]",
        rows,
        r -> r.missing("NA").dropMissing(true));
  }

  @Test
  void numbersAreStrictlyValidated() throws Exception {
    List<String[]> rows = good();
    rows.set(2, new String[] {"c", "dog", "dog", "0.5x", "0.1", "0.1"});
    assertSame(
        "error: Row 3 of the rows, column \"weight\": \"0.5x\" is not a number; expected a number"
            + " >= 0, written like 0.25, 1 or 2.5e-3 ('.' as the decimal point, no thousands"
            + " separators)",
        rows,
        r -> r.weight("weight"));
    rows.set(2, new String[] {"c", "dog", "dog", "-1", "0.1", "0.1"});
    assertSame(
        "error: Row 3 of the rows, column \"weight\": weight -1 is not a finite number >= 0",
        rows,
        r -> r.weight("weight"));
    rows.set(2, new String[] {"c", "dog", "dog", "1", "1.5", "0.1"});
    assertSame(
        "error: Row 3 of the rows, column \"score\": score 1.5 is outside [0, 1]",
        rows,
        r -> r.score("score"));
    rows.set(2, new String[] {"c", "dog", "dog", "1", "0.1", null});
    assertSame(
        "error: Row 3 of the rows, column \"p_cat\": missing value; expected a probability in [0, 1]",
        rows,
        r -> r.probabilities(java.util.Map.of("cat", "p_cat")));
  }

  @Test
  void idsMustBePresentAndUnique() throws Exception {
    List<String[]> rows = good();
    rows.set(3, new String[] {"b", "cat", "dog", "1", "0.7", "0.4"});
    assertSame(
        "error: Row 4 of the rows, column \"id\": duplicate id \"b\" (first seen at row 2); ids must"
            + " be unique",
        rows,
        r -> r.id("id"));
    rows.set(3, new String[] {null, "cat", "dog", "1", "0.7", "0.4"});
    assertSame(
        "error: Row 4 of the rows, column \"id\": missing id; every example needs one",
        rows,
        r -> r.id("id"));
  }

  @Test
  void numbersWrittenTwoWaysStayTwoLabelsUnlessMerged() throws Exception {
    List<String[]> rows = good();
    rows.set(0, new String[] {"a", "1", "1.0", "1", "0.9", "0.9"});
    List<String> kept = both(rows, r -> r);
    assertEquals(kept.get(0), kept.get(1));
    assertEquals("4 [1, 1.0, cat, dog]", kept.get(1).substring(0, kept.get(1).indexOf(']') + 1));
    assertSame("4 [1, cat, dog] []", rows, r -> r.mergeNumericLabels(true));
  }

  @Test
  void aColumnThatIsNotThereIsNamedWithTheColumnsThatAre() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparkPredictions.from(spark(good()), "the rows").actual("labels").predicted("pred").load());
    assertEquals(
        "No column \"labels\" (actual label) in the rows; columns are [id, label, pred, weight,"
            + " score, p_cat]",
        e.getMessage());
  }
}
