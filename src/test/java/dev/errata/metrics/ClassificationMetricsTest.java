package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Labels;
import dev.errata.render.Numbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  /** The course's defect example: 914 actual negatives, 86 actual positives. */
  static ConfusionMatrix course() {
    return new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {905, 9, 18, 68});
  }

  static ConfusionMatrix printZero() {
    return new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {914, 0, 86, 0});
  }

  @Test
  void courseModelHasPrecision883Recall791F1834() {
    BinaryMetrics m = ClassificationMetrics.of(course()).binary("1");
    assertEquals(68.0 / 77, m.precision(), 1e-15);
    assertEquals(68.0 / 86, m.recall(), 1e-15);
    assertEquals(136.0 / 163, m.f1(), 1e-15);
    assertEquals("88.3 %", Numbers.percent(m.precision()));
    assertEquals("79.1 %", Numbers.percent(m.recall()));
    assertEquals("83.4 %", Numbers.percent(m.f1()));
    assertEquals(905.0 / 914, m.specificity(), 1e-15);
    assertEquals(973.0 / 1000, m.accuracy(), 1e-15);
  }

  @Test
  void highPrecisionLowRecallModelHasF1Of136() {
    // 1,000 positives, 73 found (recall 7.3 %), precision exactly 97 %.
    double tp = 73;
    double fp = tp / 0.97 - tp;
    BinaryMetrics m = BinaryMetrics.of("1", tp, fp, 927, 5000);
    assertEquals("97.0 %", Numbers.percent(m.precision()));
    assertEquals("7.3 %", Numbers.percent(m.recall()));
    assertEquals(2 * 0.97 * 0.073 / (0.97 + 0.073), m.f1(), 1e-15);
    assertEquals("13.6 %", Numbers.percent(m.f1()));
  }

  @Test
  void printZeroHasRecallZeroAndUndefinedPrecision() {
    ClassificationMetrics m = ClassificationMetrics.of(printZero());
    assertEquals(0.0, m.recall(1));
    assertTrue(Double.isNaN(m.precision(1)));
    assertEquals(0.0, m.f1(1), "F1 is defined: 2tp / (2tp + fp + fn) = 0");
    assertEquals(0.914, m.accuracy(), 1e-15);
    assertEquals(0.5, m.balancedAccuracy(), 1e-15);
    assertTrue(Double.isNaN(m.matthews()));
    assertEquals(0.0, m.kappa(), 1e-15);
  }

  @Test
  void zeroDivisionPolicyDecidesUndefinedPrecision() {
    ClassificationMetrics m = ClassificationMetrics.of(printZero());
    assertEquals(0.0, m.withZeroDivision(ZeroDivision.ZERO).precision(1));
    assertEquals(1.0, m.withZeroDivision(ZeroDivision.ONE).precision(1));
    assertEquals(0.0, m.withZeroDivision(ZeroDivision.ONE).f1(1), "P=1, R=0 gives F1 0");
    assertEquals(0.0, m.withZeroDivision(ZeroDivision.ZERO).matthews());
  }

  @Test
  void macroAverageSkipsUndefinedClassesUnlessAPolicyFillsThem() {
    ClassificationMetrics m = ClassificationMetrics.of(printZero());
    assertEquals(914.0 / 1000, m.average(Average.MACRO, Measure.PRECISION), 1e-15);
    assertEquals(
        914.0 / 1000 / 2,
        m.withZeroDivision(ZeroDivision.ZERO).average(Average.MACRO, Measure.PRECISION),
        1e-15);
    assertEquals(0.914, m.average(Average.MICRO, Measure.PRECISION), 1e-15);
    assertEquals(0.914, m.average(Average.MICRO, Measure.F1), 1e-15);
  }

  @Test
  void threeClassHandCheckedCase() {
    // actual a: 3 (2 right, 1 as b); b: 2 (1 right, 1 as c); c: 1 (as a).
    ConfusionMatrix cm =
        new ConfusionMatrix(
            new Labels(List.of("a", "b", "c")), new double[] {2, 1, 0, 0, 1, 1, 1, 0, 0});
    ClassificationMetrics m = ClassificationMetrics.of(cm);
    assertEquals(2.0 / 3, m.precision(0), 1e-15);
    assertEquals(0.5, m.precision(1), 1e-15);
    assertEquals(0.0, m.precision(2), 1e-15);
    assertEquals(2.0 / 3, m.recall(0), 1e-15);
    assertEquals(0.5, m.recall(1), 1e-15);
    assertEquals(0.0, m.recall(2), 1e-15);
    assertEquals(0.5, m.accuracy(), 1e-15);
    assertEquals((2.0 / 3 + 0.5 + 0) / 3, m.balancedAccuracy(), 1e-15);
    assertEquals((3 * 2.0 / 3 + 2 * 0.5) / 6, m.average(Average.WEIGHTED, Measure.F1), 1e-15);
    // specificity of a: tn = 6 - 3 - 3 + 2 = 2, fp = 1 -> 2/3
    assertEquals(2.0 / 3, m.specificity(0), 1e-15);
    // kappa: po = 0.5, pe = (3*3 + 2*2 + 1*1) / 36 = 14/36
    assertEquals((0.5 - 14.0 / 36) / (1 - 14.0 / 36), m.kappa(), 1e-15);
  }

  @Test
  void fBetaWithBetaTwoWeighsRecallMore() {
    BinaryMetrics m = ClassificationMetrics.of(course()).binary("1");
    double p = 68.0 / 77;
    double r = 68.0 / 86;
    assertEquals(5 * p * r / (4 * p + r), m.fBeta(2), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> m.fBeta(-1));
  }

  @Test
  void normalizedRowsLeaveEmptyRowsUndefined() {
    ConfusionMatrix cm =
        new ConfusionMatrix(new Labels(List.of("a", "b")), new double[] {3, 1, 0, 0});
    NormalizedConfusion byRow = cm.normalized(Normalization.TRUE);
    assertEquals(0.75, byRow.value(0, 0));
    assertTrue(Double.isNaN(byRow.value(1, 0)));
    assertEquals(1.0, cm.normalized(Normalization.PRED).value(0, 0));
    assertEquals(0.25, cm.normalized(Normalization.ALL).value(0, 1));
  }

  @Test
  void unknownPositiveLabelListsTheClasses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ClassificationMetrics.of(course()).binary("yes"));
    assertEquals("Unknown positive label \"yes\"; classes are [0, 1]", e.getMessage());
  }

  @Test
  void longTableListsPrecisionRecallAndF1PerClass() {
    // The course's example: TN 905, FP 9, FN 18, TP 68.
    ClassificationMetrics m =
        ClassificationMetrics.of(
            new ConfusionMatrix(
                new dev.errata.load.Labels(java.util.List.of("0", "1")),
                new double[] {905, 9, 18, 68}));
    tech.tablesaw.api.Table t = m.toLongTable();
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("class", "measure", "value"), t.columnNames());
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("precision", "recall", "F1", "precision", "recall", "F1"),
        t.stringColumn("measure").asList());
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of("0", "0", "0", "1", "1", "1"), t.stringColumn("class").asList());
    double p1 = 68.0 / 77;
    double r1 = 68.0 / 86;
    double[] expected = {905.0 / 923, 905.0 / 914, 2 * 905.0 / (2 * 905 + 9 + 18), p1, r1,
        2 * p1 * r1 / (p1 + r1)};
    for (int i = 0; i < expected.length; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(
          expected[i], t.doubleColumn("value").getDouble(i), 1e-12, "row " + i);
    }
  }
}
