package dev.errata.render;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as an HTML table with a caption giving its name and shape, a row limit
 * with "… N more rows", numbers right-aligned and formatted with {@link Numbers}. Every cell,
 * header and caption is escaped.
 */
public final class HtmlTable {

  /** Rows shown before the rest is summarised as "… N more rows". */
  public static final int DEFAULT_MAX_ROWS = 50;

  private HtmlTable() {}

  /** Renders {@code table} with the default row limit. */
  public static String render(Table table) {
    return render(table, DEFAULT_MAX_ROWS);
  }

  /** Renders {@code table}, showing at most {@code maxRows} rows. */
  public static String render(Table table, int maxRows) {
    int rows = table.rowCount();
    int shown = Math.min(rows, maxRows);
    StringBuilder sb = new StringBuilder(256 + 64 * shown * table.columnCount());
    sb.append("<table class=\"errata\">");
    sb.append("<caption style=\"caption-side:top;text-align:left\">")
        .append(Html.escape(table.name()))
        .append(" <span style=\"color:#666\">(")
        .append(Numbers.count(rows))
        .append(rows == 1 ? " row × " : " rows × ")
        .append(table.columnCount())
        .append(table.columnCount() == 1 ? " column)" : " columns)")
        .append("</span></caption>");
    sb.append("<thead><tr>");
    for (Column<?> c : table.columns()) {
      sb.append("<th style=\"text-align:")
          .append(c instanceof NumericColumn<?> ? "right" : "left")
          .append("\">")
          .append(Html.escape(c.name()))
          .append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < shown; r++) {
      sb.append("<tr>");
      for (Column<?> c : table.columns()) {
        boolean numeric = c instanceof NumericColumn<?>;
        sb.append(numeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">");
        sb.append(Html.escape(cell(c, r)));
        sb.append("</td>");
      }
      sb.append("</tr>");
    }
    if (rows > shown) {
      sb.append("<tr><td colspan=\"")
          .append(table.columnCount())
          .append("\" style=\"text-align:left;color:#666\">… ")
          .append(Numbers.count(rows - shown))
          .append(rows - shown == 1 ? " more row" : " more rows")
          .append("</td></tr>");
    }
    sb.append("</tbody></table>");
    return sb.toString();
  }

  /** Renders {@code table} as aligned plain text with the same row limit. */
  public static String text(Table table, int maxRows) {
    int rows = table.rowCount();
    int shown = Math.min(rows, maxRows);
    int cols = table.columnCount();
    String[][] cells = new String[shown + 1][cols];
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      cells[0][c] = table.column(c).name();
      for (int r = 0; r < shown; r++) {
        cells[r + 1][c] = cell(table.column(c), r);
      }
      for (String[] row : cells) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(table.name())
        .append(" (")
        .append(Numbers.count(rows))
        .append(" rows × ")
        .append(cols)
        .append(" columns)\n");
    for (String[] row : cells) {
      for (int c = 0; c < cols; c++) {
        boolean numeric = table.column(c) instanceof NumericColumn<?>;
        String v = row[c];
        String pad = " ".repeat(width[c] - v.length());
        sb.append(c == 0 ? "" : "  ").append(numeric ? pad + v : v + pad);
      }
      sb.append('\n');
    }
    if (rows > shown) {
      sb.append("… ").append(Numbers.count(rows - shown)).append(" more rows\n");
    }
    return sb.toString();
  }

  private static String cell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return c instanceof NumericColumn<?> ? Numbers.UNDEFINED : "";
    }
    if (c instanceof NumericColumn<?> n) {
      return Numbers.format(n.getDouble(row));
    }
    return c.getString(row);
  }
}
