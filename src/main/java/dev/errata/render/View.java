package dev.errata.render;

import dev.errata.load.Predictions;
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
    return MetricsViews.of(value);
  }

  /** Returns the view of a table with the default row limit. */
  public static View table(Table t) {
    return new View(HtmlTable.render(t), HtmlTable.text(t, HtmlTable.DEFAULT_MAX_ROWS));
  }

  private static View summary(PredictionsSummary s) {
    View table = table(s.toTable());
    if (s.warnings().isEmpty()) {
      return table;
    }
    StringBuilder html = new StringBuilder(table.html());
    StringBuilder text = new StringBuilder(table.text());
    for (String w : s.warnings()) {
      html.append("<p style=\"color:#a15c00\">⚠ ").append(Html.escape(w)).append("</p>");
      text.append("Warning: ").append(w).append('\n');
    }
    return new View(html.toString(), text.toString());
  }
}
