package dev.errata.render.chart;

import static dev.errata.render.chart.Canvas.Anchor.END;
import static dev.errata.render.chart.Canvas.Anchor.MIDDLE;
import static dev.errata.render.chart.Canvas.Anchor.START;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lays out a {@link Heatmap}: labelled grid of counts coloured by row share, and a colour bar. */
final class HeatmapLayout {

  /** Counts printed at most; beyond, only the largest are printed (all are coloured). */
  static final int MAX_COUNT_TEXTS = 240;

  /** Above this many rows or columns, zero counts are left blank. */
  static final int ZEROS_UP_TO = 12;

  private record Cell(double x, double y, double size, double share, double count, String text) {}

  private HeatmapLayout() {}

  static Canvas of(String title, Heatmap h) {
    int k = h.rows().size();
    int m = h.columns().size();
    double cell = Math.max(20, Math.min(40, Math.floor(560.0 / Math.max(1, Math.max(k, m)))));
    List<String> rowLabels = h.rows().stream().map(s -> Style.cap(s, Style.LABEL_CHARS)).toList();
    List<String> colLabels = h.columns().stream().map(s -> Style.cap(s, Style.LABEL_CHARS)).toList();
    double fs = Style.LABEL_SIZE;
    double rowLabelWidth = rowLabels.stream().mapToDouble(s -> Style.width(s, fs)).max().orElse(0);
    double colLabelWidth = colLabels.stream().mapToDouble(s -> Style.width(s, fs)).max().orElse(0);
    boolean rotate = colLabelWidth > cell - 2;
    String cappedTitle = Style.cap(title, Style.TITLE_CHARS);
    String subtitle = "rows: " + Style.cap(h.rowAxis(), 20) + " · columns: " + Style.cap(h.columnAxis(), 20)
        + (h.byRow() ? " · colour: share of the row" : " · colour: value");

    double x0 = Math.ceil(10 + 18 + rowLabelWidth + 6);
    double y0 = 50;
    double x1 = x0 + m * cell;
    double y1 = y0 + k * cell;
    double labelsBottom = y1 + 6 + (rotate ? colLabelWidth * 0.7072 + fs * 0.7 : fs + 2);
    int width =
        (int) Math.ceil(Math.max(Math.max(x1 + 16 + 10 + 44, 20 + Style.width(cappedTitle, Style.TITLE_SIZE)),
            20 + Style.width(subtitle, Style.SMALL_SIZE)));
    int height = (int) Math.ceil(labelsBottom + 26);
    Canvas c = new Canvas(width, height, title);

    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      for (int col = 0; col < m; col++) {
        double share = h.shade(r, col);
        double n = h.count(r, col);
        boolean blank = n == 0 && Math.max(k, m) > ZEROS_UP_TO;
        cells.add(new Cell(x0 + col * cell, y0 + r * cell, cell, share, n, blank ? "" : Style.compact(n)));
      }
    }
    // Same colours next to each other: the SVG writer merges each run into one path. The lightest
    // colour is the background's, so those cells need no shape at all.
    String empty = Style.blues(0);
    cells.stream()
        .filter(q -> !Double.isNaN(q.share()) && !Style.blues(q.share()).equals(empty))
        .sorted(Comparator.comparing((Cell q) -> Style.blues(q.share())))
        .forEach(q -> c.rect(q.x(), q.y(), q.size() - 1, q.size() - 1, Style.blues(q.share())));
    java.util.Set<Cell> printed =
        new java.util.HashSet<>(
            cells.stream()
                .filter(q -> !q.text().isEmpty())
                .sorted(Comparator.comparingDouble((Cell q) -> -q.count()))
                .limit(MAX_COUNT_TEXTS)
                .toList());

    // Counts keep the smallest readable size; one that does not fit its cell at that size is left
    // out of the image (its colour, the interactive chart and the table view still give it).
    double size = Style.MIN_TEXT_SIZE;
    for (boolean white : new boolean[] {false, true}) {
      for (int r = 0; r < k; r++) {
        List<String> texts = new ArrayList<>();
        List<Double> centres = new ArrayList<>();
        for (int col = 0; col < m; col++) {
          Cell q = cells.get(r * m + col);
          if (Style.dark(q.share()) == white && printed.contains(q)
              && Style.width(q.text(), size) <= cell - 1) {
            texts.add(q.text());
            centres.add(q.x() + (cell - 1) / 2);
          }
        }
        if (!texts.isEmpty()) {
          double y = Math.round(y0 + r * cell + (cell - 1) / 2 + size * 0.35);
          c.centred(y, centres.stream().mapToDouble(Double::doubleValue).toArray(), texts, size,
              white ? "#fff" : Style.INK);
        }
      }
    }

    for (int r = 0; r < k; r++) {
      c.text(x0 - 5, Math.round(y0 + r * cell + (cell - 1) / 2 + fs * 0.35), rowLabels.get(r), fs, END, Style.INK);
    }
    for (int col = 0; col < m; col++) {
      double cx = Math.round(x0 + col * cell + (cell - 1) / 2);
      if (rotate) {
        c.rotated(cx + fs * 0.3, y1 + 6, colLabels.get(col), fs, END, Style.INK, -45);
      } else {
        c.text(cx, y1 + 6 + fs, colLabels.get(col), fs, MIDDLE, Style.INK);
      }
    }

    c.bold(10, 20, cappedTitle, Style.TITLE_SIZE, START, Style.INK);
    c.text(10, 37, subtitle, Style.SMALL_SIZE, START, Style.MUTED);
    c.text((x0 + x1) / 2, labelsBottom + 16, Style.cap(h.columnAxis(), 40), Style.LABEL_SIZE, MIDDLE, Style.MUTED);
    c.rotated(22, (y0 + y1) / 2, Style.cap(h.rowAxis(), 40), Style.LABEL_SIZE, MIDDLE, Style.MUTED, -90);

    colourBar(c, x1 + 16, y0, Math.min(160, Math.max(60, y1 - y0)), barLabels(h));
    return c;
  }

  /** Returns the colour bar's top, middle and bottom labels. */
  private static String[] barLabels(Heatmap h) {
    if (h.byRow()) {
      return new String[] {"100 %", "50 %", "0 %"};
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : h.counts()) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      return new String[] {"", "", ""};
    }
    return new String[] {Style.compact(hi), Style.compact((lo + hi) / 2), Style.compact(lo)};
  }

  private static void colourBar(Canvas c, double x, double y, double height, String[] labels) {
    int steps = 10;
    double step = height / steps;
    for (int i = 0; i < steps; i++) {
      double share = 1 - (i + 0.5) / steps;
      c.rect(x, y + i * step, 10, step + 0.5, Style.blues(share));
    }
    c.line(x, y, x, y + height, Style.AXIS, 0.5);
    c.text(x + 13, y + 4, labels[0], Style.SMALL_SIZE, START, Style.MUTED)
        .text(x + 13, y + height / 2 + 3, labels[1], Style.SMALL_SIZE, START, Style.MUTED)
        .text(x + 13, y + height + 3, labels[2], Style.SMALL_SIZE, START, Style.MUTED);
  }

}
