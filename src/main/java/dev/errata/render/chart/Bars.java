package dev.errata.render.chart;

import java.util.List;

/**
 * Horizontal bars, one group per category and one bar per series, with optional interval
 * whiskers and an optional note beside each group (e.g. "gap 4.0 pp · 4.0 % of data").
 *
 * @param categories the group labels, top to bottom
 * @param series one or more series, each with a value per category
 * @param axis the value axis
 * @param notes one note per category, or empty for none
 * @param gap whether to draw, on each category, the gap from the first series' value to the
 *     second's as a delta bar (e.g. model to human-level performance); needs two series
 */
public record Bars(
    List<String> categories, List<Bars.Series> series, Axis axis, List<String> notes, boolean gap)
    implements Plot {

  /** Colour of the gap between the first and the second series. */
  static final String GAP_COLOUR = "#e45756";

  /** Returns bars without a gap drawn. */
  public Bars(List<String> categories, List<Bars.Series> series, Axis axis, List<String> notes) {
    this(categories, series, axis, notes, false);
  }

  public Bars {
    if (gap && series.size() != 2) {
      throw new IllegalArgumentException("A gap is drawn between two series; got " + series.size());
    }
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    notes = List.copyOf(notes);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("A bar chart needs at least one series");
    }
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            "Series \"" + s.name() + "\" has " + s.values().size() + " values for "
                + categories.size() + " categories");
      }
    }
    if (!notes.isEmpty() && notes.size() != categories.size()) {
      throw new IllegalArgumentException(
          notes.size() + " notes for " + categories.size() + " categories");
    }
  }

  /**
   * One series of bars: a value per category and, optionally, interval bounds per category
   * ({@code lower} and {@code upper} both empty, or both as long as {@code values}; NaN = none).
   */
  public record Series(String name, List<Double> values, List<Double> lower, List<Double> upper) {

    public Series {
      values = List.copyOf(values);
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      if (lower.size() != upper.size() || (!lower.isEmpty() && lower.size() != values.size())) {
        throw new IllegalArgumentException(
            "Series \"" + name + "\" needs as many lower and upper bounds as values, or none");
      }
    }

    /** Returns a series without intervals. */
    public static Series of(String name, List<Double> values) {
      return new Series(name, values, List.of(), List.of());
    }

    /** Returns whether this series has interval bounds. */
    public boolean hasIntervals() {
      return !lower.isEmpty();
    }
  }
}
