package dev.errata.render;

import dev.errata.internal.LabelText;
import dev.errata.present.Section;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Renders a table ({@link Section}: a Tablesaw table with its column kinds) as an HTML table, or as
 * aligned text: a caption with its name and shape, a row limit with "… N more rows", each column
 * read by its {@link dev.errata.present.ColumnKind} (proportions as percentages, p-values that never
 * read 0, ids as written), intervals merged into their value's cell, full values as the tooltips
 * of shortened cells in HTML (the text view shows the short form), number columns undefined in
 * every row left out with a note. Every cell, header, tooltip and caption is escaped.
 *
 * <p>The HTML carries a small stylesheet scoped to {@code table.errata} for trusted viewers
 * (classic Notebook, JupyterLab, nbconvert). Sanitizers of untrusted output remove {@code <style>}
 * but keep (in JupyterLab) inline styles of the kinds {@code text-align}, {@code white-space},
 * {@code max-width} and {@code overflow-x} (not {@code width:max-content}), so what a table needs to
 * read is inline: alignment, {@code white-space:nowrap} on headers and on text up to {@value
 * #LONG_TEXT} characters (no word of it breaks, however narrow the page), the width cap on longer
 * text, and the scrolling box. Numbers never wrap ({@code &nbsp;}), words longer than 30
 * characters may ({@code <wbr>}).
 *
 * <p>A table keeps its natural width ({@code width:max-content}, long text capped at 32em and
 * wrapped at spaces) and scrolls inside its own box when wider than the page, rather than
 * squeezing its columns until words break.
 */
public final class HtmlTable {

  /** Rows shown before the rest is summarised as "… N more rows". */
  public static final int DEFAULT_MAX_ROWS = 50;

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

  /** Text cells longer than this (in code points) carry their width cap inline. */
  static final int LONG_TEXT = 40;

  /**
   * The box around each table: it scrolls sideways when the table is wider than the page, so a
   * wide table keeps its columns at their natural width instead of squeezing them. Inline, since
   * sanitizers that keep inline styles remove the stylesheet.
   */
  private static final String SCROLL = "<div class=\"errata-scroll\" style=\"overflow-x:auto\">";

  private static final String TABLE = "<table class=\"errata\" style=\"width:max-content\">";
  private static final String LEFT = " class=\"t\" style=\"text-align:left;white-space:nowrap\"";
  private static final String LEFT_CAPPED = " class=\"t\" style=\"text-align:left;max-width:32em\"";

  private static final String NOWRAP = " style=\"white-space:nowrap\"";

  private HtmlTable() {}

  /** Renders {@code table}, each column read by its type, at most {@value #DEFAULT_MAX_ROWS} rows. */
  public static String render(Table table) {
    return render(Section.of(table), DEFAULT_MAX_ROWS);
  }

  /** Renders {@code table}, showing at most {@code maxRows} rows. */
  public static String render(Table table, int maxRows) {
    return render(Section.of(table), maxRows);
  }

  /** Renders {@code section}, showing at most {@value #DEFAULT_MAX_ROWS} rows. */
  public static String render(Section section) {
    return render(section, rowsShown(section));
  }

  /**
   * Renders {@code table} as an HTML fragment (stylesheet, then the table in a box that scrolls
   * sideways when the table is wider than the page), at most {@code maxRows} rows. Number columns
   * undefined in every row are left out and named in a note under the table.
   */
  public static String render(Section section, int maxRows) {
    checkRows(maxRows);
    Table table = section.table();
    DisplayColumns.Resolved resolved = DisplayColumns.of(section);
    List<DisplayColumns.Shown> columns = resolved.shown();
    int rows = table.rowCount();
    int shown = Math.min(rows, maxRows);
    StringBuilder sb = new StringBuilder(1024 + 48 * shown * columns.size());
    sb.append(STYLE).append(SCROLL).append(TABLE).append("<caption>");
    if (!table.name().isEmpty()) {
      // A caption wraps at the table's width: keep a number and its percent sign together.
      sb.append("<bdi>")
          .append(Html.escapeBreakable(table.name()).replace(" %", "&nbsp;%"))
          .append("</bdi> ");
    }
    sb.append("<span>(").append(shape(table)).append(")</span></caption><thead><tr>");
    for (DisplayColumns.Shown c : columns) {
      sb.append("<th").append(c.numeric() ? NOWRAP : left(c.header()));
      if (c.note() != null) {
        sb.append(" title=\"").append(Html.escape(c.note())).append('"');
      }
      sb.append('>').append(Html.escapeBreakable(c.header())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < shown; r++) {
      sb.append("<tr>");
      for (DisplayColumns.Shown c : columns) {
        String cell = c.cell().apply(r);
        if (c.numeric()) {
          sb.append("<td>").append(Html.escape(cell).replace(" ", "&nbsp;"));
        } else {
          sb.append("<td").append(left(cell));
          String title = c.title() == null ? "" : c.title().apply(r);
          if (!title.isEmpty() && !title.equals(cell)) {
            sb.append(" title=\"").append(Html.escape(title)).append('"');
          }
          sb.append('>').append(Html.escapeBreakable(cell));
        }
        sb.append("</td>");
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
    sb.append("</tbody></table></div>");
    if (!resolved.undefined().isEmpty()) {
      sb.append("<p style=\"color:#666;margin:0 0 .4em\">")
          .append(Html.escapeBreakable(undefinedNote(resolved.undefined())))
          .append("</p>");
    }
    return sb.toString();
  }

  /**
   * Returns the attributes of a text cell: left-aligned, kept on one line, or for long text its
   * width cap instead, inline, since a sanitizer that removes the stylesheet keeps inline styles
   * (JupyterLab).
   */
  private static String left(String text) {
    return text != null && LabelText.length(text) > LONG_TEXT ? LEFT_CAPPED : LEFT;
  }

  /** Returns the line that names the columns left out for being undefined in every row. */
  static String undefinedNote(List<String> names) {
    return "Not shown, undefined in every row: " + String.join(", ", names);
  }

  /** Renders {@code table} as aligned plain text, each column read by its type. */
  public static String text(Table table) {
    return text(Section.of(table), DEFAULT_MAX_ROWS);
  }

  /** Renders {@code table} as aligned plain text with at most {@code maxRows} rows. */
  public static String text(Table table, int maxRows) {
    return text(Section.of(table), maxRows);
  }

  /** Renders {@code section} as aligned plain text, at most {@value #DEFAULT_MAX_ROWS} rows. */
  public static String text(Section section) {
    return section.uncut()
        ? text(section, rowsShown(section), WRAP)
        : text(section, DEFAULT_MAX_ROWS, 0);
  }

  /** Text cells of a section shown whole wrap at this many characters in the text view. */
  public static final int WRAP = 60;

  /** Returns how many rows {@link #render(Section)} shows: all of a section shown whole. */
  private static int rowsShown(Section section) {
    return section.uncut() ? Math.max(1, section.table().rowCount()) : DEFAULT_MAX_ROWS;
  }

  /**
   * Renders {@code section} as aligned plain text, at most {@code maxRows} rows; long text cells
   * are cut at {@value #TEXT_CELL_LIMIT} characters with an ellipsis.
   */
  public static String text(Section section, int maxRows) {
    return text(section, maxRows, 0);
  }

  /**
   * Renders {@code table} as aligned plain text with every row and every cell whole: a text cell
   * longer than {@code wrapAt} characters wraps onto further lines of its column (at spaces, or
   * inside a word longer than that), for help and other text that must not be cut.
   */
  public static String fullText(Table table, int wrapAt) {
    if (wrapAt < 1) {
      throw new IllegalArgumentException("wrapAt must be at least 1, got " + wrapAt);
    }
    Section whole = Section.of(table).shownWhole();
    return text(whole, rowsShown(whole), wrapAt);
  }

  /** Renders as text; {@code wrapAt} 0 cuts long cells, else wraps them at that many characters. */
  private static String text(Section section, int maxRows, int wrapAt) {
    checkRows(maxRows);
    Table table = section.table();
    DisplayColumns.Resolved resolved = DisplayColumns.of(section);
    List<DisplayColumns.Shown> columns = resolved.shown();
    int rows = table.rowCount();
    int shown = Math.min(rows, maxRows);
    int cols = columns.size();
    List<List<List<String>>> cells = new java.util.ArrayList<>();
    for (int r = 0; r <= shown; r++) {
      cells.add(new java.util.ArrayList<>(java.util.Collections.nCopies(cols, List.<String>of())));
    }
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      DisplayColumns.Shown column = columns.get(c);
      cells.get(0).set(c, List.of(plain(column.header())));
      for (int r = 0; r < shown; r++) {
        String cell = column.cell().apply(r);
        cells.get(r + 1).set(c, wrapAt == 0 ? List.of(plain(cell)) : wrapped(cell, wrapAt));
      }
      for (List<List<String>> row : cells) {
        for (String line : row.get(c)) {
          width[c] = Math.max(width[c], LabelText.length(line));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!table.name().isEmpty()) {
      sb.append(LabelText.oneLine(table.name())).append(' ');
    }
    sb.append('(').append(shape(table)).append(")\n");
    for (List<List<String>> row : cells) {
      int height = row.stream().mapToInt(List::size).max().orElse(1);
      for (int l = 0; l < height; l++) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cols; c++) {
          List<String> cell = row.get(c);
          String v = l < cell.size() ? cell.get(l) : "";
          String pad = " ".repeat(width[c] - LabelText.length(v));
          line.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + v : v + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
      }
    }
    if (rows > shown) {
      sb.append(more(rows - shown)).append('\n');
    }
    if (!resolved.undefined().isEmpty()) {
      sb.append(LabelText.oneLine(undefinedNote(resolved.undefined()))).append('\n');
    }
    return sb.toString();
  }

  /** Returns {@code cell} on one line per at most {@code width} characters, broken at spaces. */
  static List<String> wrapped(String cell, int width) {
    String flat = LabelText.oneLine(cell);
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : flat.split(" ", -1)) {
      while (LabelText.length(word) > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        int end = word.offsetByCodePoints(0, width);
        lines.add(word.substring(0, end));
        word = word.substring(end);
      }
      if (line.length() > 0
          && LabelText.length(line.toString()) + 1 + LabelText.length(word) > width) {
        lines.add(line.toString());
        line.setLength(0);
      } else if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /**
   * Returns the cells of {@code section} as a reader sees them, every row: one text column per
   * shown column, headed as shown (intervals merged, bounds and full values folded in).
   */
  public static Table shown(Section section) {
    List<DisplayColumns.Shown> columns = DisplayColumns.of(section).shown();
    Table out = Table.create(section.table().name());
    for (DisplayColumns.Shown c : columns) {
      tech.tablesaw.api.StringColumn col = tech.tablesaw.api.StringColumn.create(c.header());
      for (int r = 0; r < section.table().rowCount(); r++) {
        col.append(c.cell().apply(r));
      }
      out.addColumns(col);
    }
    return out;
  }

  private static void checkRows(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
    }
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
