package dev.errata.compare;

import dev.errata.metrics.ConfusionMatrix;
import dev.errata.significance.McNemar;
import dev.errata.significance.TestResult;
import dev.errata.metrics.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * One slice of two runs on the same examples: each run's confusion matrix (rows = actual, columns =
 * predicted) and the paired outcomes, whether each example was right before and after.
 *
 * @param columns the sliced columns (empty for all the data)
 * @param values the slice's value in each column
 * @param before the first run's confusion matrix on the slice
 * @param after the second run's confusion matrix on the slice
 * @param outcomes the paired outcomes on the slice
 * @param adjustedP McNemar's p-value, Benjamini–Hochberg adjusted across the slices compared (NaN
 *     for all the data)
 */
public record SliceDelta(
    List<String> columns,
    List<String> values,
    ConfusionMatrix before,
    ConfusionMatrix after,
    Outcomes outcomes,
    double adjustedP) {

  public SliceDelta {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }

  /**
   * Counts of paired correctness.
   *
   * @param bothRight right in both runs
   * @param regressed right before, wrong after
   * @param fixed wrong before, right after
   * @param bothWrong wrong in both runs
   */
  public record Outcomes(long bothRight, long regressed, long fixed, long bothWrong) {

    /** Returns the number of paired examples. */
    public long total() {
      return bothRight + regressed + fixed + bothWrong;
    }

    /** Returns McNemar's exact test on the discordant pairs (regressed against fixed). */
    public TestResult mcnemar() {
      return McNemar.exact(regressed, fixed);
    }
  }

  /** Returns the number of paired examples in the slice. */
  public long n() {
    return outcomes.total();
  }

  /** Returns {@code metric} after minus before; NaN when either is undefined. */
  public double delta(Metric metric) {
    return metric.value(after) - metric.value(before);
  }

  /** Returns the slice as a person reads it, e.g. "device = web", or "all data". */
  public String describe() {
    if (columns.isEmpty()) {
      return "all data";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + " = " + values.get(i));
    }
    return String.join(", ", parts);
  }

  /**
   * Returns "regression" when accuracy drops and the adjusted McNemar p is at most {@code alpha},
   * "drop (not significant)" when it drops otherwise, "improvement" when it rises significantly,
   * and "" otherwise. All the data is judged on its unadjusted p.
   */
  public String change(double alpha) {
    double delta = delta(Metric.accuracy());
    double p = columns.isEmpty() ? outcomes.mcnemar().p() : adjustedP;
    boolean significant = p <= alpha;
    if (delta < 0) {
      return significant ? "regression" : "drop (not significant)";
    }
    return delta > 0 && significant ? "improvement" : "";
  }
}
