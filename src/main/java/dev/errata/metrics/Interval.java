package dev.errata.metrics;

/**
 * A two-sided confidence interval {@code [lower, upper]} for a rate, at confidence {@code level}.
 * Both bounds are NaN when the rate itself is undefined (no trials).
 */
public record Interval(double lower, double upper, double level) {

  /** Returns whether the interval is undefined (no data behind it). */
  public boolean isUndefined() {
    return Double.isNaN(lower) || Double.isNaN(upper);
  }

  /** Returns the undefined interval at {@code level}. */
  public static Interval undefined(double level) {
    return new Interval(Double.NaN, Double.NaN, level);
  }
}
