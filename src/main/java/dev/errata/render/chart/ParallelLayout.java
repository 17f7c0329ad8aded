package dev.errata.render.chart;

import static dev.errata.render.chart.Canvas.Anchor.END;
import static dev.errata.render.chart.Canvas.Anchor.MIDDLE;
import static dev.errata.render.chart.Canvas.Anchor.START;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out {@link Parallel}: one vertical axis per dimension with its name above and its range (or
 * categories) at its left, one polyline per line coloured by the last dimension (darker is
 * higher), the lines' names at the right of the last axis, pushed apart so they never overlap.
 */
final class ParallelLayout {

  /** Horizontal distance between two axes. */
  static final double GAP = 150;

  /** Height of the axes. */
  static final double HEIGHT = 240;

  /** Vertical room per line name at the right. */
  static final double NAME_LINE = 14;

  /** Characters kept of an axis name, a category and a line's name. */
  static final int AXIS_CHARS = 20;

  static final int CATEGORY_CHARS = 14;
  static final int NAME_CHARS = 24;

  private ParallelLayout() {}

  static Canvas of(String title, Parallel p) {
    List<Parallel.Dimension> dims = p.dimensions();
    int n = p.lines().size();
    double firstLabels =
        labels(dims.get(0)).stream().mapToDouble(t -> Style.width(t, Style.SMALL_SIZE)).max().orElse(0);
    double x0 = Math.max(60, 20 + firstLabels);
    double y0 = 64;
    double y1 = y0 + HEIGHT;
    double[] xs = new double[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      xs[d] = x0 + d * GAP;
    }
    double xLast = xs[xs.length - 1];
    List<String> names = p.lines().stream().map(s -> Style.cap(s, NAME_CHARS)).toList();
    double namesWidth =
        names.stream().mapToDouble(s -> Style.width(s, Style.SMALL_SIZE)).max().orElse(0);
    // Names at the height of their line's last point, pushed apart by NAME_LINE.
    Parallel.Dimension colour = p.colour();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> y(colour.normalized(i), y0, y1, true)));
    double[] nameY = new double[n];
    double next = Double.NEGATIVE_INFINITY;
    for (int i : order) {
      nameY[i] = Math.max(y(colour.normalized(i), y0, y1, true) + 4, next);
      next = nameY[i] + NAME_LINE;
    }
    double bottom = Math.max(y1 + 24, next);
    String cappedTitle = Style.cap(title, Style.TITLE_CHARS);
    List<String> notes = p.notes().stream().map(s -> Style.cap(s, 100)).toList();
    double notesWidth =
        notes.stream().mapToDouble(s -> 20 + Style.width(s, Style.SMALL_SIZE)).max().orElse(0);
    int width =
        (int)
            Math.ceil(
                Math.max(
                    Math.max(xLast + 14 + namesWidth + 10, notesWidth),
                    Math.max(20 + Style.width(cappedTitle, Style.TITLE_SIZE), xLast + GAP / 2)));
    int height = (int) Math.ceil(bottom + 8 + LinesLayout.NOTE_LINE * notes.size());
    Canvas c = new Canvas(width, height, title);

    for (int i = 0; i < n; i++) {
      double t = colour.normalized(i);
      String stroke = Double.isNaN(t) ? Style.MUTED : Style.blues(0.3 + 0.7 * t);
      List<Double> run = new ArrayList<>();
      for (int d = 0; d < dims.size(); d++) {
        double v = dims.get(d).normalized(i);
        if (Double.isNaN(v)) {
          polyline(c, run, stroke);
          run.clear();
          continue;
        }
        run.add(xs[d]);
        run.add(y(v, y0, y1, false));
      }
      polyline(c, run, stroke);
      double lastY = y(colour.normalized(i), y0, y1, true);
      if (!Double.isNaN(colour.normalized(i))) {
        c.dot(xLast, lastY, 3, stroke);
      }
      c.line(xLast + 4, lastY, xLast + 10, nameY[i] - 4, Style.GRID, 1);
      c.text(xLast + 12, nameY[i], names.get(i), Style.SMALL_SIZE, START, Style.INK);
    }
    for (int d = 0; d < dims.size(); d++) {
      Parallel.Dimension dim = dims.get(d);
      double x = xs[d];
      c.line(x, y0, x, y1, Style.AXIS, 1);
      c.bold(x, y0 - 26, Style.cap(dim.label(), AXIS_CHARS), Style.LABEL_SIZE, MIDDLE, Style.INK);
      if (dim.categorical()) {
        List<String> cats = dim.categories();
        for (int k = 0; k < cats.size(); k++) {
          double v = cats.size() == 1 ? 0.5 : k / (double) (cats.size() - 1);
          double y = y(v, y0, y1, false);
          c.line(x - 3, y, x, y, Style.AXIS, 1);
          c.text(x - 6, y + 4, Style.cap(cats.get(k), CATEGORY_CHARS), Style.SMALL_SIZE, END, Style.INK);
        }
      } else {
        double[] r = dim.range();
        boolean one = r[1] <= r[0];
        List<String> ends = labels(dim);
        if (one) {
          c.text(x - 6, y(0.5, y0, y1, false) + 4, ends.get(0), Style.SMALL_SIZE, END, Style.MUTED);
        } else {
          c.text(x - 6, y0 + 4, ends.get(1), Style.SMALL_SIZE, END, Style.MUTED);
          c.text(x - 6, y1 + 4, ends.get(0), Style.SMALL_SIZE, END, Style.MUTED);
        }
      }
    }
    for (int i = 0; i < notes.size(); i++) {
      c.text(10, bottom + 4 + LinesLayout.NOTE_LINE * i, notes.get(i), Style.SMALL_SIZE, START, Style.MUTED);
    }
    c.bold(10, 20, cappedTitle, Style.TITLE_SIZE, START, Style.INK);
    return c;
  }

  /** Returns the texts at an axis's ends (min, max), or its categories. */
  static List<String> labels(Parallel.Dimension d) {
    if (d.categorical()) {
      return d.categories().stream().map(s -> Style.cap(s, CATEGORY_CHARS)).toList();
    }
    double[] r = d.range();
    return List.of(end(r[0], d.percent()), end(r[1], d.percent()));
  }

  private static String end(double v, boolean percent) {
    return percent ? dev.errata.render.Numbers.percent(v) : dev.errata.render.Numbers.format(v);
  }

  /** Returns the pixel height of a value placed at {@code t} in [0, 1] (NaN: the middle if asked). */
  private static double y(double t, double y0, double y1, boolean nanInMiddle) {
    double v = Double.isNaN(t) ? (nanInMiddle ? 0.5 : t) : t;
    return y1 - v * (y1 - y0);
  }

  private static void polyline(Canvas c, List<Double> xy, String stroke) {
    if (xy.size() >= 4) {
      c.polyline(xy.stream().mapToDouble(Double::doubleValue).toArray(), stroke, 1.5);
    }
  }
}
