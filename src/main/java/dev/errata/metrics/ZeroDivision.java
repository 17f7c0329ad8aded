package dev.errata.metrics;

/**
 * Says what a ratio with a zero denominator becomes, like scikit-learn's {@code zero_division}.
 *
 * <p>{@link #UNDEFINED} (the default) keeps it NaN, shown as "undefined", and averages skip it the
 * way scikit-learn 1.3+ does for {@code zero_division=np.nan}. {@link #ZERO} and {@link #ONE}
 * reproduce scikit-learn 1.2's {@code zero_division=0} and {@code 1} exactly.
 */
public enum ZeroDivision {
  /** An undefined ratio is NaN and is left out of averages. */
  UNDEFINED(Double.NaN),
  /** An undefined ratio counts as 0 (scikit-learn's default value, without the warning). */
  ZERO(0.0),
  /** An undefined ratio counts as 1. */
  ONE(1.0);

  private final double value;

  ZeroDivision(double value) {
    this.value = value;
  }

  /** Returns the value a ratio with a zero denominator takes. */
  public double value() {
    return value;
  }

  /** Returns {@code numerator / denominator}, or this policy's value when the denominator is 0. */
  public double divide(double numerator, double denominator) {
    return denominator == 0 ? value : numerator / denominator;
  }

  /** Parses "0", "1" or "undefined" (also "zero", "one", "nan"), case-insensitively. */
  public static ZeroDivision parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "0", "zero" -> ZERO;
      case "1", "one" -> ONE;
      case "undefined", "nan" -> UNDEFINED;
      default ->
          throw new IllegalArgumentException(
              "Unknown zero-division policy \"" + text + "\"; choices are [0, 1, undefined]");
    };
  }
}
