package dev.errata.render.chart;

import dev.errata.render.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Shows a tablesaw-jsplot {@link Figure} the way Errata shows its own charts: the figure's traces
 * and layout, read from jsplot's JavaScript (never run), become a Plotly figure for plotly.js 3
 * (string titles turned into {@code {text: …}}, NaN written as null, labels escaped), drawn by the
 * same guarded loader as Errata's charts where scripts run; and the traces Errata's static charts
 * can draw (bars, lines, one heatmap) become a static image, with a note naming each trace left out
 * of it.
 *
 * @param title the figure's title, as text
 * @param figureJson the Plotly figure ({@code data}, {@code layout}, {@code config}), script-safe
 * @param still the static chart, or null when no trace has a static form
 * @param notes what the static image leaves out, one sentence each
 */
public record FigureView(String title, String figureJson, Chart still, List<String> notes) {

  public FigureView {
    notes = List.copyOf(notes);
  }

  /** Reads {@code figure}; throws IllegalArgumentException when jsplot's output is unreadable. */
  public static FigureView of(Figure figure) {
    Trace[] traces = figure.getTraces() == null ? new Trace[0] : figure.getTraces();
    List<Map<String, Object>> data = new ArrayList<>();
    for (int k = 0; k < traces.length; k++) {
      data.add(trace(JsLiteral.firstObject(traces[k].asJavascript(k))));
    }
    Map<String, Object> layout =
        figure.getLayout() == null
            ? new LinkedHashMap<>()
            : JsLiteral.firstObject(figure.getLayout().asJavascript());
    titled(layout);
    for (String key : List.copyOf(layout.keySet())) {
      if (key.matches("[xyz]axis\\d*") && layout.get(key) instanceof Map<?, ?> axis) {
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) axis;
        titled(a);
      }
    }
    Map<String, Object> config =
        figure.getConfig() == null
            ? new LinkedHashMap<>()
            : JsLiteral.firstObject(figure.getConfig().asJavascript());
    config.putIfAbsent("displaylogo", false);
    Map<String, Object> plotly = new LinkedHashMap<>();
    plotly.put("data", data);
    plotly.put("layout", layout);
    plotly.put("config", config);
    String title = FigureStill.decode(titleText(layout));
    FigureStill still = FigureStill.of(title, data, layout);
    return new FigureView(title, Json.write(plotly), still.chart(), still.notes());
  }

  /** Returns the notebook output: HTML (static image, notes, interactive upgrade), PNG, text. */
  public ChartOutput output(PlotlyJs js) {
    String id = Chart.id(figureJson);
    StringBuilder staticPart = new StringBuilder();
    String png = "";
    if (still != null) {
      Canvas canvas = still.canvas();
      png = java.util.Base64.getEncoder().encodeToString(PngWriter.write(canvas));
      staticPart.append(
          ChartHtml.image(SvgWriter.write(canvas), png, canvas.width, canvas.height, text()));
    }
    for (String note : notes) {
      staticPart
          .append("<p class=\"errata-note\" style=\"margin:2px 0;color:#555\">")
          .append(Html.escape(note))
          .append("</p>");
    }
    String html = ChartHtml.wrap(id, staticPart.toString(), figureJson, js);
    return new ChartOutput(html, png, text(), still == null ? 0 : 1);
  }

  /** Returns a one-line summary: the title and the traces by type. */
  public String text() {
    String t = title.isEmpty() ? "jsplot figure" : title;
    return t
        + (notes.isEmpty()
            ? ""
            : " ("
                + notes.size()
                + " trace"
                + (notes.size() == 1 ? "" : "s")
                + " only in the interactive chart)");
  }

  /** Returns the trace with a plotly.js 3 title and opacity, its labels escaped for Plotly. */
  private static Map<String, Object> trace(Map<String, Object> t) {
    for (String key : List.of("x", "y", "text", "labels")) {
      if (t.get(key) instanceof List<?> list) {
        List<Object> safe = new ArrayList<>();
        for (Object v : list) {
          safe.add(v instanceof String s ? PlotlySpec.text(s) : v);
        }
        t.put(key, safe);
      }
    }
    if (t.get("name") instanceof String s) {
      t.put("name", PlotlySpec.text(FigureStill.decode(s)));
    }
    if (t.get("opacity") instanceof String s) {
      try {
        t.put("opacity", Double.valueOf(s));
      } catch (NumberFormatException e) {
        t.remove("opacity");
      }
    }
    return t;
  }

  /** Turns a string {@code title} (and {@code titlefont}) into plotly.js 3's title object. */
  private static void titled(Map<String, Object> m) {
    Object font = m.remove("titlefont");
    if (m.get("title") instanceof String s) {
      Map<String, Object> title = new LinkedHashMap<>();
      title.put("text", PlotlySpec.text(FigureStill.decode(s)));
      if (font != null) {
        title.put("font", font);
      }
      m.put("title", title);
    }
  }

  /** Returns the text of a layout's or an axis's title (Pebble-escaped as jsplot writes it). */
  static String titleText(Map<String, Object> m) {
    return m != null && m.get("title") instanceof Map<?, ?> t && t.get("text") instanceof String s
        ? s
        : "";
  }
}
