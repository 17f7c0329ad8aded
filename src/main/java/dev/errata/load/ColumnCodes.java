package dev.errata.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Holds one categorical column encoded to int codes: row {@code i} has value {@code
 * values().get(code(i))}. Values are sorted (numerically when every value is a number); a missing
 * cell becomes the value {@value #MISSING}, sorted last.
 */
public final class ColumnCodes {

  /** The value that stands for a missing cell. */
  public static final String MISSING = "(missing)";

  private final String column;
  private final List<String> values;
  private final int[] codes;

  private ColumnCodes(String column, List<String> values, int[] codes) {
    this.column = column;
    this.values = List.copyOf(values);
    this.codes = codes;
  }

  /**
   * Encodes {@code column} of {@code table}; {@code source} names the table in errors, which list
   * the columns there are.
   */
  static ColumnCodes of(String source, Table table, String column) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "No column \"" + column + "\" in " + source + "; columns are " + table.columnNames());
    }
    Column<?> c = table.column(column);
    return c instanceof StringColumn s && Columns.hasKeys(s)
        ? fromDictionary(column, s)
        : fromStrings(column, c);
  }

  /** Returns the column's name. */
  public String column() {
    return column;
  }

  /** Returns the distinct values, sorted; codes index into this list. */
  public List<String> values() {
    return values;
  }

  /** Returns the number of rows. */
  public int size() {
    return codes.length;
  }

  int[] codesArray() {
    return codes;
  }

  /** Builds codes from values already sorted as {@link #sorted} sorts them. */
  static ColumnCodes of(String column, List<String> values, int[] codes) {
    return new ColumnCodes(column, values, codes);
  }

  /** Returns the code of row {@code row}'s value. */
  public int code(int row) {
    return codes[row];
  }

  /** Encodes by dictionary key, so no string is hashed per row. */
  private static ColumnCodes fromDictionary(String name, StringColumn column) {
    DictionaryMap dict = column.getDictionary();
    int n = column.size();
    Map<Integer, String> keys = new HashMap<>();
    int unique = dict.countUnique();
    for (int i = 0; i < n && keys.size() < unique; i++) {
      int key = dict.getKeyForIndex(i);
      keys.computeIfAbsent(key, k -> label(dict.getValueForKey(k)));
    }
    List<String> values = sorted(keys.values());
    Map<String, Integer> index = index(values);
    int min = keys.keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = keys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    int[] lookup = new int[max - min + 1];
    keys.forEach((k, v) -> lookup[k - min] = index.get(v));
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = lookup[dict.getKeyForIndex(i) - min];
    }
    return new ColumnCodes(name, values, codes);
  }

  private static ColumnCodes fromStrings(String name, Column<?> column) {
    int n = column.size();
    String[] cells = new String[n];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      cells[i] = column.isMissing(i) ? MISSING : label(column.getString(i));
      seen.putIfAbsent(cells[i], 0);
    }
    List<String> values = sorted(seen.keySet());
    Map<String, Integer> index = index(values);
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = index.get(cells[i]);
    }
    return new ColumnCodes(name, values, codes);
  }

  private static String label(String value) {
    return value == null || value.isEmpty() ? MISSING : value;
  }

  private static Map<String, Integer> index(List<String> values) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      index.put(values.get(i), i);
    }
    return index;
  }

  static List<String> sorted(java.util.Collection<String> distinct) {
    List<String> present = new ArrayList<>(distinct);
    boolean missing = present.remove(MISSING);
    boolean numeric = present.stream().allMatch(ColumnCodes::isNumber);
    present.sort(
        numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
    if (missing) {
      present.add(MISSING);
    }
    return present;
  }

  private static boolean isNumber(String s) {
    try {
      return !Double.isNaN(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ColumnCodes[" + column + ": " + codes.length + " rows, values " + values + "]";
  }
}
