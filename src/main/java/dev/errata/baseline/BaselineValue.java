package dev.errata.baseline;

import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;

/**
 * Gives the baseline accuracy one category is measured against, and where it comes from.
 *
 * @param kind where the number comes from
 * @param source the source as shown in the table
 * @param accuracy the baseline accuracy in [0, 1]
 * @param interval its 95 % Wilson interval when measured; undefined for a given number
 * @param support examples behind a measured number; NaN for a given number
 */
public record BaselineValue(
    BaselineKind kind, String source, double accuracy, Interval interval, double support) {

  /** Returns the value of a given (fixed) number: no interval, no support. */
  public static BaselineValue given(BaselineSource.Fixed fixed) {
    return new BaselineValue(
        fixed.kind(),
        fixed.source(),
        fixed.accuracy(),
        Interval.undefined(Proportion.DEFAULT_LEVEL),
        Double.NaN);
  }

  /** Returns the value measured by counting a reference's correct labels within a category. */
  public static BaselineValue measured(BaselineSource.Reference reference, Proportion correct) {
    return new BaselineValue(
        reference.kind(), reference.source(), correct.value(), correct.wilson(), correct.trials());
  }

  /** Returns whether the number was measured here (and so has an interval). */
  public boolean isMeasured() {
    return !Double.isNaN(support);
  }
}
