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
 * Holds a ROC curve as scikit-learn 1.2's {@code roc_curve} returns it: points in order of
 * decreasing threshold, starting at (0, 0) with threshold {@code max score + 1}.
 *
 * <p>Rates are NaN when there is no negative (false-positive rate) or no positive (true-positive
 * rate) example.
 *
 * @param positive the positive label
 * @param falsePositiveRate x of each point
 * @param truePositiveRate y of each point
 * @param thresholds the score threshold of each point
 */
public record RocCurve(
    String positive, double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) implements Presentable {

  public RocCurve {
    Objects.requireNonNull(positive, "positive");
    falsePositiveRate = falsePositiveRate.clone();
    truePositiveRate = truePositiveRate.clone();
    thresholds = thresholds.clone();
  }

  static RocCurve of(Scores s, boolean dropIntermediate) {
    double[] fps = s.falsePositives();
    double[] tps = s.truePositives();
    double[] thr = s.thresholds();
    int n = thr.length;
    int[] keep = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      boolean bend =
          !dropIntermediate
              || n <= 2
              || i == 0
              || i == n - 1
              || fps[i - 1] - 2 * fps[i] + fps[i + 1] != 0
              || tps[i - 1] - 2 * tps[i] + tps[i + 1] != 0;
      if (bend) {
        keep[m++] = i;
      }
    }
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    double[] t = new double[m + 1];
    double negatives = s.negatives();
    double positives = s.positives();
    t[0] = thr[keep[0]] + 1;
    for (int j = 0; j < m; j++) {
      fpr[j + 1] = fps[keep[j]];
      tpr[j + 1] = tps[keep[j]];
      t[j + 1] = thr[keep[j]];
    }
    for (int j = 0; j <= m; j++) {
      fpr[j] = negatives <= 0 ? Double.NaN : fpr[j] / negatives;
      tpr[j] = positives <= 0 ? Double.NaN : tpr[j] / positives;
    }
    return new RocCurve(s.positive(), fpr, tpr, t);
  }

  @Override
  public double[] falsePositiveRate() {
    return falsePositiveRate.clone();
  }

  @Override
  public double[] truePositiveRate() {
    return truePositiveRate.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** Returns the area under the curve by the trapezoidal rule; NaN unless both classes occur. */
  public double auc() {
    double area = 0;
    for (int i = 1; i < thresholds.length; i++) {
      area +=
          (falsePositiveRate[i] - falsePositiveRate[i - 1])
              * (truePositiveRate[i] + truePositiveRate[i - 1])
              / 2;
    }
    return area;
  }

  /** Returns one row per point: threshold, false-positive rate, true-positive rate. */
  public Table toTable() {
    return Table.create(
        String.format(
            java.util.Locale.ROOT, "ROC curve, positive = \"%s\", AUC %.4f", positive, auc()),
        DoubleColumn.create("threshold", thresholds),
        DoubleColumn.create("false-positive rate", falsePositiveRate),
        DoubleColumn.create("true-positive rate", truePositiveRate));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocCurve r
        && r.positive.equals(positive)
        && Arrays.equals(r.falsePositiveRate, falsePositiveRate)
        && Arrays.equals(r.truePositiveRate, truePositiveRate)
        && Arrays.equals(r.thresholds, thresholds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(positive, Arrays.hashCode(thresholds), Arrays.hashCode(truePositiveRate));
  }

  @Override
  public String toString() {
    return "RocCurve[positive="
        + positive
        + ", "
        + thresholds.length
        + " points, AUC "
        + auc()
        + "]";
  }

  /** Shows one row per threshold with its two rates. */
  @Override
  public Presentation present() {
    return Section.of(toTable())
        .with(ColumnKind.PROPORTION, "false-positive rate", "true-positive rate").present();
  }
}
