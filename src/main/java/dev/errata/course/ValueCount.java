package dev.errata.course;

import dev.errata.metrics.Proportion;

/**
 * One class, or one value of a column, in a data check: its examples now and, when there is a
 * reference, in the reference. Shares and the interval width are derived from the counts.
 *
 * @param column {@code null} for a class (actual label), else the column's name
 * @param value the class or the value as written
 * @param examples examples with it now
 * @param total all examples now
 * @param referenceExamples examples with it in the reference; NaN without a reference
 * @param referenceTotal all examples of the reference; NaN without a reference
 */
public record ValueCount(
    String column,
    String value,
    double examples,
    double total,
    double referenceExamples,
    double referenceTotal) {

  /** Returns {@code class = x} or {@code column = x}. */
  public String scope() {
    return (column == null ? "class" : column) + " = " + value;
  }

  /** Returns whether this is a class (an actual label) rather than a column's value. */
  public boolean isClass() {
    return column == null;
  }

  /** Returns the share of all examples now (NaN when there are none). */
  public double share() {
    return total == 0 ? Double.NaN : examples / total;
  }

  /** Returns the share in the reference (NaN without one). */
  public double referenceShare() {
    return referenceTotal == 0 ? Double.NaN : referenceExamples / referenceTotal;
  }

  /** Returns share now minus share in the reference, a fraction (NaN without a reference). */
  public double change() {
    return share() - referenceShare();
  }

  /**
   * Returns the widest a 95 % Wilson interval of any rate measured on these examples can be (the
   * width at a rate of 0.5, {@code z / sqrt(n + z²)}); NaN with no examples.
   */
  public double widestInterval() {
    if (examples == 0) {
      return Double.NaN;
    }
    var ci = new Proportion(examples / 2, examples).wilson();
    return ci.upper() - ci.lower();
  }

  /**
   * Returns the fewest examples whose widest 95 % Wilson interval is at most {@code width}: the
   * smallest n with {@code z / sqrt(n + z²) <= width}.
   */
  public static long examplesForWidth(double width) {
    double z = Z95;
    return (long) Math.ceil(z * z * (1 / (width * width) - 1) - 1e-9);
  }

  /** The normal quantile of a two-sided 95 % interval. */
  static final double Z95 =
      new org.apache.commons.math3.distribution.NormalDistribution()
          .inverseCumulativeProbability(0.975);
}
