package dev.errata.slices;

import dev.errata.metrics.Average;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Measure;
import dev.errata.metrics.Proportion;

/**
 * Reads a slice metric off a confusion matrix (rows = actual, columns = predicted): accuracy,
 * error rate and the false positive and negative rates as proportions (for intervals and tests),
 * precision, recall and F1 from {@link ClassificationMetrics}. NaN marks an undefined ratio.
 */
final class CountMetrics {

  private CountMetrics() {}

  /**
   * Returns the metric; {@code cls} is a class code, or -1 for the macro average. Precision, recall
   * and F1 come from {@link ClassificationMetrics} (the one formula set, with undefined ratios left
   * out of averages), so a slice's macro F1 is the report's macro F1 on the same counts.
   */
  static double value(Metric.Kind kind, ConfusionMatrix cm, int cls) {
    return switch (kind) {
      case ACCURACY, ERROR_RATE -> proportion(kind, cm, cls).value();
      case PRECISION, RECALL, F1 -> {
        ClassificationMetrics m = ClassificationMetrics.of(cm);
        Measure measure =
            kind == Metric.Kind.PRECISION
                ? Measure.PRECISION
                : kind == Metric.Kind.RECALL ? Measure.RECALL : Measure.F1;
        yield cls >= 0 ? m.perClass(measure, cls) : m.average(Average.MACRO, measure);
      }
      case FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE ->
          cls >= 0 ? rate(kind, cm, cls) : macro(kind, cm);
    };
  }

  /**
   * Returns the metric as successes over trials; only for accuracy, error rate, P and R of a class.
   */
  static Proportion proportion(Metric.Kind kind, ConfusionMatrix cm, int cls) {
    double total = cm.total();
    return switch (kind) {
      case ACCURACY -> new Proportion(cm.correct(), total);
      case ERROR_RATE -> new Proportion(Math.max(0, total - cm.correct()), total);
      case PRECISION -> new Proportion(cm.count(cls, cls), cm.predictedTotal(cls));
      case RECALL -> new Proportion(cm.count(cls, cls), cm.actualTotal(cls));
      case FALSE_POSITIVE_RATE ->
          new Proportion(
              Math.max(0, cm.predictedTotal(cls) - cm.count(cls, cls)),
              Math.max(0, total - cm.actualTotal(cls)));
      case FALSE_NEGATIVE_RATE ->
          new Proportion(Math.max(0, cm.actualTotal(cls) - cm.count(cls, cls)), cm.actualTotal(cls));
      case F1 -> throw new IllegalArgumentException("F1 is not a proportion");
    };
  }

  private static double rate(Metric.Kind kind, ConfusionMatrix cm, int cls) {
    Proportion q = proportion(kind, cm, cls);
    return q.trials() == 0 ? Double.NaN : q.value();
  }

  /** The mean of a rate over the classes where it is defined. */
  private static double macro(Metric.Kind kind, ConfusionMatrix cm) {
    double sum = 0;
    int defined = 0;
    for (int c = 0; c < cm.classes(); c++) {
      double v = rate(kind, cm, c);
      if (!Double.isNaN(v)) {
        sum += v;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }
}
