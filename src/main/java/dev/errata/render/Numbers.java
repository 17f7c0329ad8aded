package dev.errata.render;

import java.util.Locale;

/** Formats numbers the same way everywhere: {@link Locale#ROOT}, "undefined" for NaN. */
public final class Numbers {

  /** The word shown where a ratio is undefined (NaN). */
  public static final String UNDEFINED = "undefined";

  private Numbers() {}

  /**
   * Formats a double: whole numbers without decimals, others with up to four decimals, and numbers
   * below 0.001 with four significant digits so that they never read as 0.
   */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    if (Math.abs(value) < 0.001) {
      // Four decimals would show a learning rate of 1e-5 as 0: keep four significant digits.
      return new java.math.BigDecimal(value)
          .round(new java.math.MathContext(4))
          .stripTrailingZeros()
          .toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.4f", value);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Formats a proportion as a percentage with one decimal, e.g. {@code 0.8831 → "88.3 %"}; below
   * one percent with up to two, e.g. {@code 0.0016 → "0.16 %"}.
   */
  public static String percent(double proportion) {
    if (Double.isNaN(proportion)) {
      return UNDEFINED;
    }
    double pct = Math.abs(proportion * 100);
    if (pct > 0 && pct < 0.995) {
      // Below one percent a single decimal hides the number (the course's 0.16 % would read 0.2 %).
      String s = String.format(Locale.ROOT, "%.2f", proportion * 100);
      return (s.endsWith("0") ? s.substring(0, s.length() - 1) : s) + " %";
    }
    return points(proportion) + " %";
  }

  /** Formats a whole count with thousands separators, e.g. {@code 12345 → "12,345"}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Formats a value with its interval: {@code "83.4 % [79.9, 86.5]"} for a proportion shown as a
   * percentage, {@code "0.83 [0.8, 0.87]"} otherwise. The brackets are left out when a bound is
   * undefined; "undefined" alone when the value is.
   */
  public static String interval(double value, double lower, double upper, boolean percent) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    String v = percent ? percent(value) : format(value);
    if (Double.isNaN(lower) || Double.isNaN(upper)) {
      return v;
    }
    return percent
        ? v + " [" + points(lower) + ", " + points(upper) + "]"
        : v + " [" + format(lower) + ", " + format(upper) + "]";
  }

  /**
   * Formats a difference of proportions with its interval in percentage points: {@code "0.12 pp
   * [-1.0, 1.3]"}; "undefined" alone when the value is.
   */
  public static String pointsInterval(double value, double lower, double upper) {
    if (Double.isNaN(value)) {
      return UNDEFINED;
    }
    String v = percentagePoints(value);
    return Double.isNaN(lower) || Double.isNaN(upper)
        ? v
        : v + " [" + points(lower) + ", " + points(upper) + "]";
  }

  /**
   * Formats a difference of two proportions in percentage points, with the precision of {@link
   * #percent}: {@code 0.04 → "4.0 pp"}, {@code 0.0016 → "0.16 pp"}, {@code -0.01 → "-1.0 pp"};
   * "undefined" for NaN. A gap or a change then never reads as a rate of its own.
   */
  public static String percentagePoints(double difference) {
    String s = percent(difference);
    return s.endsWith(" %") ? s.substring(0, s.length() - 2) + " pp" : s;
  }

  /**
   * Formats a p-value: "< 0.0001" (with a no-break space) below 10^-4, else four decimals; empty
   * where no test was run (NaN).
   */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 1e-4 ? "<\u00a00.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  /** Formats a proportion in percentage points with one decimal and no sign: 0.799 → "79.9". */
  static String points(double proportion) {
    String s = String.format(Locale.ROOT, "%.1f", proportion * 100);
    return s.equals("-0.0") ? "0.0" : s;
  }
}
