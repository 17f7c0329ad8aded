package dev.errata.kernel;

import dev.errata.internal.Command;
import dev.errata.render.Html;
import dev.errata.render.HtmlTable;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Help for Errata's magics or a tool, made from their {@link Command}s: lines before a table, the
 * table, lines after it. Shown whole in both forms: the text form wraps long cells instead of
 * cutting them, since a usage line cut at "…" is no help.
 *
 * @param before lines above the table (e.g. the usage line and what the command does)
 * @param after lines below the table (e.g. the example)
 */
public record Help(List<String> before, Table table, List<String> after) {

  /** Text cells of the plain-text form wrap at this many characters. */
  static final int WRAP = 60;

  public Help {
    before = List.copyOf(before);
    after = List.copyOf(after);
    table = table.copy();
  }

  /**
   * Returns the full help of {@code command}: its usage line and what it does, the table of its
   * arguments and options, and its example.
   */
  static Help of(Command command) {
    return new Help(
        List.of("usage: " + command.usage(), command.about()),
        command.optionsTable(),
        List.of("E.g. " + command.example()));
  }

  /** Returns a copy of the table. */
  public Table toTable() {
    return table.copy();
  }

  /** Returns the help as an HTML fragment, every text escaped. */
  public String html() {
    StringBuilder sb = new StringBuilder();
    for (String line : before) {
      sb.append(paragraph(line));
    }
    sb.append(HtmlTable.render(table, Math.max(1, table.rowCount())));
    for (String line : after) {
      sb.append(paragraph(line));
    }
    return sb.toString();
  }

  /** Returns the help as plain text, nothing cut. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (String line : before) {
      sb.append(line).append('\n');
    }
    if (!before.isEmpty()) {
      sb.append('\n');
    }
    sb.append(HtmlTable.fullText(table, WRAP));
    if (!after.isEmpty()) {
      sb.append('\n');
    }
    for (String line : after) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** A usage line or example (starting with the command) in code type, other lines as text. */
  private static String paragraph(String line) {
    String escaped = Html.escape(line);
    boolean code = line.startsWith("usage: ") || line.startsWith("E.g. ");
    if (code) {
      int space = escaped.indexOf(' ');
      escaped =
          escaped.substring(0, space + 1) + "<code>" + escaped.substring(space + 1) + "</code>";
    }
    // A cell magic's example has its body on further lines.
    return "<p style=\"margin:.3em 0\">" + escaped.replace("\n", "<br>") + "</p>";
  }

  @Override
  public String toString() {
    return text();
  }
}
