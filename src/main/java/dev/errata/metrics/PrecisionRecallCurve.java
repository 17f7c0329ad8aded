package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import java.util.Arrays;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Holds a precision-recall curve as scikit-learn 1.2's {@code precision_recall_curve} returns it:
 * thresholds increasing, and a last point (precision 1, recall 0) that has no threshold.
 *
 * <p>With no positive example recall is 1 everywhere (scikit-learn's convention), and {@link
 * #averagePrecision()} is undefined.
 *
 * @param positive the positive label
 * @param precision one more value than thresholds
 * @param recall one more value than thresholds, decreasing
 * @param thresholds increasing distinct scores
 */
public record PrecisionRecallCurve(
    String positive, double[] precision, double[] recall, double[] thresholds) implements Presentable {

  public PrecisionRecallCurve {
    Objects.requireNonNull(positive, "positive");
    precision = precision.clone();
    recall = recall.clone();
    thresholds = thresholds.clone();
  }

  static PrecisionRecallCurve of(Scores s) {
    double[] tps = s.truePositives();
    double[] fps = s.falsePositives();
    double[] thr = s.thresholds();
    int n = thr.length;
    double positives = s.positives();
    double[] precision = new double[n + 1];
    double[] recall = new double[n + 1];
    double[] thresholds = new double[n];
    for (int i = 0; i < n; i++) {
      int at = n - 1 - i;
      double predicted = tps[at] + fps[at];
      precision[i] = predicted == 0 ? 0 : tps[at] / predicted;
      recall[i] = positives == 0 ? 1 : tps[at] / positives;
      thresholds[i] = thr[at];
    }
    precision[n] = 1;
    recall[n] = 0;
    return new PrecisionRecallCurve(s.positive(), precision, recall, thresholds);
  }

  @Override
  public double[] precision() {
    return precision.clone();
  }

  @Override
  public double[] recall() {
    return recall.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  /**
   * Returns average precision, Σ (R_i − R_{i+1}) · P_i over the curve (no interpolation), as
   * scikit-learn's {@code average_precision_score}; undefined (not 0) with no positive example.
   */
  public double averagePrecision() {
    if (recall[0] == 1 && allRecallOne()) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i + 1 < recall.length; i++) {
      sum += (recall[i + 1] - recall[i]) * precision[i];
    }
    return -sum;
  }

  private boolean allRecallOne() {
    for (int i = 0; i + 1 < recall.length; i++) {
      if (recall[i] != 1) {
        return false;
      }
    }
    return true;
  }

  /** Returns one row per threshold: threshold, precision, recall (without the final point). */
  public Table toTable() {
    int n = thresholds.length;
    return Table.create(
        String.format(
            java.util.Locale.ROOT,
            "Precision-recall curve, positive = \"%s\", average precision %.4f",
            positive,
            averagePrecision()),
        DoubleColumn.create("threshold", thresholds),
        DoubleColumn.create("precision", Arrays.copyOf(precision, n)),
        DoubleColumn.create("recall", Arrays.copyOf(recall, n)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrecisionRecallCurve c
        && c.positive.equals(positive)
        && Arrays.equals(c.precision, precision)
        && Arrays.equals(c.recall, recall)
        && Arrays.equals(c.thresholds, thresholds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(positive, Arrays.hashCode(thresholds), Arrays.hashCode(precision));
  }

  @Override
  public String toString() {
    return "PrecisionRecallCurve[positive=" + positive + ", " + thresholds.length + " thresholds]";
  }

  /** Shows one row per threshold with precision and recall. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).with(ColumnKind.PROPORTION, "precision", "recall").present();
  }
}
