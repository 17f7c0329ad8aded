package dev.errata.load;

import dev.errata.internal.Where;

import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/** Reads role columns into primitive arrays: labels to codes, numbers to doubles, id checks. */
final class Columns {

  private Columns() {}

  /** Returns the column as text; numeric cells use {@link Labels#text}, so 1.0 reads as "1". */
  static StringColumn asStrings(Column<?> column) {
    if (column instanceof StringColumn s) {
      return s;
    }
    StringColumn out = StringColumn.create(column.name());
    boolean numeric = column instanceof NumericColumn<?>;
    for (int i = 0; i < column.size(); i++) {
      if (column.isMissing(i)) {
        out.appendMissing();
      } else {
        out.append(numeric ? Labels.text(column.get(i)) : column.getString(i));
      }
    }
    return out;
  }

  /**
   * Returns whether the column's dictionary hands out per-row keys: Tablesaw stops keeping one
   * (NullDictionaryMap) for columns with very many distinct values.
   */
  static boolean hasKeys(StringColumn column) {
    return !(column.getDictionary() instanceof tech.tablesaw.columns.strings.NullDictionaryMap);
  }

  /** Encodes each row by its dictionary key, so no string is hashed per row. */
  static int[] encode(StringColumn column, Map<String, Integer> index) {
    if (!hasKeys(column)) {
      int[] codes = new int[column.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = index.get(column.get(i));
      }
      return codes;
    }
    DictionaryMap dict = column.getDictionary();
    int n = column.size();
    int[] keys = denseKeys(column);
    int unique = dict.countUnique();
    int[] lookup = new int[unique];
    boolean[] seen = new boolean[unique];
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      int key = keys[i];
      if (!seen[key]) {
        seen[key] = true;
        lookup[key] = index.get(column.get(i));
      }
      codes[i] = lookup[key];
    }
    return codes;
  }

  /** Returns each row's dictionary key shifted to start at 0 (keys are consecutive). */
  private static int[] denseKeys(StringColumn column) {
    DictionaryMap dict = column.getDictionary();
    int n = column.size();
    int[] keys = new int[n];
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      keys[i] = dict.getKeyForIndex(i);
      min = Math.min(min, keys[i]);
    }
    for (int i = 0; i < n; i++) {
      keys[i] -= min;
    }
    return keys;
  }

  /**
   * Returns the column as doubles, or throws naming the row and column of the first value that is
   * missing or not a number ({@code expected} says what was expected).
   */
  static double[] numbers(Column<?> c, String source, String expected) {
    double[] out = new double[c.size()];
    if (c instanceof NumericColumn<?> numeric) {
      for (int i = 0; i < out.length; i++) {
        if (numeric.isMissing(i)) {
          throw new IllegalArgumentException(
              rowMessage(source, i, c.name()) + ": missing value; expected " + expected);
        }
        out[i] = numeric.getDouble(i) + 0.0;
      }
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      if (c.isMissing(i)) {
        throw new IllegalArgumentException(
            rowMessage(source, i, c.name()) + ": missing value; expected " + expected);
      }
      String s = c.getString(i);
      if (!NUMBER.matcher(s).matches()) {
        throw new IllegalArgumentException(notANumber(source, i, c.name(), s, expected));
      }
      out[i] = Double.parseDouble(s) + 0.0;
    }
    return out;
  }

  static String notANumber(String source, int row, String column, String value, String expected) {
    return rowMessage(source, row, column)
        + ": \""
        + value
        + "\" is not a number; expected "
        + expected
        + ACCEPTED;
  }

  /** How a number must be written in a text cell: one locale-free format. */
  static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(DuckReader.NUMBER);

  static final String ACCEPTED =
      ", written like 0.25, 1 or 2.5e-3 ('.' as the decimal point, no thousands separators)";

  /** Returns the first row whose value occurred in an earlier row, or -1 when all are distinct. */
  static int firstRepeat(Column<?> c) {
    int n = c.size();
    int[] keys = null;
    long range = 0;
    if (c instanceof StringColumn s && hasKeys(s)) {
      keys = denseKeys(s);
      range = s.getDictionary().countUnique();
    } else if (c instanceof IntColumn || c instanceof ShortColumn || c instanceof LongColumn) {
      long[] values = new long[n];
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        values[i] = longValue(c, i);
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      range = max - min + 1;
      if (range > 0 && range <= 8L * n + 64) {
        keys = new int[n];
        for (int i = 0; i < n; i++) {
          keys[i] = (int) (values[i] - min);
        }
      }
    }
    if (keys == null) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (seen.putIfAbsent(c.getString(i), i) != null) {
          return i;
        }
      }
      return -1;
    }
    long[] bits = new long[(int) ((range + 63) / 64)];
    for (int i = 0; i < n; i++) {
      int k = keys[i];
      long mask = 1L << (k & 63);
      if ((bits[k >>> 6] & mask) != 0) {
        return i;
      }
      bits[k >>> 6] |= mask;
    }
    return -1;
  }

  private static long longValue(Column<?> c, int row) {
    if (c instanceof LongColumn l) {
      return l.getLong(row);
    }
    if (c instanceof IntColumn i) {
      return i.getInt(row);
    }
    return ((ShortColumn) c).getShort(row);
  }

  /** Returns where the 0-based row {@code row} of {@code column} is, in {@link Where}'s form. */
  static String rowMessage(String source, long row, String column) {
    return Where.cell(row + 1, source, column);
  }
}
