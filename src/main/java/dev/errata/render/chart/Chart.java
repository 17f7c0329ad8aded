package dev.errata.render.chart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chart as a value: a title, the data to draw and a one-line summary. It yields every form a
 * viewer may need: a deterministic static SVG, a PNG, the Plotly figure as JSON, and one HTML
 * fragment that shows the SVG everywhere and the interactive chart where scripts run.
 *
 * @param title the chart's title (any text: it is escaped wherever it lands)
 * @param plot the data
 * @param summary one line of plain text saying what the chart shows
 */
public record Chart(String title, Plot plot, String summary) {

  public Chart {
    title = title == null ? "" : title;
    summary = summary == null ? "" : summary;
    if (plot == null) {
      throw new IllegalArgumentException("Chart \"" + title + "\" has no data");
    }
  }

  /** Returns the static chart as a standalone SVG document (same chart, same bytes). */
  public String svg() {
    return SvgWriter.write(canvas());
  }

  /** Returns the static chart as PNG bytes, drawn with Java2D (no display needed). */
  public byte[] png() {
    return PngWriter.write(canvas());
  }

  /** Returns the PNG as base64, the form Jupyter's {@code image/png} output takes. */
  public String pngBase64() {
    return Base64.getEncoder().encodeToString(png());
  }

  /** Returns the Plotly figure ({@code data}, {@code layout}, {@code config}) as script-safe JSON. */
  public String plotlyJson() {
    return Json.write(PlotlySpec.of(this, canvas()));
  }

  /**
   * Returns the Plotly figure without {@code config}, the payload of the {@code
   * application/vnd.plotly.v1+json} output.
   */
  public String plotlyFigureJson() {
    Map<String, Object> figure = new LinkedHashMap<>(PlotlySpec.of(this, canvas()));
    figure.remove("config");
    return Json.write(figure);
  }

  /** Returns the HTML output, loading plotly.js (where scripts run) from the pinned CDN build. */
  public String html() {
    return html(PlotlyJs.CDN);
  }

  /** Returns the HTML output, loading plotly.js (where scripts run) from {@code js}. */
  public String html(PlotlyJs js) {
    return html(js, pngBase64(), true);
  }

  /** Returns the HTML output without the interactive part: the static image only. */
  public String staticHtml() {
    return staticHtml(pngBase64(), true);
  }

  /**
   * Returns the HTML output with {@code png} (base64, may be empty) as the static image and,
   * when {@code withSvg}, the SVG beside it for browsers that keep {@code srcset}.
   */
  String html(PlotlyJs js, String png, boolean withSvg) {
    Canvas canvas = canvas();
    String figure = Json.write(PlotlySpec.of(this, canvas, true));
    return ChartHtml.wrap(id(figure), image(canvas, png, withSvg), figure, js);
  }

  /** Returns the static-only HTML output with {@code png} as in {@link #html(PlotlyJs, String, boolean)}. */
  String staticHtml(String png, boolean withSvg) {
    Canvas canvas = canvas();
    String svg = SvgWriter.write(canvas);
    return ChartHtml.wrap(id(svg), image(canvas, png, withSvg), null, PlotlyJs.CDN);
  }

  private String image(Canvas canvas, String png, boolean withSvg) {
    String svg = SvgWriter.write(canvas);
    if (withSvg || png.isEmpty()) {
      return ChartHtml.image(svg, png, canvas.width, canvas.height, text());
    }
    return ChartHtml.png(png, canvas.width, canvas.height, text());
  }

  /** Returns the notebook output (HTML, PNG, text) within {@link ChartOutput#BUDGET}. */
  public ChartOutput output() {
    return ChartOutput.of(this, PlotlyJs.CDN);
  }

  /** Returns the notebook output, its script loading plotly.js from {@code js}. */
  public ChartOutput output(PlotlyJs js) {
    return ChartOutput.of(this, js);
  }

  /**
   * Returns the chart's data as a new table: counts per row and column (heatmap), values and
   * bounds per category (bars), one row per point (lines), or one row per line and a column per
   * dimension (parallel coordinates).
   */
  public tech.tablesaw.api.Table toTable() {
    return ChartTables.of(this);
  }

  /**
   * Returns the chart's data as a new tablesaw-jsplot figure (bars, lines or a heatmap of the
   * counts, with the titles), to restyle with jsplot's API and display like any figure.
   */
  public tech.tablesaw.plotly.components.Figure toFigure() {
    return ChartFigures.of(this);
  }

  /** Returns the one-line text summary, or the title when there is none. */
  public String text() {
    return summary.isEmpty() ? title : summary;
  }

  Canvas canvas() {
    if (plot instanceof Heatmap h) {
      return HeatmapLayout.of(title, h);
    }
    if (plot instanceof Bars b) {
      return BarsLayout.of(title, b);
    }
    if (plot instanceof Parallel p) {
      return ParallelLayout.of(title, p);
    }
    return LinesLayout.of(title, (Lines) plot);
  }

  /** Returns an id derived from the figure, so equal charts get equal ids and output is stable. */
  static String id(String figureJson) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(figureJson.getBytes(StandardCharsets.UTF_8));
      return "e" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
