package dev.errata.render;

import java.util.Locale;

/** Formats numbers the same way everywhere: {@link Locale#ROOT}, "undefined" for NaN. */
public final class Numbers {

  /** The word shown where a ratio is undefined (NaN). */
  public static final String UNDEFINED = "undefined";

  private Numbers() {}

  /** Formats a double: whole numbers without decimals, others with up to four significant decimals. */
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
    String s = String.format(Locale.ROOT, "%.4f", value);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Formats a proportion as a percentage with one decimal, e.g. {@code 0.8831 → "88.3 %"}. */
  public static String percent(double proportion) {
    if (Double.isNaN(proportion)) {
      return UNDEFINED;
    }
    return String.format(Locale.ROOT, "%.1f %%", proportion * 100);
  }

  /** Formats a whole count with thousands separators, e.g. {@code 12345 → "12,345"}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
