package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ConfusionMatrixTest {

  /** The course's skewed example: TN 905, FP 9, FN 18, TP 68 (1,000 examples). */
  static Predictions courseExample() {
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    add(actual, predicted, "0", "0", 905);
    add(actual, predicted, "0", "1", 9);
    add(actual, predicted, "1", "0", 18);
    add(actual, predicted, "1", "1", 68);
    return Predictions.of(actual, predicted);
  }

  private static void add(List<String> a, List<String> p, String y, String yhat, int times) {
    a.addAll(Collections.nCopies(times, y));
    p.addAll(Collections.nCopies(times, yhat));
  }

  @Test
  void moreClassesThanOneArrayHoldsAreRefusedWhenLoading() {
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      actual.add(String.format(java.util.Locale.ROOT, "r%05d", i));
    }
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Predictions.of(actual, Collections.nCopies(50_000, "a")));
    assertEquals(
        "predictions: column \"actual\" (actual label) has 50,000 distinct labels in 50,000 rows"
            + " (\"r00000\", \"r00001\", \"r00002\", …), more than the limit of 5,000 classes; every"
            + " row has its own label, so it looks like an id column, not the label. Name the"
            + " label column, or if these really are classes, count them elsewhere: Errata holds"
            + " at most 46,340 (k×k counts in one array; one 50,000×50,000 count matrix takes 20.0"
            + " GB)",
        e.getMessage());
  }

  @Test
  void rowsAreActualColumnsArePredicted() {
    ConfusionMatrix cm = ConfusionMatrix.of(courseExample());
    assertEquals(905, cm.count(0, 0));
    assertEquals(9, cm.count(0, 1));
    assertEquals(18, cm.count(1, 0));
    assertEquals(68, cm.count(1, 1));
    assertEquals(914, cm.actualTotal(0));
    assertEquals(86, cm.actualTotal(1));
    assertEquals(77, cm.predictedTotal(1));
    assertEquals(1000, cm.total());
    assertEquals(973, cm.correct());
  }

  @Test
  void tableHasTotalsRowAndColumn() {
    Table t = ConfusionMatrix.of(courseExample()).toTable();
    assertEquals(List.of("actual \\ predicted", "0", "1", "total"), t.columnNames());
    assertEquals(List.of("0", "1", "total"), t.stringColumn(0).asList());
    assertEquals(List.of(905, 18, 923), t.intColumn("0").asList());
    assertEquals(List.of(9, 68, 77), t.intColumn("1").asList());
    assertEquals(List.of(914, 86, 1000), t.intColumn("total").asList());
  }

  @Test
  void classOnlyPredictedHasAnEmptyRow() {
    Predictions p = Predictions.of(List.of("a", "a", "b"), List.of("a", "c", "b"));
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    assertEquals(List.of("a", "b", "c"), cm.labels().names());
    assertEquals(0, cm.actualTotal(2));
    assertEquals(1, cm.count(0, 2));
  }

  @Test
  void longTableHasOneRowPerActualPredictedPairZerosIncluded() {
    ConfusionMatrix cm =
        new ConfusionMatrix(
            new dev.errata.load.Labels(List.of("cat", "dog")), new double[] {905, 9, 0, 68});
    Table t = cm.toLongTable();
    assertEquals(List.of("actual", "predicted", "count"), t.columnNames());
    assertEquals(List.of("cat", "cat", "dog", "dog"), t.stringColumn("actual").asList());
    assertEquals(List.of("cat", "dog", "cat", "dog"), t.stringColumn("predicted").asList());
    assertEquals(List.of(905.0, 9.0, 0.0, 68.0), t.doubleColumn("count").asList());
  }
}
