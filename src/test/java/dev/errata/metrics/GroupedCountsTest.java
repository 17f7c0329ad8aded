package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupedCountsTest {

  private final Predictions p =
      Predictions.of(List.of("a", "a", "b", "b", "a"), List.of("a", "b", "b", "b", "a"));

  @Test
  void countsEachGroupSeparatelyAndLeavesOutNegativeCodes() {
    GroupedCounts g = GroupedCounts.of(p, new int[] {0, 1, 1, 0, -1}, List.of("car", "cafe"));
    // car: rows 1 (a->a) and 4 (b->b); cafe: rows 2 (a->b) and 3 (b->b); row 5 left out.
    assertArrayEquals(new double[] {1, 0, 0, 1}, g.confusion("car").counts());
    assertArrayEquals(new double[] {0, 1, 0, 1}, g.confusion(1).counts());
    assertEquals(List.of(2.0, 2.0), g.toTable().doubleColumn("examples").asList());
    assertEquals(List.of(1.0, 0.5), g.toTable().doubleColumn("accuracy").asList());
  }

  @Test
  void oneGroupOfEveryRowIsTheConfusionMatrix() {
    GroupedCounts g = GroupedCounts.of(p, new int[] {0, 0, 0, 0, 0}, List.of("all"));
    assertEquals(ConfusionMatrix.of(p), g.confusion(0));
  }

  @Test
  void groupCodesMustFitTheGroups() {
    assertEquals(
        "Row 2 has group code 2, but there are only 2 groups [x, y]",
        assertThrows(
                IllegalArgumentException.class,
                () -> GroupedCounts.of(p, new int[] {0, 2, 0, 0, 0}, List.of("x", "y")))
            .getMessage());
    assertEquals(
        "Unknown group \"z\"; groups are [x]",
        assertThrows(
                IllegalArgumentException.class,
                () -> GroupedCounts.of(p, new int[] {0, 0, 0, 0, 0}, List.of("x")).confusion("z"))
            .getMessage());
  }
}
