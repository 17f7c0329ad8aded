package dev.errata.render.chart;

/**
 * A value axis: its title, whether values are proportions shown as percentages, and its range
 * ({@code NaN} bounds are chosen from the data).
 */
public record Axis(String title, boolean percent, double min, double max) {

  public Axis {
    title = title == null ? "" : title;
    if (min >= max) {
      throw new IllegalArgumentException("Axis \"" + title + "\" needs min < max, got " + min + ", " + max);
    }
  }

  /** Returns an axis of proportions from 0 to 1, shown as 0 % to 100 %. */
  public static Axis percent(String title) {
    return new Axis(title, true, 0, 1);
  }

  /** Returns an axis of plain numbers whose range follows the data. */
  public static Axis numbers(String title) {
    return new Axis(title, false, Double.NaN, Double.NaN);
  }

  /** Formats {@code v} as this axis shows values. */
  String format(double v) {
    return percent ? dev.errata.render.Numbers.percent(v) : dev.errata.render.Numbers.format(v);
  }
}
