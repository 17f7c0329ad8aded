package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ScoresTest {

  /** Positives score 0.9, 0.5, 0.5; negatives 0.5, 0.2: one tie across classes at 0.5. */
  private static Scores tied() {
    return Scores.of(
        "y",
        "n",
        new boolean[] {true, true, true, false, false},
        new double[] {0.9, 0.5, 0.5, 0.5, 0.2},
        null);
  }

  @Test
  void tiedScoresShareOneThreshold() {
    Scores s = tied();
    assertArrayEquals(new double[] {0.9, 0.5, 0.2}, s.thresholds());
    assertArrayEquals(new double[] {1, 3, 3}, s.truePositives());
    assertArrayEquals(new double[] {0, 1, 2}, s.falsePositives());
    // Trapezoids: (0,0)-(0,1/3)-(1/2,1)-(1,1): 0 + (1/2)(1/3+1)/2 + (1/2)(1) = 1/3 + 1/2.
    assertEquals(1.0 / 3 + 0.5, s.rocAuc(), 1e-15);
    // AP: recall 1/3 at precision 1, then 2/3 more at precision 3/4.
    assertEquals(1.0 / 3 + 2.0 / 3 * 0.75, s.averagePrecision(), 1e-15);
  }

  @Test
  void metricsAtAThresholdCountScoresAtOrAboveIt() {
    BinaryMetrics m = tied().at(0.5);
    assertEquals(3, m.tp());
    assertEquals(1, m.fp());
    assertEquals(0, m.fn());
    assertEquals(1, m.tn());
    assertEquals(0, tied().at(0.95).tp() + tied().at(0.95).fp());
  }

  @Test
  void unreachablePrecisionNamesTheBest() {
    Scores s = Scores.of("y", "n", new boolean[] {false, true}, new double[] {0.9, 0.1}, null);
    assertEquals(
        "No threshold reaches precision 0.9 for \"y\"; the highest is 0.5 at threshold 0.1",
        assertThrows(IllegalArgumentException.class, () -> s.forPrecision(0.9)).getMessage());
    assertEquals(
        "Target recall must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> s.forRecall(1.5)).getMessage());
  }

  @Test
  void averagePrecisionIsUndefinedWithoutPositives() {
    Scores s = Scores.of("y", "n", new boolean[] {false, false}, new double[] {0.9, 0.1}, null);
    assertTrue(Double.isNaN(s.averagePrecision()));
    assertTrue(Double.isNaN(s.rocAuc()));
  }

  @Test
  void scoreColumnOnlyScoresThePositiveLabel() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("y", "no", "yes", "yes"),
            StringColumn.create("yhat", "no", "yes", "no"),
            DoubleColumn.create("s", 0.2, 0.9, 0.4));
    Predictions p = PredictionsReader.fromTable(t).actual("y").predicted("yhat").score("s").load();
    assertEquals("yes", Scores.of(p).positive(), "the second of two classes by default");
    assertEquals(
        "The score column \"s\" scores \"yes\", not \"no\"; read one probability column per class"
            + " to score another label",
        assertThrows(IllegalArgumentException.class, () -> Scores.of(p, "no")).getMessage());
  }

  @Test
  void multiClassScoresComeFromTheChosenClassProbability() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("y", "a", "b", "c", "b"),
            StringColumn.create("yhat", "a", "b", "b", "c"),
            DoubleColumn.create("pa", 0.8, 0.1, 0.1, 0.2),
            DoubleColumn.create("pb", 0.1, 0.7, 0.6, 0.3),
            DoubleColumn.create("pc", 0.1, 0.2, 0.3, 0.5));
    Predictions p =
        PredictionsReader.fromTable(t)
            .actual("y")
            .predicted("yhat")
            .probabilities(Map.of("a", "pa", "b", "pb", "c", "pc"))
            .load();
    Scores b = Scores.of(p, "b");
    assertEquals("not b", b.negative());
    assertArrayEquals(new double[] {0.7, 0.6, 0.3, 0.1}, b.thresholds());
    assertArrayEquals(new double[] {1, 1, 2, 2}, b.truePositives());
    assertEquals(
        "Name the positive label for scores over 3 classes; classes are [a, b, c]",
        assertThrows(IllegalArgumentException.class, () -> Scores.of(p)).getMessage());
  }
}
