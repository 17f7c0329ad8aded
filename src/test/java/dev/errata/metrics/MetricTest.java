package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Labels;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metric vocabulary: one spelling, one parser, one value per name. */
class MetricTest {

  /** The course's defect matrix: rows actual 0, 1; columns predicted 0, 1. */
  private static final ConfusionMatrix DEFECTS =
      new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {905, 9, 18, 68});

  private static final Optional<String> NONE = Optional.empty();

  @Test
  void readsEveryWrittenFormIntoOneMetric() {
    Metric macroF1 = Metric.of(Metric.Kind.F1, Average.MACRO);
    assertEquals(macroF1, Metric.parse("macro f1", NONE));
    assertEquals(macroF1, Metric.parse("Macro_F1", NONE));
    assertEquals(macroF1, Metric.parse("f1 (macro)", NONE));
    assertEquals(macroF1, Metric.parse("macro f1-score", NONE));
    assertEquals(macroF1, Metric.parse("f1", NONE), "bare, no positive class: macro");
    assertEquals(Metric.of(Metric.Kind.F1, "1"), Metric.parse("f1", Optional.of("1")));
    assertEquals(Metric.of(Metric.Kind.RECALL, "pit mark"), Metric.parse("recall of pit mark", NONE));
    assertEquals(Metric.of(Metric.Kind.RECALL, "pit mark"), Metric.parse("Recall of \"pit mark\"", NONE));
    assertEquals(
        Metric.of(Metric.Kind.RECALL, Average.WEIGHTED), Metric.parse("weighted recall", Optional.of("1")));
    assertEquals(Metric.errorRate(), Metric.parse("Error_Rate", Optional.of("1")));
    assertEquals(Metric.of(Metric.Kind.MATTHEWS), Metric.parse("MCC", NONE));
    assertEquals(
        Metric.of(Metric.Kind.FALSE_POSITIVE_RATE, "1"), Metric.parse("fpr of 1", NONE));
  }

  @Test
  void theKeyIsTheOneSpellingAndReadsBack() {
    List<Metric> all =
        List.of(
            Metric.accuracy(),
            Metric.errorRate(),
            Metric.of(Metric.Kind.BALANCED_ACCURACY),
            Metric.of(Metric.Kind.KAPPA),
            Metric.of(Metric.Kind.F1, Average.MACRO),
            Metric.of(Metric.Kind.PRECISION, Average.MICRO),
            Metric.of(Metric.Kind.FALSE_NEGATIVE_RATE, Average.WEIGHTED),
            Metric.of(Metric.Kind.RECALL, "hernia"));
    assertEquals(
        List.of(
            "accuracy",
            "error rate",
            "balanced accuracy",
            "kappa",
            "macro f1",
            "micro precision",
            "weighted false negative rate",
            "recall of hernia"),
        all.stream().map(Metric::key).toList());
    for (Metric m : all) {
      assertEquals(m, Metric.parse(m.key(), Optional.of("other")), m.key());
    }
    assertEquals(
        "precision of 1 (zero_division=0)",
        Metric.of(Metric.Kind.PRECISION, "1").withZeroDivision(ZeroDivision.ZERO).key());
  }

  @Test
  void unknownAndMisshapenNamesSayWhatIsKnown() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("recal", NONE));
    assertTrue(
        unknown
            .getMessage()
            .startsWith(
                "Unknown metric \"recal\"; metrics are [accuracy, error rate, balanced accuracy,"
                    + " matthews, kappa, precision, recall, f1, false positive rate, false negative"
                    + " rate]"),
        unknown.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("accuracy of 1", NONE))
            .getMessage()
            .contains("accuracy is not per class"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("macro f1 of 1", NONE))
            .getMessage()
            .contains("names both an average and a class"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("f1 of ", NONE))
            .getMessage()
            .contains("names no class"));
  }

  @Test
  void valuesOnTheCourseDefectMatrix() {
    // Hand-checked: TP 68, FP 9, FN 18, TN 905 for class "1".
    assertEquals(973.0 / 1000, Metric.accuracy().value(DEFECTS), 1e-15);
    assertEquals(27.0 / 1000, Metric.errorRate().value(DEFECTS), 1e-15);
    assertEquals(68.0 / 77, Metric.parse("precision of 1", NONE).value(DEFECTS), 1e-15);
    assertEquals(68.0 / 86, Metric.parse("recall", Optional.of("1")).value(DEFECTS), 1e-15);
    assertEquals(136.0 / 163, Metric.parse("f1 of 1", NONE).value(DEFECTS), 1e-15);
    assertEquals(9.0 / 914, Metric.parse("false positive rate of 1", NONE).value(DEFECTS), 1e-15);
    assertEquals(18.0 / 86, Metric.parse("false negative rate of 1", NONE).value(DEFECTS), 1e-15);
    // Class "0": its false positives are the 18 ones predicted 0, over the 86 actual ones.
    double fpr0 = 18.0 / 86;
    double fpr1 = 9.0 / 914;
    assertEquals((fpr0 + fpr1) / 2, Metric.parse("macro fpr", NONE).value(DEFECTS), 1e-15);
    assertEquals(27.0 / 1000, Metric.parse("micro fpr", NONE).value(DEFECTS), 1e-15);
    // Weighted by support: (914 * 9/914 + 86 * 18/86) / 1000.
    assertEquals(27.0 / 1000, Metric.parse("weighted fnr", NONE).value(DEFECTS), 1e-15);
    double p0 = 905.0 / 923;
    double p1 = 68.0 / 77;
    assertEquals((p0 + p1) / 2, Metric.parse("macro precision", NONE).value(DEFECTS), 1e-15);
    assertEquals(
        ClassificationMetrics.of(DEFECTS).matthews(),
        Metric.parse("matthews", NONE).value(DEFECTS),
        0.0);
  }

  @Test
  void proportionsCarryTheirCountsAndUndefinedStaysUndefined() {
    assertEquals(
        Optional.of(new Proportion(68, 77)),
        Metric.parse("precision of 1", NONE).proportion(DEFECTS));
    assertEquals(Optional.empty(), Metric.parse("macro f1", NONE).proportion(DEFECTS));
    ConfusionMatrix neverOne =
        new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {914, 0, 86, 0});
    Metric precision = Metric.of(Metric.Kind.PRECISION, "1");
    assertTrue(Double.isNaN(precision.value(neverOne)));
    assertEquals(0.0, precision.withZeroDivision(ZeroDivision.ZERO).value(neverOne));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Metric.parse("recall of 7", NONE).value(DEFECTS))
            .getMessage()
            .contains("\"7\""));
  }
}
