package dev.errata.render;

import dev.errata.load.Predictions;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Pairs the HTML and plain-text views of one result; what a notebook shows for it. There is one
 * path: any {@link Presentable} result is drawn from its {@link Presentation} (tables with their
 * column kinds, notes, warnings, preformatted blocks); a plain Tablesaw table is a presentation of
 * one table whose columns read by their types.
 *
 * @param html an HTML fragment, every label escaped
 * @param text the same content as plain text
 */
public record View(String html, String text) {

  /**
   * The types {@link #of} renders, for a kernel to register: every presentable result, Tablesaw
   * tables, and loaded predictions (shown as their summary, which lives above the loading package).
   */
  public static final List<Class<?>> TYPES =
      List.of(Presentable.class, Table.class, Predictions.class);

  /** Returns the view of any Errata result or Tablesaw table, or empty for other objects. */
  public static Optional<View> of(Object value) {
    if (value instanceof Presentable p) {
      return Optional.of(of(p.present()));
    }
    if (value instanceof Table t) {
      return Optional.of(table(t));
    }
    if (value instanceof Predictions p) {
      return Optional.of(of(PredictionsSummary.of(p).present()));
    }
    return Optional.empty();
  }

  /** Returns the view of a presentation: its parts one after another. */
  public static View of(Presentation presentation) {
    StringBuilder html = new StringBuilder();
    StringBuilder text = new StringBuilder();
    List<Presentation.Part> parts = presentation.parts();
    for (int i = 0; i < parts.size(); i++) {
      Presentation.Part part = parts.get(i);
      if (part instanceof Section s) {
        html.append(HtmlTable.render(s));
        // A blank line between a table and a further table or block; its lines follow at once.
        text.append(HtmlTable.text(s));
        if (i + 1 < parts.size() && !(parts.get(i + 1) instanceof Presentation.Line)) {
          text.append('\n');
        }
      } else if (part instanceof Presentation.Line line) {
        boolean warning = line.tone() == Presentation.Tone.WARNING;
        html.append(
                switch (line.tone()) {
                  case WARNING -> "<p style=\"color:#a15c00\">⚠ ";
                  case NOTE -> "<p style=\"color:#666\">";
                  case PLAIN -> "<p style=\"margin:.3em 0\">";
                })
            .append(Html.escape(line.text()))
            .append("</p>");
        text.append(warning ? "Warning: " : "").append(line.text()).append('\n');
      } else if (part instanceof Presentation.Block block) {
        html.append("<p style=\"margin:.4em 0 .2em\">")
            .append(Html.escape(block.heading()))
            .append("</p><pre style=\"margin:0 0 .4em;white-space:pre-wrap\">")
            .append(Html.escape(block.text()))
            .append("</pre>");
        text.append(block.heading()).append('\n').append(block.text()).append('\n');
      }
    }
    return new View(html.toString(), text.toString());
  }

  /** Returns the view of a table, each column read by its type. */
  public static View table(Table t) {
    return of(Section.of(t).present());
  }
}
