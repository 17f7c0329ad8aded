package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Plotly figure ({@code data}, {@code layout}, {@code config}) of a chart, for
 * plotly.js 2 and later: titles are objects ({@code {"text": …}}), not the strings plotly.js 3
 * dropped. Category axes are typed as categories (labels such as "1" stay labels), ticks show
 * labels cut to the same length as the static image, and every text is HTML-escaped because
 * Plotly reads {@code <b>}, {@code <a href>} and entities in labels.
 */
final class PlotlySpec {

  private PlotlySpec() {}

  /** Returns the figure as ordered maps and lists, ready for {@link Json#write}. */
  static Map<String, Object> of(Chart chart, Canvas canvas) {
    return of(chart, canvas, false);
  }

  /**
   * Returns the figure; when {@code compact}, a heatmap leaves out its colour values {@code z},
   * which the HTML output's script derives from the counts ({@code errataRowShare}).
   */
  static Map<String, Object> of(Chart chart, Canvas canvas, boolean compact) {
    Map<String, Object> layout = map(
        "title", map("text", text(Style.cap(chart.title(), Style.TITLE_CHARS)), "x", 0.01,
            "xanchor", "left", "font", map("size", Style.TITLE_SIZE)),
        "width", Math.max(canvas.width, 480),
        "height", Math.max(canvas.height, 300),
        "font", map("family", SvgWriter.FONT, "size", Style.LABEL_SIZE),
        "paper_bgcolor", "#fff",
        "plot_bgcolor", "#fff");
    List<Object> data = new ArrayList<>();
    Plot plot = chart.plot();
    if (plot instanceof Heatmap h) {
      heatmap(h, data, layout, compact);
    } else if (plot instanceof Bars b) {
      bars(b, data, layout);
    } else if (plot instanceof Lines l) {
      lines(l, data, layout);
    } else if (plot instanceof Parallel p) {
      ParallelSpec.add(p, data, layout);
    }
    return map("data", data, "layout", layout, "config", map("displaylogo", false, "responsive", false));
  }

  private static void heatmap(Heatmap h, List<Object> data, Map<String, Object> layout, boolean compact) {
    List<String> rows = labels(h.rows());
    List<String> cols = labels(h.columns());
    List<Object> z = new ArrayList<>();
    List<Object> text = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      double[] zr = new double[cols.size()];
      List<Object> tr = new ArrayList<>();
      for (int c = 0; c < cols.size(); c++) {
        zr[c] = Math.round(h.rate(r, c) * 100) / 100.0;
        boolean blank = h.count(r, c) == 0 && Math.max(rows.size(), cols.size()) > HeatmapLayout.ZEROS_UP_TO;
        tr.add(blank ? "" : (Object) h.count(r, c));
      }
      z.add(zr);
      text.add(tr);
    }
    Map<String, Object> trace = map("type", "heatmap", "x", cols, "y", rows);
    if (compact) {
      trace.put("errataRowShare", true);
    } else {
      trace.put("z", z);
    }
    trace.putAll(map(
        "text", text, "texttemplate", "%{text:.3~s}",
        "zmin", 0, "zmax", 1, "colorscale", Style.bluesScale(),
        "colorbar", map("title", map("text", "share of row"), "tickformat", ".0%", "thickness", 10),
        "hovertemplate", text(h.rowAxis()) + " %{y}<br>" + text(h.columnAxis())
            + " %{x}<br>count %{text:,}<br>share of row %{z:.1%}<extra></extra>"));
    data.add(trace);
    layout.put("xaxis", categoryAxis(h.columnAxis(), cols, false));
    Map<String, Object> y = categoryAxis(h.rowAxis(), rows, false);
    y.put("autorange", "reversed");
    layout.put("yaxis", y);
    layout.put("margin", map("t", 60, "l", 10, "r", 10, "b", 10));
  }

  private static void bars(Bars b, List<Object> data, Map<String, Object> layout) {
    int n = Math.min(b.categories().size(), BarsLayout.MAX_CATEGORIES);
    List<String> cats = labels(b.categories().subList(0, n));
    for (int k = 0; k < b.series().size(); k++) {
      Bars.Series s = b.series().get(k);
      double[] x = new double[n];
      double[] plus = new double[n];
      double[] minus = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = s.values().get(i);
        if (s.hasIntervals()) {
          plus[i] = s.upper().get(i) - x[i];
          minus[i] = x[i] - s.lower().get(i);
        }
      }
      Map<String, Object> trace = map(
          "type", "bar", "orientation", "h", "name", text(Style.cap(s.name(), 32)),
          "y", cats, "x", x, "marker", map("color", Style.series(k)),
          "hovertemplate", "%{y}: %{x" + (b.axis().percent() ? ":.1%" : "") + "}<extra>"
              + text(Style.cap(s.name(), 32)) + "</extra>");
      if (s.hasIntervals()) {
        trace.put("error_x", map("type", "data", "symmetric", false, "array", plus,
            "arrayminus", minus, "color", Style.INK, "thickness", 1, "width", 3));
      }
      if (b.gap()) {
        trace.put("offsetgroup", Integer.toString(k));
      }
      data.add(trace);
    }
    if (b.gap()) {
      data.add(gapTrace(b, n, cats));
    }
    double[] domain = BarsLayout.domain(b, n);
    Map<String, Object> x = valueAxis(b.axis(), domain);
    layout.put("xaxis", x);
    Map<String, Object> y = categoryAxis("", cats, true);
    y.put("autorange", "reversed");
    layout.put("yaxis", y);
    layout.put("barmode", "group");
    layout.put("showlegend", b.series().size() > 1);
    layout.put("legend", map("orientation", "h", "y", 1.02, "yanchor", "bottom", "x", 0));
    int right = 20;
    if (!b.notes().isEmpty()) {
      List<Object> notes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String note = Style.cap(b.notes().get(i), Style.NOTE_CHARS);
        right = (int) Math.max(right, Style.width(note, Style.SMALL_SIZE) + 70);
        notes.add(map("xref", "paper", "x", 1, "xanchor", "left", "xshift", 58, "y", cats.get(i),
            "text", text(note), "showarrow", false, "font", map("size", Style.SMALL_SIZE, "color", Style.MUTED)));
      }
      layout.put("annotations", notes);
    }
    layout.put("margin", map("t", b.series().size() > 1 ? 70 : 45, "r", right, "b", 50));
  }

  /**
   * Returns the gap as bars on the first series' slot, starting at its value ({@code base}) and
   * as long as the rise to the second series; none where the second is not higher.
   */
  private static Map<String, Object> gapTrace(Bars b, int n, List<String> cats) {
    List<Object> base = new ArrayList<>();
    List<Object> length = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double from = b.series().get(0).values().get(i);
      double to = b.series().get(1).values().get(i);
      boolean shown = !Double.isNaN(from) && !Double.isNaN(to) && to > from;
      base.add(shown ? (Object) from : null);
      length.add(shown ? (Object) (to - from) : null);
    }
    String name = text(BarsLayout.gapName(b));
    return map(
        "type",
        "bar",
        "orientation",
        "h",
        "name",
        name,
        "y",
        cats,
        "x",
        length,
        "base",
        base,
        "offsetgroup",
        "0",
        "marker",
        map("color", Bars.GAP_COLOUR),
        "hovertemplate",
        "%{y}: gap %{x" + (b.axis().percent() ? ":.1%" : "") + "}<extra></extra>");
  }

  private static void lines(Lines l, List<Object> data, Map<String, Object> layout) {
    boolean categorical = !l.xCategories().isEmpty();
    List<String> cats = labels(l.xCategories());
    double[] xd = LinesLayout.domain(l, true);
    double[] yd = LinesLayout.domain(l, false);
    if (l.diagonal()) {
      double lo = Math.max(xd[0], yd[0]);
      double hi = Math.min(xd[1], yd[1]);
      data.add(map("type", "scatter", "mode", "lines", "x", new double[] {lo, hi}, "y", new double[] {lo, hi},
          "line", map("dash", "dash", "color", Style.AXIS, "width", 1), "showlegend", false, "hoverinfo", "skip"));
    }
    for (int k = 0; k < l.curves().size(); k++) {
      Lines.Curve c = l.curves().get(k);
      Map<String, Object> trace = map(
          "type", "scatter", "mode", categorical ? "lines+markers" : "lines",
          "name", text(Style.cap(c.name(), 32)),
          "x", categorical ? categoriesAt(c, cats) : c.x(), "y", c.y(),
          "line", map("color", Style.series(k), "width", 2));
      if (c.hasIntervals()) {
        double[] plus = new double[c.size()];
        double[] minus = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
          plus[i] = c.upperAt(i) - c.yAt(i);
          minus[i] = c.yAt(i) - c.lowerAt(i);
        }
        trace.put("error_y", map("type", "data", "symmetric", false, "array", plus,
            "arrayminus", minus, "thickness", 1, "width", 3));
      }
      data.add(trace);
    }
    for (Lines.Level level : l.levels()) {
      data.add(
          map(
              "type",
              "scatter",
              "mode",
              "lines",
              "name",
              text(Style.cap(level.label(), 40)),
              "x",
              categorical ? List.of(cats.get(0), cats.get(cats.size() - 1)) : List.of(xd[0], xd[1]),
              "y",
              List.of(level.y(), level.y()),
              "line",
              map("dash", "dash", "color", Style.MUTED, "width", 1),
              "hoverinfo",
              "name"));
    }
    for (Lines.Mark mark : l.marks()) {
      data.add(
          map(
              "type",
              "scatter",
              "mode",
              "markers+text",
              "name",
              text(Style.cap(mark.label(), 40)),
              "x",
              List.of(mark.x()),
              "y",
              List.of(mark.y()),
              "text",
              List.of(text(Style.cap(mark.label(), 40))),
              "textposition",
              "top left",
              "showlegend",
              false,
              "marker",
              map("size", 12, "color", "#fff", "line", map("color", Style.INK, "width", 2.5))));
    }
    layout.put("xaxis", categorical ? categoryAxis(l.x().title(), cats, false) : valueAxis(l.x(), xd));
    layout.put("yaxis", valueAxis(l.y(), yd));
    layout.put("legend", map("x", 1.02, "y", 1, "xanchor", "left"));
    int bottom = 60 + (int) LinesLayout.NOTE_LINE * l.notes().size();
    layout.put("margin", map("t", 40, "l", 70, "b", bottom));
    if (!l.notes().isEmpty()) {
      List<Object> notes = new ArrayList<>();
      for (int i = 0; i < l.notes().size(); i++) {
        notes.add(
            map(
                "xref",
                "paper",
                "yref",
                "paper",
                "x",
                0,
                "xanchor",
                "left",
                "y",
                0,
                "yanchor",
                "top",
                "yshift",
                -44 - LinesLayout.NOTE_LINE * i,
                "showarrow",
                false,
                "text",
                text(Style.cap(l.notes().get(i), 100)),
                "font",
                map("size", Style.SMALL_SIZE, "color", Style.MUTED)));
      }
      layout.put("annotations", notes);
    }
  }

  private static List<String> categoriesAt(Lines.Curve c, List<String> cats) {
    List<String> xs = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      int index = (int) Math.round(c.xAt(i));
      xs.add(index >= 0 && index < cats.size() ? cats.get(index) : null);
    }
    return xs;
  }

  private static Map<String, Object> categoryAxis(String title, List<String> labels, boolean empty) {
    Map<String, Object> axis = map("type", "category", "automargin", true);
    if (!empty && !title.isEmpty()) {
      axis.put("title", map("text", text(title)));
    }
    return axis;
  }

  private static Map<String, Object> valueAxis(Axis a, double[] domain) {
    Map<String, Object> axis = map("range", domain, "zeroline", false);
    if (a.percent()) {
      axis.put("tickformat", ".0%");
    }
    if (!a.title().isEmpty()) {
      axis.put("title", map("text", text(Style.cap(a.title(), 60))));
    }
    return axis;
  }

  /**
   * Returns labels cut as in the static image, escaped for Plotly, and made distinct (zero-width
   * spaces appended), so no two categories merge.
   */
  private static List<String> labels(List<String> raw) {
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String s : raw) {
      String t = text(Style.cap(s, Style.LABEL_CHARS));
      while (!seen.add(t)) {
        t = t + "\u200b";
      }
      out.add(t);
    }
    return out;
  }

  /**
   * Returns {@code s} as Plotly shows it literally: {@code &} and {@code <} as entities, so no
   * label reads as Plotly's tags ({@code <b>}, {@code <a href>}) or entities.
   */
  static String text(String s) {
    return dev.errata.internal.LabelText.xmlSafe(s == null ? "" : s).replace("&", "&amp;").replace("<", "&lt;");
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
