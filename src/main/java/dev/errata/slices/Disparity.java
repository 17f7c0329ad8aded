package dev.errata.slices;

import dev.errata.metrics.Metric;

/**
 * How far the worst slice falls behind, for one metric: against the overall value and against the
 * best slice. Only slices with at least the minimum support are compared.
 *
 * <p>Gaps are absolute differences; ratios are worst / overall and worst / best (below 1 for a
 * metric where higher is better, above 1 for the error rate). Everything is NaN (undefined) when no
 * slice has enough support.
 *
 * @param metric the metric compared
 * @param overall the metric on all the data
 * @param worst the worst slice's description, empty when none qualifies
 * @param worstValue the worst slice's value
 * @param best the best slice's description
 * @param bestValue the best slice's value
 * @param compared how many slices were compared
 * @param small how many slices were left out for support under the minimum
 */
public record Disparity(
    Metric metric,
    double overall,
    String worst,
    double worstValue,
    String best,
    double bestValue,
    int compared,
    int small) {

  /** Returns |worst − overall|. */
  public double gapToOverall() {
    return Math.abs(worstValue - overall);
  }

  /** Returns worst / overall. */
  public double ratioToOverall() {
    return worstValue / overall;
  }

  /** Returns |best − worst|, the largest gap between two compared slices. */
  public double gapToBest() {
    return Math.abs(bestValue - worstValue);
  }

  /** Returns worst / best. */
  public double ratioToBest() {
    return worstValue / bestValue;
  }
}
