package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassLimitTest {

  private static List<String> labels(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }

  private static String refusal(List<String> labels, long rows, int limit) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> ClassLimit.check("predictions.csv", "id", "actual label", labels, rows, limit))
        .getMessage();
  }

  @Test
  void anIdColumnGivenAsTheLabelIsRefusedWithTheLikelyMistake() {
    assertEquals(
        "predictions.csv: column \"id\" (actual label) has 30,000 distinct labels in 30,000 rows"
            + " (\"user-1\", \"user-2\", \"user-3\", …), more than the limit of 5,000 classes;"
            + " every row has its own label, so it looks like an id column, not the label. Name"
            + " the label column, or raise the class limit if these really are 30,000 classes"
            + " (one 30,000×30,000 count matrix takes 7.2 GB)",
        refusal(labels("user-", 30_000), 30_000, ClassLimit.DEFAULT));
  }

  @Test
  void almostOneLabelPerRowStillLooksLikeAnId() {
    assertEquals(
        "predictions.csv: column \"id\" (actual label) has 95 distinct labels in 100 rows"
            + " (\"r1\", \"r2\", \"r3\", …), more than the limit of 10 classes; almost every row"
            + " has its own label, so it looks like an id column, not the label. Name the label"
            + " column, or raise the class limit if these really are 95 classes (one 95×95 count"
            + " matrix takes 72 kB)",
        refusal(labels("r", 95), 100, 10));
  }

  @Test
  void numericLabelsSuggestANumericColumn() {
    assertEquals(
        "predictions.csv: column \"id\" (actual label) has 6,000 distinct labels in 20,000 rows"
            + " (\"1\", \"2\", \"3\", …), more than the limit of 5,000 classes; every label is a"
            + " number, so it looks like a numeric column (a score or a measurement), not the"
            + " label. Name the label column, or raise the class limit if these really are 6,000"
            + " classes (one 6,000×6,000 count matrix takes 288 MB)",
        refusal(labels("", 6_000), 20_000, ClassLimit.DEFAULT));
  }

  @Test
  void otherwiseItAsksToCheckTheColumn() {
    assertEquals(
        "predictions.csv: column \"id\" (actual label) has 4 distinct labels in 100 rows"
            + " (\"a\", \"b\", \"c\", …), more than the limit of 3 classes; check that it is the"
            + " label column. Name the label column, or raise the class limit if these really"
            + " are 4 classes (one 4×4 count matrix takes 128 bytes)",
        refusal(List.of("a", "b", "c", "d"), 100, 3));
  }

  @Test
  void moreClassesThanOneArrayHoldsCannotBeAllowed() {
    assertEquals(
        "predictions.csv: column \"id\" (actual label) has 50,000 distinct labels in 50,000 rows"
            + " (\"k1\", \"k2\", \"k3\", …), more than the limit of 46,340 classes; every row"
            + " has its own label, so it looks like an id column, not the label. Name the label"
            + " column, or if these really are classes, count them elsewhere: Errata holds at"
            + " most 46,340 (k×k counts in one array; one 50,000×50,000 count matrix takes 20.0"
            + " GB)",
        refusal(labels("k", 50_000), 50_000, ClassLimit.MAX));
  }

  @Test
  void exactlyTheLimitIsAccepted() {
    assertDoesNotThrow(
        () -> ClassLimit.check("p.csv", "y", "actual label", labels("c", 5_000), 5_000, 5_000));
  }

  @Test
  void aHigherLimitLetsManyClassesThrough() {
    assertDoesNotThrow(
        () -> ClassLimit.check("p.csv", "y", "actual label", labels("c", 6_000), 9_000, 10_000));
  }

  @Test
  void theLimitMustFitOneArray() {
    IllegalArgumentException tooHigh =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassLimit.check("p.csv", "y", "actual label", List.of("a"), 1, 46_341));
    assertEquals(
        "The class limit is 46,341; it must be between 1 and 46,340 (k×k counts must fit one"
            + " array)",
        tooHigh.getMessage());
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassLimit.check("p.csv", "y", "actual label", List.of("a"), 1, 0));
    assertEquals(
        "The class limit is 0; it must be between 1 and 46,340 (k×k counts must fit one array)",
        zero.getMessage());
  }
}
