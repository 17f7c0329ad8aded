package dev.errata.render;

import dev.errata.load.Predictions;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Pairs the HTML and plain-text views of one result; what a notebook shows for it.
 *
 * @param html an HTML fragment, every label escaped
 * @param text the same content as plain text
 */
public record View(String html, String text) {

  /**
   * Every type {@link #of} renders: a kernel registers a renderer for each. Kept beside the
   * dispatch so that the two cannot drift apart.
   */
  public static final List<Class<?>> TYPES =
      java.util.stream.Stream.of(
              List.<Class<?>>of(
                  Table.class,
                  ConfusionMatrix.class,
                  PredictionsSummary.class,
                  Predictions.class,
                  RunRecord.class,
                  RunComparison.class),
              AnalysisViews.TYPES,
              MetricsViews.TYPES,
              TagViews.TYPES)
          .flatMap(List::stream)
          .toList();

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
      Table deltas = c.toTable();
      // Each row names a metric or a result-table column in "value"; its numbers read by that.
      TableFormat byRow =
          TableFormat.DEFAULT.byRow(
              "value",
              deltas.columns().stream()
                  .filter(col -> col instanceof tech.tablesaw.api.NumericColumn<?>)
                  .map(col -> col.name())
                  .toArray(String[]::new));
      View params = table(c.paramsTable());
      String changes = c.paramChanges();
      if (!changes.isEmpty()) {
        params = annotated(params, List.of(changes));
      }
      View tables = join(List.of(params, table(deltas, byRow)));
      return Optional.of(c.cellDiff().isEmpty() ? tables : join(List.of(tables, diff(c))));
    }
    Optional<View> metrics = MetricsViews.of(value);
    return metrics.isPresent() ? metrics : TagViews.of(value);
  }

  /** Returns the unified diff of two runs' cell sources: escaped, preformatted, headed. */
  private static View diff(RunComparison c) {
    String head = "The %%experiment cells differ:";
    String body = String.join("\n", c.cellDiff());
    return new View(
        "<p style=\"margin:.4em 0 .2em\">"
            + Html.escape(head)
            + "</p><pre style=\"margin:0 0 .4em;white-space:pre-wrap\">"
            + Html.escape(body)
            + "</pre>",
        head + "\n" + body + "\n");
  }

  /** Returns the view of a table with the default row limit. */
  public static View table(Table t) {
    return table(t, TableFormat.DEFAULT);
  }

  /** Returns the view of a table in {@code format}. */
  static View table(Table t, TableFormat format) {
    return new View(HtmlTable.render(t, format), HtmlTable.text(t, format));
  }

  private static View summary(PredictionsSummary s) {
    return noted(table(s.toTable()), s.warnings());
  }

  /** Returns {@code views} one after another; in text, each followed by a blank line. */
  static View join(List<View> views) {
    StringBuilder html = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (View v : views) {
      html.append(v.html());
      text.append(v.text()).append('\n');
    }
    return new View(html.toString(), text.toString());
  }

  /** Returns {@code view} followed by one warning line per note. */
  static View noted(View view, List<String> notes) {
    return followedBy(view, notes, "<p style=\"color:#a15c00\">⚠ ", "Warning: ");
  }

  /** Returns {@code view} followed by one plain (grey) line per note. */
  static View annotated(View view, List<String> notes) {
    return followedBy(view, notes, "<p style=\"color:#666\">", "");
  }

  private static View followedBy(View view, List<String> notes, String open, String textPrefix) {
    if (notes.isEmpty()) {
      return view;
    }
    StringBuilder html = new StringBuilder(view.html());
    StringBuilder text = new StringBuilder(view.text());
    for (String note : notes) {
      html.append(open).append(Html.escape(note)).append("</p>");
      text.append(textPrefix).append(note).append('\n');
    }
    return new View(html.toString(), text.toString());
  }
}
