package dev.errata.metrics;

import java.util.Objects;

/**
 * A reference classifier's metrics on the same actual labels, computed from its (expected)
 * confusion matrix.
 *
 * @param name what the baseline is, e.g. {@code always "0"}
 * @param metrics its metrics, under the report's zero-division policy
 */
public record Baseline(String name, ClassificationMetrics metrics) {

  public Baseline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Returns the baseline that predicts the most frequent actual class for every example (the
   * course's {@code print("0")}); ties go to the lowest class code.
   */
  public static Baseline majority(ConfusionMatrix model, ZeroDivision zeroDivision) {
    int k = model.classes();
    int majority = majorityClass(model);
    double[] counts = new double[k * k];
    for (int i = 0; i < k; i++) {
      counts[i * k + majority] = model.actualTotal(i);
    }
    return new Baseline(
        "always \"" + model.labels().name(majority) + "\" (majority class)",
        new ClassificationMetrics(new ConfusionMatrix(model.labels(), counts), zeroDivision));
  }

  /**
   * Returns the expected metrics of guessing each class at random with its actual frequency
   * (scikit-learn's "stratified" dummy): expected count (i, j) = N · q_i · q_j. Ratios are of
   * expected counts.
   */
  public static Baseline stratified(ConfusionMatrix model, ZeroDivision zeroDivision) {
    int k = model.classes();
    double n = model.total();
    double[] counts = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        counts[i * k + j] = n == 0 ? 0 : model.actualTotal(i) * model.actualTotal(j) / n;
      }
    }
    return new Baseline(
        "random by class frequency (expected)",
        new ClassificationMetrics(new ConfusionMatrix(model.labels(), counts), zeroDivision));
  }

  static int majorityClass(ConfusionMatrix cm) {
    int best = 0;
    for (int c = 1; c < cm.classes(); c++) {
      if (cm.actualTotal(c) > cm.actualTotal(best)) {
        best = c;
      }
    }
    return best;
  }
}
