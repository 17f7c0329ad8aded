package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Pivots of {@link Small}: errors are e2 (car, people), e4 (people, low), e6 (car, low), e7. */
class TagPivotTest {

  @Test
  void cooccurrenceCountsErrorsCarryingBothTags() {
    TagPivot pivot = TagPivot.cooccurrence(Small.tags());
    assertEquals(List.of("car", "people", "low"), pivot.rowNames());
    assertArrayEquals(new double[] {2, 1, 1, 1, 2, 1, 1, 1, 2}, pivot.counts());
  }

  @Test
  void byActualCountsErrorsPerTagAndActualClass() {
    TagPivot pivot = TagPivot.byActual(Small.tags(), TagPivot.Among.ERRORS);
    assertEquals(List.of("no", "yes"), pivot.columnNames());
    assertEquals(List.of("car", "people", "low", "untagged"), pivot.rowNames());
    assertArrayEquals(new double[] {1, 1, 1, 1, 2, 0, 0, 1}, pivot.counts());
  }

  @Test
  void byPredictedAmongAllExamples() {
    TagPivot pivot = TagPivot.byPredicted(Small.tags(), TagPivot.Among.ALL);
    // car e1 yes, e2 no, e6 yes, e8 no; people e2 no, e3 no, e4 yes, e8 no; low e4 yes, e6 yes;
    // untagged e5 yes, e7 no.
    assertArrayEquals(new double[] {2, 2, 3, 1, 0, 2, 1, 1}, pivot.counts());
    assertEquals(3, pivot.count("people", "no"));
  }

  @Test
  void tableHasANameColumnAndOneColumnPerClass() {
    Table t = TagPivot.byActual(Small.tags(), TagPivot.Among.ERRORS).toTable();
    assertEquals(List.of("tag \\ actual", "no", "yes"), t.columnNames());
    assertEquals("Errors by tag and actual class (small.csv)", t.name());
  }
}
