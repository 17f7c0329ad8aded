package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TagsTest {

  @Test
  void booleanColumnsAcceptEverySpellingInAnyCase() {
    Tags tags = Small.tags();
    assertEquals(List.of("car", "people", "low"), tags.names());
    assertArrayEquals(new int[] {0, 1, 5, 7}, tags.rows("car"));
    assertArrayEquals(new int[] {1, 2, 3, 7}, tags.rows("people"));
    assertArrayEquals(new int[] {3, 5}, tags.rows("low"));
  }

  @Test
  void typedBooleanAndNumericColumnsAreTags() {
    Table t =
        Table.create(
            "typed",
            StringColumn.create("a", "x", "y", "x"),
            StringColumn.create("p", "x", "x", "y"),
            BooleanColumn.create("b", new boolean[] {true, false, true}),
            IntColumn.create("n", 0, 1, 1));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").load();
    Tags tags = Tags.fromColumns(p, "b", "n");
    assertArrayEquals(new int[] {0, 2}, tags.rows("b"));
    assertArrayEquals(new int[] {1, 2}, tags.rows("n"));
  }

  @Test
  void anyOtherTagValueIsAnErrorNamingRowColumnAndSpellings() {
    Table t = Small.table();
    t.replaceColumn("low", StringColumn.create("low", "", "", "maybe", "", "", "", "", ""));
    Predictions p = PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromColumns(p, "low"));
    assertEquals(
        "Row 3 of small.csv, column \"low\": \"maybe\" is not a tag value;"
            + " accepted: true/false, 1/0, yes/no, x/blank (any case)",
        e.getMessage());
  }

  @Test
  void numbersOtherThanZeroAndOneAreNoTagValues() {
    Table t =
        Table.create(
            "n.csv",
            StringColumn.create("a", "x", "y"),
            StringColumn.create("p", "x", "x"),
            IntColumn.create("n", 0, 2));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").load();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromColumns(p, "n"));
    assertEquals(
        "Row 2 of n.csv, column \"n\": \"2\" is not a tag value;"
            + " accepted: true/false, 1/0, yes/no, x/blank (any case)",
        e.getMessage());
  }

  @Test
  void missingTagColumnListsTheColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Tags.fromColumns(Small.predictions(), "cars"));
    assertEquals(
        "No column \"cars\" (tag column) in small.csv; columns are"
            + " [id, actual, predicted, car, people, low, device, human]",
        e.getMessage());
  }

  @Test
  void delimitedColumnGivesSeveralTagsPerExample() {
    Table t =
        Table.create(
            "d",
            StringColumn.create("a", "x", "x", "y", "y"),
            StringColumn.create("p", "x", "y", "y", "x"),
            StringColumn.create("tags", "car_noise; people_noise", "", "people_noise", "low_bandwidth;car_noise;"));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").load();
    Tags tags = Tags.fromDelimited(p, "tags", ";");
    assertEquals(List.of("car_noise", "low_bandwidth", "people_noise"), tags.names());
    assertArrayEquals(new int[] {0, 3}, tags.rows("car_noise"));
    assertArrayEquals(new int[] {0, 2}, tags.rows("people_noise"));
    assertArrayEquals(new int[] {3}, tags.rows("low_bandwidth"));
  }

  @Test
  void metadataValuesBecomeTagsAndBlankCellsAreUnknown() {
    Tags tags = Tags.fromMetadata(Small.predictions(), "device");
    assertEquals(List.of("device=laptop", "device=phone"), tags.names());
    assertArrayEquals(new int[] {0, 1, 4, 7}, tags.rows("device=phone"));
    assertArrayEquals(new int[] {2, 3, 6}, tags.rows("!device=phone"));
    assertEquals(List.of("1 examples have no \"device\"; they are unknown for its tags"), tags.notes());
  }

  @Test
  void numericMetadataNamesTagsWithoutDecimals() {
    Table t =
        Table.create(
            "m",
            StringColumn.create("a", "x", "y", "x"),
            StringColumn.create("p", "x", "x", "y"),
            IntColumn.create("factory", 10, 2, 2));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").load();
    assertEquals(List.of("factory=2", "factory=10"), Tags.fromMetadata(p, "factory").names());
  }

  @Test
  void combinedSourcesKeepTheirTagsAndRefuseRepeatedNames() {
    Predictions p = Small.predictions();
    Tags tags = Tags.fromColumns(p, "car", "low").plus(Tags.fromMetadata(p, "device"));
    assertEquals(List.of("car", "low", "device=laptop", "device=phone"), tags.names());
    assertEquals(3, tags.count("car & device=phone & !low"));
    assertEquals(1, tags.count("car & (device=laptop | low)"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tags.plus(Tags.fromColumns(p, "car")));
    assertEquals(
        "Tag \"car\" comes twice (column \"car\"); tags are [car, low, device=laptop, device=phone]",
        e.getMessage());
  }

  @Test
  void tagsOfAnEqualCopyOfThePredictionsCombine() {
    assertEquals(List.of("car", "people", "low", "device=laptop", "device=phone"),
        Small.tags().plus(Tags.fromMetadata(Small.predictions(), "device")).names());
  }

  @Test
  void tagsOfDifferentPredictionsDoNotCombine() {
    Predictions other = Predictions.of(List.of("yes", "no"), List.of("yes", "yes"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Small.tags().plus(Tags.none(other)));
    assertEquals(
        "Tags belong to different predictions (small.csv, 8 rows, and predictions, 2 rows, differ in"
            + " their labels); build both from the same predictions",
        e.getMessage());
  }

  @Test
  void reservedRowNamesCannotBeTags() {
    Table t =
        Table.create(
            "r", StringColumn.create("a", "x"), StringColumn.create("p", "x"), StringColumn.create("Untagged", "x"));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").load();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromColumns(p, "Untagged"));
    assertEquals(
        "\"Untagged\" (column \"Untagged\") cannot name a tag: the per-tag table uses it", e.getMessage());
  }

  @Test
  void whereKeepsOnlyMatchingExamples() {
    Tags phone = Small.tags().where("people | low");
    assertEquals(5, phone.size());
    assertEquals(3, phone.count("car"));
    assertEquals(java.util.Optional.of("people | low"), phone.whereExpression());
  }

  @Test
  void withAddsAnExpressionAsADerivedTag() {
    Tags tags = Small.tags().with("car&!low");
    assertEquals(List.of("car", "people", "low", "car & !low"), tags.names());
    assertArrayEquals(new int[] {0, 1, 7}, tags.rows("`car & !low`"));
  }

  @Test
  void summaryTableCountsExamplesErrorsAndKnownRows() {
    Table t = Tags.fromMetadata(Small.predictions(), "device").toTable();
    assertEquals(List.of(3, 4), t.intColumn("examples").asList());
    assertEquals(List.of(2, 1), t.intColumn("errors").asList());
    assertEquals(List.of(7, 7), t.intColumn("known for").asList());
  }
}
