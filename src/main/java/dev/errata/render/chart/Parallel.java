package dev.errata.render.chart;

import java.util.Arrays;
import java.util.List;

/**
 * Parallel coordinates: one vertical axis per dimension (a run's parameters, then a metric) and
 * one line per run through its value on each axis, coloured by the last dimension. Each axis spans
 * its own values; a text dimension places its categories evenly.
 *
 * @param dimensions the axes, left to right; the last one colours the lines
 * @param lines the name of each line (run), in the order of every dimension's values
 * @param notes lines of text under the chart
 */
public record Parallel(List<Parallel.Dimension> dimensions, List<String> lines, List<String> notes)
    implements Plot {

  public Parallel {
    dimensions = List.copyOf(dimensions);
    lines = List.copyOf(lines);
    notes = List.copyOf(notes);
    if (dimensions.size() < 2) {
      throw new IllegalArgumentException(
          "Parallel coordinates need at least two dimensions, got " + dimensions.size());
    }
    for (Dimension d : dimensions) {
      if (d.size() != lines.size()) {
        throw new IllegalArgumentException(
            "Dimension \"" + d.label() + "\" has " + d.size() + " values for " + lines.size()
                + " lines");
      }
    }
  }

  /** Returns the dimension that colours the lines (the last). */
  public Dimension colour() {
    return dimensions.get(dimensions.size() - 1);
  }

  /**
   * One axis.
   *
   * @param label the axis's name
   * @param values one value per line; NaN where the line has none. For a text dimension, the index
   *     of the line's category in {@code categories}
   * @param categories the text values in axis order, or empty for a numeric dimension
   * @param percent whether the numbers are proportions shown as percentages
   */
  public record Dimension(String label, double[] values, List<String> categories, boolean percent) {

    public Dimension {
      values = values.clone();
      categories = List.copyOf(categories);
    }

    /** Returns a numeric dimension. */
    public static Dimension numbers(String label, double[] values, boolean percent) {
      return new Dimension(label, values, List.of(), percent);
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** Returns the number of values. */
    public int size() {
      return values.length;
    }

    /** Returns value {@code i}. */
    public double at(int i) {
      return values[i];
    }

    /** Returns whether the dimension holds text categories. */
    public boolean categorical() {
      return !categories.isEmpty();
    }

    /** Returns [min, max] of the axis: the categories' indices, or the defined values' range. */
    public double[] range() {
      if (categorical()) {
        return new double[] {0, categories.size() - 1};
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
    }

    /** Returns value {@code i} placed on [0, 1] of the axis (0.5 when the axis has one value). */
    public double normalized(int i) {
      double[] r = range();
      double v = values[i];
      if (!Double.isFinite(v)) {
        return Double.NaN;
      }
      return r[1] > r[0] ? (v - r[0]) / (r[1] - r[0]) : 0.5;
    }

    /** Returns the text of value {@code i}: its category, or the number. */
    public String text(int i) {
      double v = values[i];
      if (Double.isNaN(v)) {
        return "";
      }
      return categorical()
          ? categories.get((int) v)
          : percent ? dev.errata.render.Numbers.percent(v) : dev.errata.render.Numbers.format(v);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Dimension d
          && d.label.equals(label)
          && Arrays.equals(d.values, values)
          && d.categories.equals(categories)
          && d.percent == percent;
    }

    @Override
    public int hashCode() {
      return 31 * label.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Dimension[" + label + ", " + values.length + " values]";
    }
  }
}
