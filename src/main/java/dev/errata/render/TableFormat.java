package dev.errata.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Says how a table is shown: the row limit and, for any column that needs it, a format hint.
 * Without a hint a column's name and type decide, by this convention:
 *
 * <ul>
 *   <li><b>Rates</b> are stored as proportions in [0, 1] and shown as {@code 88.3 %}: a numeric
 *       column whose name starts or ends with {@code %} ({@code "% of data"}, {@code "recall %"})
 *       or contains one of the words in {@link #RATE_WORDS} ({@code "error rate"}, {@code
 *       "recall"}, {@code "gap to hlp"}).
 *   <li><b>Intervals</b> are two more columns named {@code "X low"} and {@code "X high"} (or {@code
 *       "X lower"} / {@code "X upper"}) beside a numeric column {@code X}. They are shown merged into
 *       {@code X}'s cell, {@code 83.4 % [79.9, 86.5]}, and not as columns of their own.
 *   <li><b>Shortened text</b> (a short hash) has its full value in a text column {@code "X
 *       (full)"} beside text column {@code X}: the HTML shows it as the cell's tooltip ({@code
 *       title}), and neither view shows it as a column of its own.
 *   <li><b>Identifiers</b> (a numeric column named {@code id} or ending in {@code " id"} / {@code
 *       "_id"}) are shown as written, without thousands separators.
 *   <li>Other numbers go through {@link Numbers#format}; a missing number reads "undefined", a
 *       missing text is empty.
 *   <li>In a long table, where each row names what its numbers measure ({@code metric | value}),
 *       {@link #byRow} makes a number column read row by row: as a percentage where the row's
 *       name is a rate, else as a number. So a rate never shows as a fraction beside percentages
 *       elsewhere, and a count in the same column never as a percentage.
 * </ul>
 *
 * @param maxRows rows shown before the rest is summarised as "… N more rows"
 * @param hints format per column name, overriding the convention
 * @param rowNames for number columns read row by row, the column naming each row
 */
public record TableFormat(
    int maxRows, Map<String, TableFormat.Kind> hints, Map<String, String> rowNames) {

  /** How a column's values read. */
  public enum Kind {
    /** A proportion shown as a percentage with one decimal. */
    PERCENT,
    /** A number shown by {@link Numbers#format}. */
    NUMBER,
    /** The value as written, with no number formatting. */
    TEXT
  }

  /** Words that mark a numeric column as a rate (matched against the name's words, any case). */
  public static final Set<String> RATE_WORDS =
      Set.of(
          "rate", "accuracy", "precision", "recall", "specificity", "sensitivity", "f1", "fbeta",
          "tpr", "fpr", "hlp", "gap", "gain", "share", "proportion", "fraction", "coverage");

  /** The format of every table without hints: at most 50 rows. */
  public static final TableFormat DEFAULT = new TableFormat(50, Map.of());

  /** Returns a format with hints and no column read row by row. */
  public TableFormat(int maxRows, Map<String, TableFormat.Kind> hints) {
    this(maxRows, hints, Map.of());
  }

  public TableFormat {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
    }
    hints = Map.copyOf(hints);
    rowNames = Map.copyOf(rowNames);
  }

  /** Returns this format showing at most {@code rows} rows. */
  public TableFormat withMaxRows(int rows) {
    return new TableFormat(rows, hints, rowNames);
  }

  /**
   * Returns this format with the number columns {@code columns} read row by row: a percentage
   * where the row's name in {@code nameColumn} is a rate ({@link #isRateName}), else a number.
   */
  public TableFormat byRow(String nameColumn, String... columns) {
    Map<String, String> m = new LinkedHashMap<>(rowNames);
    for (String c : columns) {
      m.put(c, nameColumn);
    }
    return new TableFormat(maxRows, hints, m);
  }

  /** Returns this format with {@code columns} shown as {@code kind}, whatever their names say. */
  public TableFormat with(Kind kind, String... columns) {
    Map<String, Kind> m = new LinkedHashMap<>(hints);
    for (String c : columns) {
      m.put(c, kind);
    }
    return new TableFormat(maxRows, m, rowNames);
  }

  /** Returns how column {@code c} reads: its hint, else the naming convention. */
  public Kind kind(Column<?> c) {
    Kind hint = hints.get(c.name());
    if (hint != null) {
      return hint;
    }
    if (!(c instanceof NumericColumn<?>)) {
      return Kind.TEXT;
    }
    String name = c.name().strip().toLowerCase(Locale.ROOT);
    if (name.equals("id") || name.endsWith(" id") || name.endsWith("_id")) {
      return Kind.TEXT;
    }
    return isRateName(name) ? Kind.PERCENT : Kind.NUMBER;
  }

  /** Returns whether {@code name} marks a rate by the convention above (any case). */
  public static boolean isRateName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("%") || n.endsWith("%")) {
      return true;
    }
    for (String word : n.split("[^\\p{L}\\p{N}]+")) {
      if (RATE_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
