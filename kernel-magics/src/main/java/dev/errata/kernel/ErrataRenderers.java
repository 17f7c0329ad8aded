package dev.errata.kernel;

import dev.errata.render.View;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.ChartOutput;
import dev.errata.render.chart.FigureView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * Registers an HTML view (with a text/plain fallback) for each Errata result type, and the chart
 * bundle (HTML, PNG, text) for {@link Chart}.
 */
public final class ErrataRenderers {

  /** The types rendered through {@link View}; each registered once per kernel. */
  static final List<Class<?>> TYPES = View.TYPES;

  private ErrataRenderers() {}

  /** Plotly's own output type, which VS Code prefers when present. */
  static final MIMEType PLOTLY = new MIMEType("application", "vnd", "plotly.v1", "json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Registers every type on {@code renderer}. Call once per renderer: registrations accumulate. */
  public static void registerInto(Renderer renderer) {
    registerInto(renderer, new ChartSettings());
  }

  /** Registers every type, charts following {@code charts}. Call once per renderer. */
  static void registerInto(Renderer renderer, ChartSettings charts) {
    for (Class<?> type : TYPES) {
      register(renderer, type);
    }
    registerChart(renderer, charts);
    registerFigure(renderer, charts);
  }

  /**
   * Registers tablesaw-jsplot's {@link Figure}: the same bundle as a chart (static image where
   * its traces have one, notes for those that do not, interactive upgrade with this kernel's
   * plotly.js), instead of the {@code Figure@…} that its missing {@code toString} prints.
   */
  private static void registerFigure(Renderer renderer, ChartSettings settings) {
    renderer
        .createRegistration(Figure.class)
        .preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(
            (figure, ctx) -> {
              ChartOutput out = figureOutput(figure, settings);
              ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> out.html());
              if (out.hasPng()) {
                ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> out.pngBase64());
              }
              ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> out.text());
            });
  }

  /** Returns the figure's output, or one that says why jsplot's output could not be read. */
  static ChartOutput figureOutput(Figure figure, ChartSettings settings) {
    try {
      return FigureView.of(figure).output(settings.plotlyJs());
    } catch (IllegalArgumentException e) {
      String text = "jsplot figure not shown: " + e.getMessage();
      return new ChartOutput(
          "<p class=\"errata-note\">" + dev.errata.render.Html.escape(text) + "</p>", "", text, 0);
    }
  }

  /**
   * Registers {@link Chart}: one bundle of {@code text/html} (static SVG, upgraded to Plotly where
   * scripts run), {@code image/png} and {@code text/plain}; plus Plotly's JSON type when switched
   * on with {@code %charts --plotly-mime on}.
   */
  private static void registerChart(Renderer renderer, ChartSettings settings) {
    renderer
        .createRegistration(Chart.class)
        .preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG)
        .supporting(MIMEType.TEXT_PLAIN, PLOTLY)
        .register(
            (chart, ctx) -> {
              ChartOutput out = chart.output(settings.plotlyJs());
              ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> out.html());
              if (out.hasPng()) {
                ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> out.pngBase64());
              }
              ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> out.text());
              if (settings.plotlyMime()) {
                ctx.getOutputContainer().putData(PLOTLY, figure(chart));
              }
            });
  }

  /** Returns the Plotly figure as maps and lists, which the kernel writes as a JSON object. */
  static Map<String, Object> figure(Chart chart) {
    try {
      return JSON.readValue(chart.plotlyFigureJson(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Chart \"" + chart.title() + "\" wrote invalid JSON", e);
    }
  }

  private static <T> void register(Renderer renderer, Class<T> type) {
    renderer
        .createRegistration(type)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(
            (value, ctx) -> {
              View view = View.of(value).orElseThrow();
              ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> view.html());
              ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> view.text());
            });
  }
}
