package dev.errata.render;

import dev.errata.internal.LabelText;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Renders a Tablesaw table as an HTML table, or as aligned text, following {@link TableFormat}:
 * a caption with its name and shape, a row limit with "… N more rows", rates as percentages,
 * intervals merged into their value's cell. Every cell, header and caption is escaped.
 *
 * <p>The HTML carries a small stylesheet scoped to {@code table.errata} for trusted viewers
 * (classic Notebook, JupyterLab, nbconvert); only alignment is inline, since sanitizers of
 * untrusted output remove {@code <style>} but keep (in JupyterLab) inline styles. What must hold
 * without any CSS is in the markup: numbers never wrap ({@code &nbsp;}), long words may
 * ({@code <wbr>}).
 */
public final class HtmlTable {

  /** Rows shown before the rest is summarised as "… N more rows". */
  public static final int DEFAULT_MAX_ROWS = TableFormat.DEFAULT.maxRows();

  /** Longest text cell in the plain-text view, in code points, before an ellipsis. */
  static final int TEXT_CELL_LIMIT = 40;

  static final String STYLE =
      "<style>table.errata{border-collapse:collapse;font-size:12px;"
          + "font-variant-numeric:tabular-nums;margin:.4em 0}"
          + "table.errata caption{caption-side:top;text-align:left;padding:0 0 .3em;"
          + "font-weight:600}"
          + "table.errata caption span{font-weight:400;opacity:.7}"
          + "table.errata th,table.errata td{padding:.2em .6em;text-align:right;"
          + "vertical-align:top;white-space:nowrap;"
          + "border-bottom:1px solid rgba(127,127,127,.25)}"
          + "table.errata th{border-bottom:1px solid rgba(127,127,127,.7)}"
          + "table.errata .t{text-align:left;white-space:normal;max-width:32em;"
          + "overflow-wrap:break-word}"
          + "table.errata tbody tr:nth-child(even){background:rgba(127,127,127,.07)}"
          + "table.errata td.more{text-align:left;opacity:.7}</style>";

  private static final String LEFT = " class=\"t\" style=\"text-align:left\"";

  private HtmlTable() {}

  /** Renders {@code table} with the default format. */
  public static String render(Table table) {
    return render(table, TableFormat.DEFAULT);
  }

  /** Renders {@code table}, showing at most {@code maxRows} rows. */
  public static String render(Table table, int maxRows) {
    return render(table, TableFormat.DEFAULT.withMaxRows(maxRows));
  }

  /** Renders {@code table} as an HTML fragment (stylesheet plus table) in {@code format}. */
  public static String render(Table table, TableFormat format) {
    List<DisplayColumns.Shown> columns = DisplayColumns.of(table, format);
    int rows = table.rowCount();
    int shown = Math.min(rows, format.maxRows());
    StringBuilder sb = new StringBuilder(1024 + 48 * shown * columns.size());
    sb.append(STYLE).append("<table class=\"errata\"><caption>");
    if (!table.name().isEmpty()) {
      sb.append("<bdi>").append(Html.escapeBreakable(table.name())).append("</bdi> ");
    }
    sb.append("<span>(").append(shape(table)).append(")</span></caption><thead><tr>");
    for (DisplayColumns.Shown c : columns) {
      sb.append("<th");
      if (!c.numeric()) {
        sb.append(LEFT);
      }
      if (c.note() != null) {
        sb.append(" title=\"").append(Html.escape(c.note())).append('"');
      }
      sb.append('>').append(Html.escapeBreakable(c.header())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < shown; r++) {
      sb.append("<tr>");
      for (DisplayColumns.Shown c : columns) {
        sb.append(c.numeric() ? "<td>" : "<td" + LEFT + ">")
            .append(c.numeric()
                ? Html.escape(c.cell().apply(r)).replace(" ", "&nbsp;")
                : Html.escapeBreakable(c.cell().apply(r)))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    if (rows > shown) {
      sb.append("<tr><td class=\"more\" style=\"text-align:left\" colspan=\"")
          .append(columns.size())
          .append("\">")
          .append(more(rows - shown))
          .append("</td></tr>");
    }
    return sb.append("</tbody></table>").toString();
  }

  /** Renders {@code table} as aligned plain text with the default format. */
  public static String text(Table table) {
    return text(table, TableFormat.DEFAULT);
  }

  /** Renders {@code table} as aligned plain text with at most {@code maxRows} rows. */
  public static String text(Table table, int maxRows) {
    return text(table, TableFormat.DEFAULT.withMaxRows(maxRows));
  }

  /**
   * Renders {@code table} as aligned plain text in {@code format}; long text cells are cut at
   * {@value #TEXT_CELL_LIMIT} characters with an ellipsis.
   */
  public static String text(Table table, TableFormat format) {
    List<DisplayColumns.Shown> columns = DisplayColumns.of(table, format);
    int rows = table.rowCount();
    int shown = Math.min(rows, format.maxRows());
    int cols = columns.size();
    String[][] cells = new String[shown + 1][cols];
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      DisplayColumns.Shown column = columns.get(c);
      cells[0][c] = plain(column.header());
      for (int r = 0; r < shown; r++) {
        cells[r + 1][c] = plain(column.cell().apply(r));
      }
      for (String[] row : cells) {
        width[c] = Math.max(width[c], LabelText.length(row[c]));
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!table.name().isEmpty()) {
      sb.append(LabelText.oneLine(table.name())).append(' ');
    }
    sb.append('(').append(shape(table)).append(")\n");
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String v = row[c];
        String pad = " ".repeat(width[c] - LabelText.length(v));
        line.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + v : v + pad);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    if (rows > shown) {
      sb.append(more(rows - shown)).append('\n');
    }
    return sb.toString();
  }

  private static String plain(String cell) {
    return LabelText.oneLine(LabelText.cap(cell, TEXT_CELL_LIMIT));
  }

  private static String shape(Table table) {
    int rows = table.rowCount();
    int cols = table.columnCount();
    return Numbers.count(rows)
        + (rows == 1 ? " row × " : " rows × ")
        + cols
        + (cols == 1 ? " column" : " columns");
  }

  private static String more(int n) {
    return "… " + Numbers.count(n) + (n == 1 ? " more row" : " more rows");
  }
}
