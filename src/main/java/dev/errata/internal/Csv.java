package dev.errata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes small CSV files cell for cell, as text: the tagging sheets and baseline tables
 * that people edit in a spreadsheet. Nothing is guessed or converted, so every cell a person typed
 * can be checked and reported by row and column.
 *
 * <p>RFC 4180 quoting; a byte-order mark is dropped; the separator is {@code ;} when the header has
 * semicolons and no commas (spreadsheets in many locales export that way), otherwise a comma.
 *
 * <p>Cells are written safe for a spreadsheet (see {@link #spreadsheetField}): one that a
 * spreadsheet would run as a formula gets a leading {@code '}, which reading takes off again, so a
 * sheet reads back exactly as it was written.
 *
 * @param file where the text came from, for messages
 * @param separator the field separator found in (or to use for) the file
 * @param header the column names
 * @param rows the data rows, each as long as the header (short rows are padded with "")
 */
public record Csv(String file, char separator, List<String> header, List<List<String>> rows) {

  /** A cell a spreadsheet would run: a formula character, after any quotes already there. */
  private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

  /** A cell that is entirely a number, which stays a number even with a sign. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  public Csv {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Reads {@code path}; throws naming the file when it is missing, empty or malformed. */
  public static Csv read(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          "No such file: " + path + " (looked in " + path.toAbsolutePath().getParent() + ")");
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
    return parse(path.toString(), text);
  }

  /** Parses CSV {@code text} that came from {@code file}. */
  public static Csv parse(String file, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int eol = text.indexOf('\n');
    String first = eol < 0 ? text : text.substring(0, eol);
    char sep = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    List<List<String>> records = records(file, text, sep);
    if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          file + " is empty; expected a header row naming the columns");
    }
    List<String> header = records.get(0).stream().map(h -> unescape(h.trim())).toList();
    List<List<String>> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (rec.size() == 1 && rec.get(0).isEmpty()) {
        continue;
      }
      if (rec.size() > header.size()) {
        throw new IllegalArgumentException(
            Where.row(rows.size() + 1L, file)
                + String.format(
                java.util.Locale.ROOT,
                " has %d cells but the header names %d columns %s",
                rec.size(),
                header.size(),
                header));
      }
      List<String> padded = new ArrayList<>(rec.stream().map(Csv::unescape).toList());
      while (padded.size() < header.size()) {
        padded.add("");
      }
      rows.add(padded);
    }
    return new Csv(file, sep, header, rows);
  }

  /** Returns the index of column {@code name}, or -1. */
  public int column(String name) {
    return header.indexOf(name);
  }

  /** Returns cell ({@code row}, {@code column}), both 0-based. */
  public String cell(int row, int column) {
    return rows.get(row).get(column);
  }

  /**
   * Writes this CSV to {@code path}, spreadsheet-safe, through a new file that then replaces the
   * target, so a failure never leaves a half-written sheet; the file gets the user's umask.
   *
   * @param overwrite whether an existing file may be replaced (else it is an error naming it)
   */
  public void write(Path path, boolean overwrite) {
    AtomicFile.write(
        path,
        overwrite,
        w -> {
          writeRecord(w, header);
          for (List<String> row : rows) {
            writeRecord(w, row);
          }
        });
  }

  private void writeRecord(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(separator);
      }
      w.write(spreadsheetField(cells.get(i), separator));
    }
    w.write("\r\n");
  }

  /**
   * Returns {@code cell} as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds
   * the separator, a quote, a line break, or leading or trailing spaces a spreadsheet would drop.
   */
  public static String field(String cell, char separator) {
    boolean needs =
        cell.indexOf(separator) >= 0
            || cell.indexOf('"') >= 0
            || cell.indexOf('\n') >= 0
            || cell.indexOf('\r') >= 0
            || (!cell.isEmpty()
                && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
    return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  /**
   * Returns {@code cell} as one CSV field that a spreadsheet shows as text rather than runs: a cell
   * starting with {@code = + - @}, a tab or a carriage return (after any {@code '}) gets a leading
   * {@code '}, as OWASP's CSV-injection advice says, then is quoted by {@link #field}. A cell that
   * is entirely a number ({@code -0.5}, {@code +3}, {@code -1e-3}) is left alone so it stays a
   * number. {@link #parse} removes the {@code '} again.
   */
  public static String spreadsheetField(String cell, char separator) {
    return field(escape(cell), separator);
  }

  /** Returns {@code cell} with a leading {@code '} if a spreadsheet could run it as a formula. */
  static String escape(String cell) {
    return FORMULA.matcher(cell).lookingAt() && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }

  /** Undoes {@link #escape}: drops one {@code '} before a formula character. */
  static String unescape(String cell) {
    return cell.startsWith("'") && FORMULA.matcher(cell).lookingAt() ? cell.substring(1) : cell;
  }

  private static List<List<String>> records(String file, String text, char sep) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
        quoteLine = line;
      } else if (c == sep) {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        record.add(cell.toString());
        cell.setLength(0);
        out.add(record);
        record = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          Where.line(quoteLine, file) + ": a quoted cell is never closed (missing \")");
    }
    if (cell.length() > 0 || !record.isEmpty()) {
      record.add(cell.toString());
      out.add(record);
    }
    return out;
  }
}
