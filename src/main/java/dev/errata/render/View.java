package dev.errata.render;

import dev.errata.load.Predictions;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Pairs the HTML and plain-text views of one result; what a notebook shows for it.
 *
 * @param html an HTML fragment, every label escaped
 * @param text the same content as plain text
 */
public record View(String html, String text) {

  /** Returns the view of any Errata result or Tablesaw table, or empty for other objects. */
  public static Optional<View> of(Object value) {
    if (value instanceof Table t) {
      return Optional.of(table(t));
    }
    if (value instanceof ConfusionMatrix cm) {
      return Optional.of(table(cm.toTable()));
    }
    if (value instanceof PredictionsSummary s) {
      return Optional.of(summary(s));
    }
    if (value instanceof Predictions p) {
      return Optional.of(summary(PredictionsSummary.of(p)));
    }
    View analysis = AnalysisViews.of(value);
    if (analysis != null) {
      return Optional.of(analysis);
    }
    if (value instanceof RunRecord r) {
      return Optional.of(table(r.toTable()));
    }
    if (value instanceof RunComparison c) {
      View params = table(c.paramsTable());
      View deltas = table(c.toTable());
      return Optional.of(new View(params.html() + deltas.html(), params.text() + "\n" + deltas.text()));
    }
    Optional<View> metrics = MetricsViews.of(value);
    return metrics.isPresent() ? metrics : TagViews.of(value);
  }

  /** Returns the view of a table with the default row limit. */
  public static View table(Table t) {
    return new View(HtmlTable.render(t), HtmlTable.text(t, HtmlTable.DEFAULT_MAX_ROWS));
  }

  private static View summary(PredictionsSummary s) {
    return noted(table(s.toTable()), s.warnings());
  }

  /** Returns {@code view} followed by one warning line per note. */
  static View noted(View view, java.util.List<String> notes) {
    if (notes.isEmpty()) {
      return view;
    }
    StringBuilder html = new StringBuilder(view.html());
    StringBuilder text = new StringBuilder(view.text());
    for (String w : notes) {
      html.append("<p style=\"color:#a15c00\">⚠ ").append(Html.escape(w)).append("</p>");
      text.append("Warning: ").append(w).append('\n');
    }
    return new View(html.toString(), text.toString());
  }
}
