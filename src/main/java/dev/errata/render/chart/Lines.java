package dev.errata.render.chart;

import java.util.Arrays;
import java.util.List;

/**
 * Lines through points: curves over a numeric x axis (precision-recall, ROC), or a metric over
 * categories such as logged runs ({@code xCategories} not empty; x values are then the indices
 * 0, 1, … of the categories).
 *
 * @param curves the lines, drawn in order
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param xCategories labels of x positions 0, 1, …, or empty for a numeric x axis
 * @param diagonal whether to draw the dashed chance line from (min, min) to (max, max)
 * @param levels dashed horizontal reference lines, e.g. a precision-recall curve's prevalence
 * @param marks labelled points, e.g. the operating point at a chosen threshold
 * @param notes lines of text under the chart, e.g. how to read its axis
 */
public record Lines(
    List<Lines.Curve> curves,
    Axis x,
    Axis y,
    List<String> xCategories,
    boolean diagonal,
    List<Lines.Level> levels,
    List<Lines.Mark> marks,
    List<String> notes)
    implements Plot {

  /** A dashed horizontal line at {@code y} across the plot, labelled at its right end. */
  public record Level(String label, double y) {}

  /** A ringed point at ({@code x}, {@code y}) with a label beside it. */
  public record Mark(String label, double x, double y) {}

  /** Returns lines without reference lines, marks or notes. */
  public Lines(List<Curve> curves, Axis x, Axis y, List<String> xCategories, boolean diagonal) {
    this(curves, x, y, xCategories, diagonal, List.of(), List.of(), List.of());
  }

  public Lines {
    curves = List.copyOf(curves);
    xCategories = List.copyOf(xCategories);
    levels = List.copyOf(levels);
    marks = List.copyOf(marks);
    notes = List.copyOf(notes);
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("A line chart needs at least one curve");
    }
  }

  /**
   * One line: points ({@code x[i]}, {@code y[i]}) and optional interval bounds for y ({@code
   * lower}, {@code upper} empty or as long as {@code y}).
   */
  public record Curve(String name, double[] x, double[] y, double[] lower, double[] upper) {

    public Curve {
      x = x.clone();
      y = y.clone();
      lower = lower.clone();
      upper = upper.clone();
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "Curve \"" + name + "\" has " + x.length + " x values and " + y.length + " y values");
      }
      if (lower.length != upper.length || (lower.length != 0 && lower.length != y.length)) {
        throw new IllegalArgumentException(
            "Curve \"" + name + "\" needs as many lower and upper bounds as points, or none");
      }
    }

    /** Returns a curve without intervals. */
    public static Curve of(String name, double[] x, double[] y) {
      return new Curve(name, x, y, new double[0], new double[0]);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    @Override
    public double[] lower() {
      return lower.clone();
    }

    @Override
    public double[] upper() {
      return upper.clone();
    }

    /** Returns the number of points. */
    public int size() {
      return x.length;
    }

    /** Returns x of point {@code i}. */
    public double xAt(int i) {
      return x[i];
    }

    /** Returns y of point {@code i}. */
    public double yAt(int i) {
      return y[i];
    }

    /** Returns whether this curve has interval bounds. */
    public boolean hasIntervals() {
      return lower.length > 0;
    }

    /** Returns the lower bound at point {@code i}. */
    public double lowerAt(int i) {
      return lower[i];
    }

    /** Returns the upper bound at point {@code i}. */
    public double upperAt(int i) {
      return upper[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Curve c
          && c.name.equals(name)
          && Arrays.equals(c.x, x)
          && Arrays.equals(c.y, y)
          && Arrays.equals(c.lower, lower)
          && Arrays.equals(c.upper, upper);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * name.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
      return "Curve[" + name + ", " + x.length + " points]";
    }
  }
}
