package dev.errata.kernel;

import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.render.MetricsViews;
import dev.errata.render.View;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/** Registers an HTML view (with a text/plain fallback) for each Errata result type. */
public final class ErrataRenderers {

  /** The types rendered through {@link View}; each registered once per kernel. */
  static final List<Class<?>> TYPES =
      Stream.concat(
              Stream.<Class<?>>of(
                  Table.class, Predictions.class, PredictionsSummary.class, ConfusionMatrix.class),
              MetricsViews.TYPES.stream())
          .toList();

  private ErrataRenderers() {}

  /** Registers every type on {@code renderer}. Call once per renderer: registrations accumulate. */
  public static void registerInto(Renderer renderer) {
    for (Class<?> type : TYPES) {
      register(renderer, type);
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
