package dev.errata.render.chart;

import static dev.errata.render.chart.Canvas.Anchor.END;
import static dev.errata.render.chart.Canvas.Anchor.MIDDLE;
import static dev.errata.render.chart.Canvas.Anchor.START;

import java.util.List;

/** Lays out {@link Bars}: horizontal grouped bars with whiskers, value labels and notes. */
final class BarsLayout {

  /** Categories drawn; the rest are counted in a footnote (factories put the important first). */
  static final int MAX_CATEGORIES = 40;

  private static final double PLOT_WIDTH = 360;

  private BarsLayout() {}

  static Canvas of(String title, Bars b) {
    int n = Math.min(b.categories().size(), MAX_CATEGORIES);
    int s = b.series().size();
    double barH = s == 1 ? 18 : 15;
    double groupH = s * barH + 8;
    List<String> labels =
        b.categories().subList(0, n).stream().map(x -> Style.cap(x, Style.LABEL_CHARS)).toList();
    List<String> notes =
        b.notes().isEmpty()
            ? List.of()
            : b.notes().subList(0, n).stream().map(x -> Style.cap(x, Style.NOTE_CHARS)).toList();
    double labelWidth =
        labels.stream().mapToDouble(x -> Style.width(x, Style.LABEL_SIZE)).max().orElse(0);
    double noteWidth =
        notes.stream().mapToDouble(x -> Style.width(x, Style.SMALL_SIZE)).max().orElse(0);
    boolean legend = s > 1;
    String cappedTitle = Style.cap(title, Style.TITLE_CHARS);

    double[] domain = domain(b, n);
    double x0 = 10 + labelWidth + 8;
    double x1 = x0 + PLOT_WIDTH;
    double y0 = legend ? 62 : 42;
    double y1 = y0 + n * groupH;
    double notesX = x1 + 64;
    double legendWidth = 10;
    for (String name : legendNames(b)) {
      legendWidth += 15 + Style.width(name, Style.LABEL_SIZE) + 16;
    }
    int width =
        (int)
            Math.ceil(
                Math.max(
                    Math.max(notesX + noteWidth + 10, legend ? legendWidth : 0),
                    20 + Style.width(cappedTitle, Style.TITLE_SIZE)));
    int more = b.categories().size() - n;
    int height = (int) Math.ceil(y1 + 44 + (more > 0 ? 18 : 0));
    Canvas c = new Canvas(width, height, title);
    double span = domain[1] - domain[0];
    java.util.function.DoubleUnaryOperator px = v -> x0 + (v - domain[0]) / span * PLOT_WIDTH;

    double[] ticks = Style.ticks(domain[0], domain[1], 5);
    for (double t : ticks) {
      c.line(px.applyAsDouble(t), y0, px.applyAsDouble(t), y1, Style.GRID, 1);
    }
    double zero = px.applyAsDouble(Math.max(domain[0], Math.min(domain[1], 0)));
    for (int k = 0; k < s; k++) {
      Bars.Series series = b.series().get(k);
      for (int i = 0; i < n; i++) {
        double v = series.values().get(i);
        if (Double.isNaN(v)) {
          continue;
        }
        double x = px.applyAsDouble(clamp(v, domain));
        c.rect(Math.min(zero, x), barY(y0, groupH, barH, i, k), Math.abs(x - zero), barH - 1, Style.series(k));
      }
    }
    if (b.gap()) {
      drawGaps(c, b, n, px, domain, y0, groupH, barH);
    }
    c.line(zero, y0, zero, y1, Style.AXIS, 1);
    for (int k = 0; k < s; k++) {
      Bars.Series series = b.series().get(k);
      if (!series.hasIntervals()) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double lo = series.lower().get(i);
        double hi = series.upper().get(i);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
          continue;
        }
        double cy = barY(y0, groupH, barH, i, k) + (barH - 1) / 2;
        double a = px.applyAsDouble(clamp(lo, domain));
        double z = px.applyAsDouble(clamp(hi, domain));
        c.line(a, cy, z, cy, Style.INK, 1)
            .line(a, cy - 3, a, cy + 3, Style.INK, 1)
            .line(z, cy - 3, z, cy + 3, Style.INK, 1);
      }
    }
    for (int k = 0; k < s; k++) {
      Bars.Series series = b.series().get(k);
      for (int i = 0; i < n; i++) {
        double v = series.values().get(i);
        double end = Double.isNaN(v) ? domain[0] : Math.max(v, domain[0]);
        if (series.hasIntervals() && !Double.isNaN(series.upper().get(i))) {
          end = Math.max(end, series.upper().get(i));
        }
        if (b.gap() && k == 0 && !Double.isNaN(b.series().get(1).values().get(i))) {
          end = Math.max(end, b.series().get(1).values().get(i));
        }
        double x = Math.min(px.applyAsDouble(clamp(end, domain)), x1) + 4;
        double y = barY(y0, groupH, barH, i, k) + barH / 2 + 3;
        c.text(x, y, b.axis().format(v), Style.SMALL_SIZE, START, Style.INK);
      }
    }
    for (int i = 0; i < n; i++) {
      double cy = y0 + i * groupH + groupH / 2 + 4;
      c.text(x0 - 6, cy, labels.get(i), Style.LABEL_SIZE, END, Style.INK);
    }
    for (int i = 0; i < notes.size(); i++) {
      double cy = y0 + i * groupH + groupH / 2 + 4;
      c.text(notesX, cy, notes.get(i), Style.SMALL_SIZE, START, Style.MUTED);
    }
    for (double t : ticks) {
      c.text(
          px.applyAsDouble(t),
          y1 + 16,
          Style.tick(t, b.axis().percent()),
          Style.SMALL_SIZE,
          MIDDLE,
          Style.MUTED);
    }
    c.text(
        (x0 + x1) / 2,
        y1 + 33,
        Style.cap(b.axis().title(), 60),
        Style.LABEL_SIZE,
        MIDDLE,
        Style.MUTED);
    if (more > 0) {
      c.text(10, y1 + 52, "… " + more + " more not shown", Style.SMALL_SIZE, START, Style.MUTED);
    }
    c.bold(10, 20, cappedTitle, Style.TITLE_SIZE, START, Style.INK);
    if (legend) {
      double x = 10;
      List<String> names = legendNames(b);
      for (int k = 0; k < names.size(); k++) {
        c.rect(x, 35, 11, 11, k < s ? Style.series(k) : Bars.GAP_COLOUR);
        c.text(x + 15, 45, names.get(k), Style.LABEL_SIZE, START, Style.INK);
        x += 15 + Style.width(names.get(k), Style.LABEL_SIZE) + 16;
      }
    }
    return c;
  }

  /** Returns the legend's entries: each series, then the gap when drawn. */
  static List<String> legendNames(Bars b) {
    List<String> names = new java.util.ArrayList<>();
    for (Bars.Series series : b.series()) {
      names.add(Style.cap(series.name(), 32));
    }
    if (b.gap()) {
      names.add(gapName(b));
    }
    return names;
  }

  /** Returns the legend name of the gap, e.g. "gap: model to HLP". */
  static String gapName(Bars b) {
    return "gap: "
        + Style.cap(b.series().get(0).name(), 20)
        + " to "
        + Style.cap(b.series().get(1).name(), 20);
  }

  /**
   * Draws, on each category's first bar, a delta bar from the first series' value to the second's
   * (only where the second is higher: the room left to close).
   */
  private static void drawGaps(
      Canvas c,
      Bars b,
      int n,
      java.util.function.DoubleUnaryOperator px,
      double[] domain,
      double y0,
      double groupH,
      double barH) {
    for (int i = 0; i < n; i++) {
      double from = b.series().get(0).values().get(i);
      double to = b.series().get(1).values().get(i);
      if (Double.isNaN(from) || Double.isNaN(to) || to <= from) {
        continue;
      }
      double a = px.applyAsDouble(clamp(from, domain));
      double z = px.applyAsDouble(clamp(to, domain));
      c.rect(a, barY(y0, groupH, barH, i, 0), z - a, barH - 1, Bars.GAP_COLOUR);
    }
  }

  private static double barY(double y0, double groupH, double barH, int i, int k) {
    return y0 + i * groupH + 4 + k * barH;
  }

  private static double clamp(double v, double[] domain) {
    return Math.max(domain[0], Math.min(domain[1], v));
  }

  /** Returns [min, max] of the value axis: the axis's own bounds, else zero and a round maximum. */
  static double[] domain(Bars b, int n) {
    double lo = 0;
    double hi = 0;
    for (Bars.Series s : b.series()) {
      for (int i = 0; i < n; i++) {
        for (double v :
            new double[] {
              s.values().get(i),
              s.hasIntervals() ? s.lower().get(i) : Double.NaN,
              s.hasIntervals() ? s.upper().get(i) : Double.NaN
            }) {
          if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    double min = Double.isNaN(b.axis().min()) ? (lo < 0 ? -Style.niceMax(-lo) : 0) : b.axis().min();
    double max = Double.isNaN(b.axis().max()) ? Style.niceMax(hi) : b.axis().max();
    return new double[] {min, max > min ? max : min + 1};
  }
}
