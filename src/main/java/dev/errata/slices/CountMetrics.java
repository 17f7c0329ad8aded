package dev.errata.slices;

import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Proportion;

/**
 * Computes accuracy, error rate, precision, recall, F1 and the false positive and negative rates from a confusion matrix (rows = actual,
 * columns = predicted). The one place these formulas live; NaN marks an undefined ratio.
 */
final class CountMetrics {

  private CountMetrics() {}

  /** Returns the metric; {@code cls} is a class code, or -1 for the macro average. */
  static double value(Metric.Kind kind, ConfusionMatrix cm, int cls) {
    return switch (kind) {
      case ACCURACY, ERROR_RATE -> proportion(kind, cm, cls).value();
      case PRECISION, RECALL, F1, FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE ->
          cls >= 0 ? perClass(kind, cm, cls) : macro(kind, cm);
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

  private static double perClass(Metric.Kind kind, ConfusionMatrix cm, int cls) {
    if (kind == Metric.Kind.FALSE_POSITIVE_RATE || kind == Metric.Kind.FALSE_NEGATIVE_RATE) {
      Proportion q = proportion(kind, cm, cls);
      return q.trials() == 0 ? Double.NaN : q.value();
    }
    double tp = cm.count(cls, cls);
    double denominator =
        switch (kind) {
          case PRECISION -> cm.predictedTotal(cls);
          case RECALL -> cm.actualTotal(cls);
          default -> cm.actualTotal(cls) + cm.predictedTotal(cls);
        };
    double numerator = kind == Metric.Kind.F1 ? 2 * tp : tp;
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }

  private static double macro(Metric.Kind kind, ConfusionMatrix cm) {
    double sum = 0;
    int defined = 0;
    for (int c = 0; c < cm.classes(); c++) {
      double v = perClass(kind, cm, c);
      if (!Double.isNaN(v)) {
        sum += v;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }
}
