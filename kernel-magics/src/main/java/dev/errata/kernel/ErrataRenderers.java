package dev.errata.kernel;

import dev.errata.baseline.Baselines;
import dev.errata.load.Predictions;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.render.View;
import dev.errata.tags.ErrorSheet;
import dev.errata.tags.GapChartData;
import dev.errata.tags.TagPivot;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import tech.tablesaw.api.Table;

/** Registers an HTML view (with a text/plain fallback) for each Errata result type. */
public final class ErrataRenderers {

  /** The types rendered through {@link View}; each registered once per kernel. */
  static final List<Class<?>> TYPES =
      List.of(
          Table.class,
          Predictions.class,
          PredictionsSummary.class,
          ConfusionMatrix.class,
          // slices, audits, run comparisons, augmentation checks, discovery (SliceMagics)
          dev.errata.slices.SliceReport.class,
          dev.errata.audit.AuditResult.class,
          dev.errata.compare.ModelComparison.class,
          dev.errata.compare.AugmentationCheck.class,
          dev.errata.slices.DiscoveryReport.class,
          // tags and baselines (TagMagics)
          TagReport.class,
          GapChartData.class,
          TagPivot.class,
          ErrorSheet.class,
          Tags.class,
          Baselines.class,
          // experiment log (RunMagics)
          RunRecord.class,
          RunComparison.class);

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
