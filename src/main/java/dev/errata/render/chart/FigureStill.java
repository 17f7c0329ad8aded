package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Translates a jsplot figure's traces (as read by {@link JsLiteral}) into one of Errata's static
 * charts: bar traces into bars (one series per trace), line-mode scatter traces into lines, a
 * heatmap trace into a heatmap coloured by value. The kind of the first trace that has a static
 * form wins; every other trace is named in a note.
 *
 * @param chart the static chart, or null when no trace has a static form
 * @param notes one sentence per trace left out
 */
record FigureStill(Chart chart, List<String> notes) {

  static FigureStill of(
      String title, List<Map<String, Object>> traces, Map<String, Object> layout) {
    String kind = null;
    List<String> notes = new ArrayList<>();
    List<Integer> chosen = new ArrayList<>();
    for (int k = 0; k < traces.size(); k++) {
      Map<String, Object> t = traces.get(k);
      String type = t.get("type") instanceof String s ? s : "scatter";
      String own = staticKind(t, type);
      if (own == null) {
        notes.add(
            name(t, k)
                + " ("
                + type
                + (type.equals("scatter") ? ", points only" : "")
                + ") has no static form: it shows only in the interactive chart, where scripts"
                + " run.");
      } else if (kind == null || (kind.equals(own) && !own.equals("heatmap"))) {
        kind = own;
        chosen.add(k);
      } else {
        notes.add(
            name(t, k)
                + " ("
                + type
                + ") is left out of the static image, which draws only"
                + " the "
                + kind
                + " trace"
                + (kind.equals("heatmap") ? "" : "s")
                + ".");
      }
    }
    if (kind == null) {
      return new FigureStill(null, notes);
    }
    String xTitle = decode(FigureView.titleText(axis(layout, "xaxis")));
    String yTitle = decode(FigureView.titleText(axis(layout, "yaxis")));
    Plot plot =
        switch (kind) {
          case "bar" -> bars(traces, chosen, xTitle, yTitle);
          case "lines" -> lines(traces, chosen, xTitle, yTitle);
          default -> heatmap(traces.get(chosen.get(0)), layout, xTitle, yTitle);
        };
    String summary =
        (title.isEmpty() ? "jsplot figure" : title)
            + ": "
            + chosen.size()
            + " "
            + kind
            + " trace"
            + (chosen.size() == 1 ? "" : "s");
    return new FigureStill(new Chart(title, plot, summary), notes);
  }

  /** Returns "bar", "lines" or "heatmap", or null for a trace with no static form. */
  private static String staticKind(Map<String, Object> t, String type) {
    return switch (type) {
      case "bar" -> "bar";
      case "heatmap" -> "heatmap";
      case "scatter" -> {
        Object mode = t.get("mode");
        yield mode == null || String.valueOf(mode).contains("lines") ? "lines" : null;
      }
      default -> null;
    };
  }

  private static Bars bars(
      List<Map<String, Object>> traces, List<Integer> chosen, String xTitle, String yTitle) {
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    boolean horizontal = "h".equals(traces.get(chosen.get(0)).get("orientation"));
    for (int k : chosen) {
      categories.addAll(labels(list(traces.get(k), horizontal ? "y" : "x")));
    }
    List<String> cats = List.copyOf(categories);
    List<Bars.Series> series = new ArrayList<>();
    for (int k : chosen) {
      Map<String, Object> t = traces.get(k);
      boolean h = "h".equals(t.get("orientation"));
      List<String> at = labels(list(t, h ? "y" : "x"));
      List<Object> values = list(t, h ? "x" : "y");
      List<Double> v = new ArrayList<>();
      for (String c : cats) {
        int i = at.indexOf(c);
        v.add(i >= 0 && i < values.size() ? number(values.get(i)) : Double.NaN);
      }
      series.add(Bars.Series.of(seriesName(t, k), v));
    }
    return new Bars(cats, series, Axis.numbers(horizontal ? xTitle : yTitle), List.of());
  }

  private static Lines lines(
      List<Map<String, Object>> traces, List<Integer> chosen, String xTitle, String yTitle) {
    boolean numeric = true;
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    for (int k : chosen) {
      for (Object x : list(traces.get(k), "x")) {
        numeric &= !Double.isNaN(number(x));
      }
      categories.addAll(labels(list(traces.get(k), "x")));
    }
    List<String> cats = numeric ? List.of() : List.copyOf(categories);
    List<Lines.Curve> curves = new ArrayList<>();
    for (int k : chosen) {
      Map<String, Object> t = traces.get(k);
      List<Object> xs = list(t, "x");
      List<Object> ys = list(t, "y");
      int n = Math.min(xs.size(), ys.size());
      double[] x = new double[n];
      double[] y = new double[n];
      List<String> at = labels(xs);
      for (int i = 0; i < n; i++) {
        x[i] = numeric ? number(xs.get(i)) : cats.indexOf(at.get(i));
        y[i] = number(ys.get(i));
      }
      curves.add(Lines.Curve.of(seriesName(t, k), x, y));
    }
    return new Lines(curves, Axis.numbers(xTitle), Axis.numbers(yTitle), cats, false);
  }

  /**
   * Returns the heatmap with rows top to bottom as Plotly draws them: z's first row at the bottom
   * unless the y axis is reversed.
   */
  private static Heatmap heatmap(
      Map<String, Object> t, Map<String, Object> layout, String xTitle, String yTitle) {
    List<Object> z = list(t, "z");
    int rows = z.size();
    int cols = 0;
    for (Object r : z) {
      cols = Math.max(cols, r instanceof List<?> l ? l.size() : 0);
    }
    List<String> x = labels(list(t, "x"));
    List<String> y = labels(list(t, "y"));
    boolean reversed = "reversed".equals(axis(layout, "yaxis").get("autorange"));
    List<String> rowLabels = new ArrayList<>();
    double[][] values = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      int from = reversed ? r : rows - 1 - r;
      rowLabels.add(from < y.size() ? y.get(from) : Integer.toString(from));
      List<?> row = z.get(from) instanceof List<?> l ? l : List.of();
      for (int c = 0; c < cols; c++) {
        values[r][c] = c < row.size() ? number(row.get(c)) : Double.NaN;
      }
    }
    List<String> colLabels = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      colLabels.add(c < x.size() ? x.get(c) : Integer.toString(c));
    }
    return new Heatmap(
        rowLabels,
        colLabels,
        values,
        yTitle.isEmpty() ? "y" : yTitle,
        xTitle.isEmpty() ? "x" : xTitle,
        false);
  }

  private static Map<String, Object> axis(Map<String, Object> layout, String key) {
    @SuppressWarnings("unchecked")
    Map<String, Object> a =
        layout.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    return a;
  }

  private static List<Object> list(Map<String, Object> t, String key) {
    @SuppressWarnings("unchecked")
    List<Object> l = t.get(key) instanceof List<?> list ? (List<Object>) list : List.of();
    return l;
  }

  /** Returns labels as text: strings decoded from the Plotly escaping, numbers as written. */
  private static List<String> labels(List<Object> values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add(
          v instanceof Double d
              ? dev.errata.render.Numbers.format(d)
              : v == null ? "" : decode(String.valueOf(v)));
    }
    return out;
  }

  /** Returns a number, a numeric string's value, or NaN. */
  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Returns the trace's name as a legend shows it, or "trace N" (from 1) when it has none. */
  private static String seriesName(Map<String, Object> t, int k) {
    String n = t.get("name") instanceof String s ? decode(s) : "";
    return n.isEmpty() ? "trace " + (k + 1) : n;
  }

  /** Returns the trace as a note names it: {@code Trace "name"} or {@code Trace N}. */
  private static String name(Map<String, Object> t, int k) {
    String n = t.get("name") instanceof String s ? decode(s) : "";
    return n.isEmpty() ? "Trace " + (k + 1) : "Trace \"" + n + "\"";
  }

  /**
   * Returns text with the HTML entities that jsplot's templates and {@link PlotlySpec#text} write
   * ({@code &lt; &gt; &amp; &quot; &#39;} and numeric ones) turned back into characters.
   */
  static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int semi = s.indexOf(';', i);
      if (s.charAt(i) == '&' && semi > i && semi - i <= 10) {
        String e = s.substring(i + 1, semi);
        String c =
            switch (e) {
              case "lt" -> "<";
              case "gt" -> ">";
              case "amp" -> "&";
              case "quot" -> "\"";
              case "apos" -> "'";
              default -> codePoint(e);
            };
        if (c != null) {
          sb.append(c);
          i = semi + 1;
          continue;
        }
      }
      sb.append(s.charAt(i++));
    }
    return sb.toString();
  }

  private static String codePoint(String e) {
    try {
      if (e.startsWith("#x") || e.startsWith("#X")) {
        return Character.toString(Integer.parseInt(e.substring(2), 16));
      }
      if (e.startsWith("#")) {
        return Character.toString(Integer.parseInt(e.substring(1)));
      }
    } catch (IllegalArgumentException ex) {
      return null;
    }
    return null;
  }
}
