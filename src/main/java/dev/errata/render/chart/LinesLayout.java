package dev.errata.render.chart;

import static dev.errata.render.chart.Canvas.Anchor.END;
import static dev.errata.render.chart.Canvas.Anchor.MIDDLE;
import static dev.errata.render.chart.Canvas.Anchor.START;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Lays out {@link Lines}: axes with ticks and grid, one polyline per curve, legend at the right. */
final class LinesLayout {

  /** Points closer than this many pixels to the last drawn one are skipped. */
  static final double MIN_STEP_PX = 1.5;

  /** Height of one line of notes under the chart. */
  static final double NOTE_LINE = 18;

  private LinesLayout() {}

  static Canvas of(String title, Lines l) {
    boolean categorical = !l.xCategories().isEmpty();
    boolean square = l.diagonal() || (l.x().percent() && l.y().percent() && !categorical);
    double pw = square ? 320 : 440;
    double ph = square ? 320 : 260;
    double[] xd = categorical ? new double[] {-0.5, l.xCategories().size() - 0.5} : domain(l, true);
    double[] yd = domain(l, false);
    List<String> xLabels =
        l.xCategories().stream().map(x -> Style.cap(x, 20)).toList();
    double slot = categorical ? pw / Math.max(1, xLabels.size()) : pw;
    double xLabelWidth =
        xLabels.stream().mapToDouble(x -> Style.width(x, Style.SMALL_SIZE)).max().orElse(0);
    boolean rotate = categorical && xLabelWidth > slot - 4;
    List<String> names = l.curves().stream().map(c -> Style.cap(c.name(), 32)).toList();
    double legendWidth =
        names.stream().mapToDouble(x -> 22 + Style.width(x, Style.LABEL_SIZE)).max().orElse(0);
    String cappedTitle = Style.cap(title, Style.TITLE_CHARS);

    double x0 = 70;
    double y0 = 40;
    double x1 = x0 + pw;
    double y1 = y0 + ph;
    double tickBottom = y1 + 6 + (rotate ? xLabelWidth * 0.574 + 8 : 12);
    List<String> notes = l.notes().stream().map(x -> Style.cap(x, 100)).toList();
    double notesWidth =
        notes.stream().mapToDouble(x -> 20 + Style.width(x, Style.SMALL_SIZE)).max().orElse(0);
    int width =
        (int)
            Math.ceil(
                Math.max(
                    Math.max(x1 + 16 + legendWidth + 10, notesWidth),
                    20 + Style.width(cappedTitle, Style.TITLE_SIZE)));
    int height = (int) Math.ceil(tickBottom + 28 + NOTE_LINE * notes.size());
    Canvas c = new Canvas(width, height, title);
    DoubleUnaryOperator px = v -> x0 + (v - xd[0]) / (xd[1] - xd[0]) * pw;
    DoubleUnaryOperator py = v -> y1 - (v - yd[0]) / (yd[1] - yd[0]) * ph;

    double[] yTicks = Style.ticks(yd[0], yd[1], 5);
    double[] xTicks = categorical ? indices(xLabels.size()) : Style.ticks(xd[0], xd[1], 5);
    for (double t : yTicks) {
      c.line(x0, py.applyAsDouble(t), x1, py.applyAsDouble(t), Style.GRID, 1);
    }
    for (double t : xTicks) {
      c.line(px.applyAsDouble(t), y0, px.applyAsDouble(t), y1, Style.GRID, 1);
    }
    c.line(x0, y1, x1, y1, Style.AXIS, 1).line(x0, y0, x0, y1, Style.AXIS, 1);
    if (l.diagonal()) {
      double lo = Math.max(xd[0], yd[0]);
      double hi = Math.min(xd[1], yd[1]);
      c.dashed(px.applyAsDouble(lo), py.applyAsDouble(lo), px.applyAsDouble(hi), py.applyAsDouble(hi), Style.AXIS, 1);
    }
    for (Lines.Level level : l.levels()) {
      if (Double.isFinite(level.y()) && level.y() >= yd[0] && level.y() <= yd[1]) {
        double y = py.applyAsDouble(level.y());
        c.dashed(x0, y, x1, y, Style.MUTED, 1);
        c.text(x1 - 4, y - 5, Style.cap(level.label(), 40), Style.SMALL_SIZE, END, Style.MUTED);
      }
    }
    for (int k = 0; k < l.curves().size(); k++) {
      Lines.Curve curve = l.curves().get(k);
      String colour = Style.series(k);
      if (curve.hasIntervals()) {
        for (int i = 0; i < curve.size(); i++) {
          double lo = curve.lowerAt(i);
          double hi = curve.upperAt(i);
          if (!Double.isNaN(lo) && !Double.isNaN(hi)) {
            double x = px.applyAsDouble(curve.xAt(i));
            c.line(x, py.applyAsDouble(clamp(lo, yd)), x, py.applyAsDouble(clamp(hi, yd)), colour, 1);
          }
        }
      }
      for (double[] run : runs(curve, px, py, yd)) {
        if (run.length >= 4) {
          c.polyline(run, colour, 2);
        }
      }
      if (categorical || curve.size() <= 1) {
        for (int i = 0; i < curve.size(); i++) {
          if (!Double.isNaN(curve.yAt(i))) {
            c.dot(px.applyAsDouble(curve.xAt(i)), py.applyAsDouble(clamp(curve.yAt(i), yd)), 3, colour);
          }
        }
      }
    }
    for (Lines.Mark mark : l.marks()) {
      if (Double.isFinite(mark.x()) && Double.isFinite(mark.y())) {
        double x = px.applyAsDouble(clamp(mark.x(), xd));
        double y = py.applyAsDouble(clamp(mark.y(), yd));
        c.dot(x, y, 6, Style.INK).dot(x, y, 3.5, "#fff");
        boolean left = x > (x0 + x1) / 2;
        c.text(
            left ? x - 9 : x + 9,
            y - 9,
            Style.cap(mark.label(), 40),
            Style.SMALL_SIZE,
            left ? END : START,
            Style.INK);
      }
    }
    for (double t : yTicks) {
      c.text(x0 - 6, py.applyAsDouble(t) + 3.5, Style.tick(t, l.y().percent()), Style.SMALL_SIZE, END, Style.MUTED);
    }
    for (int i = 0; i < xTicks.length; i++) {
      double x = px.applyAsDouble(xTicks[i]);
      if (rotate) {
        c.rotated(x + 3, y1 + 10, xLabels.get(i), Style.SMALL_SIZE, END, Style.INK, -35);
      } else {
        String label = categorical ? xLabels.get(i) : Style.tick(xTicks[i], l.x().percent());
        c.text(x, y1 + 15, label, Style.SMALL_SIZE, MIDDLE, categorical ? Style.INK : Style.MUTED);
      }
    }
    c.text((x0 + x1) / 2, tickBottom + 16, Style.cap(l.x().title(), 60), Style.LABEL_SIZE, MIDDLE, Style.MUTED);
    for (int i = 0; i < notes.size(); i++) {
      c.text(
          10,
          tickBottom + 18 + NOTE_LINE * (i + 1),
          notes.get(i),
          Style.SMALL_SIZE,
          START,
          Style.MUTED);
    }
    c.rotated(20, (y0 + y1) / 2, Style.cap(l.y().title(), 40), Style.LABEL_SIZE, MIDDLE, Style.MUTED, -90);
    c.bold(10, 20, cappedTitle, Style.TITLE_SIZE, START, Style.INK);
    for (int k = 0; k < names.size(); k++) {
      double y = y0 + 8 + k * 18;
      c.line(x1 + 16, y - 4, x1 + 30, y - 4, Style.series(k), 2);
      c.text(x1 + 34, y, names.get(k), Style.LABEL_SIZE, START, Style.INK);
    }
    return c;
  }

  /** Splits a curve at undefined points into runs of pixel coordinates, thinning close points. */
  private static List<double[]> runs(
      Lines.Curve curve, DoubleUnaryOperator px, DoubleUnaryOperator py, double[] yd) {
    List<double[]> runs = new ArrayList<>();
    List<Double> run = new ArrayList<>();
    double lastX = Double.NaN;
    double lastY = Double.NaN;
    for (int i = 0; i < curve.size(); i++) {
      double xv = curve.xAt(i);
      double yv = curve.yAt(i);
      if (Double.isNaN(xv) || Double.isNaN(yv)) {
        runs.add(toArray(run));
        run.clear();
        lastX = Double.NaN;
        continue;
      }
      double x = px.applyAsDouble(xv);
      double y = py.applyAsDouble(clamp(yv, yd));
      boolean last = i == curve.size() - 1 || Double.isNaN(curve.yAt(i + 1));
      if (Double.isNaN(lastX) || last || Math.hypot(x - lastX, y - lastY) >= MIN_STEP_PX) {
        run.add(x);
        run.add(y);
        lastX = x;
        lastY = y;
      }
    }
    runs.add(toArray(run));
    return runs;
  }

  private static double[] toArray(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] indices(int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
    }
    return t;
  }

  private static double clamp(double v, double[] d) {
    return Math.max(d[0], Math.min(d[1], v));
  }

  /** Returns [min, max] of an axis: its own bounds where set, else a round range over the data. */
  static double[] domain(Lines l, boolean xAxis) {
    Axis axis = xAxis ? l.x() : l.y();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Lines.Curve curve : l.curves()) {
      for (int i = 0; i < curve.size(); i++) {
        double[] vs =
            xAxis
                ? new double[] {curve.xAt(i)}
                : curve.hasIntervals()
                    ? new double[] {curve.yAt(i), curve.lowerAt(i), curve.upperAt(i)}
                    : new double[] {curve.yAt(i)};
        for (double v : vs) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    for (Lines.Mark m : l.marks()) {
      double v = xAxis ? m.x() : m.y();
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!xAxis) {
      for (Lines.Level level : l.levels()) {
        if (Double.isFinite(level.y())) {
          lo = Math.min(lo, level.y());
          hi = Math.max(hi, level.y());
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    double min = axis.min();
    double max = axis.max();
    double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.05, 0.5);
    if (Double.isNaN(min)) {
      min = lo - pad;
    }
    if (Double.isNaN(max)) {
      max = hi + pad;
    }
    return new double[] {min, max > min ? max : min + 1};
  }
}
