package dev.errata.tags;

import dev.errata.internal.Where;

import dev.errata.internal.RowBits;
import dev.errata.load.ColumnCodes;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** Builds tags from the columns of a predictions table: boolean, delimited, metadata. */
final class TagColumns {

  /** A metadata column with more distinct values than this is no grouping; refuse it. */
  static final int MAX_METADATA_VALUES = 50;

  private TagColumns() {}

  static List<Tag> booleans(Predictions p, List<String> columns) {
    int n = p.size();
    RowBits all = RowBits.all(n);
    for (String name : columns) {
      if (!p.columnNames().contains(name)) {
        p.column(name, "tag column");
      }
    }
    // Each distinct cell is read as a tag value once; the rows come packed as bits from the engine.
    List<java.util.Set<String>> distinct = p.distinctValues(columns);
    java.util.Set<String> set = new java.util.HashSet<>();
    for (int j = 0; j < columns.size(); j++) {
      for (String cell : distinct.get(j)) {
        Boolean b = tagValue(cell);
        if (b == null) {
          throw firstBadCell(p, columns.get(j));
        }
        if (b) {
          set.add(cell);
        }
      }
    }
    List<java.util.BitSet> rows = p.rowsWhere(columns, set);
    List<Tag> out = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      String name = columns.get(j);
      out.add(
          new Tag(
              name,
              RowBits.ofWords(n, Tags.words(rows.get(j), n)),
              all,
              "column \"" + name + "\"",
              false));
    }
    return out;
  }

  /** Finds the first row of {@code column} whose cell is no tag value, to name it in the error. */
  private static IllegalArgumentException firstBadCell(Predictions p, String column) {
    ColumnCodes codes = p.codes(column);
    for (int i = 0; i < p.size(); i++) {
      String cell = codes.values().get(codes.code(i));
      if (tagValue(cell) == null) {
        return notATagValue(p.source(), i, column, cell);
      }
    }
    throw new IllegalStateException("column \"" + column + "\" has a value that is no tag value");
  }

  /** Reads one distinct cell as a tag value: an accepted spelling, or the number 1 or 0. */
  private static Boolean tagValue(String cell) {
    if (ColumnCodes.MISSING.equals(cell)) {
      return false;
    }
    Boolean b = TagValues.parse(cell);
    if (b != null) {
      return b;
    }
    try {
      double d = Double.parseDouble(cell);
      return d == 1 ? Boolean.TRUE : d == 0 ? Boolean.FALSE : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static IllegalArgumentException notATagValue(String source, int row, String column, String cell) {
    return new IllegalArgumentException(
        Where.cell(row + 1L, source, column)
            + String.format(
            Locale.ROOT,
            ": \"%s\" is not a tag value; accepted: %s",
            cell,
            TagValues.ACCEPTED));
  }

  static List<Tag> delimited(Predictions p, String column, String delimiter) {
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("The tag delimiter is empty; use e.g. \";\"");
    }
    Column<?> c = p.column(column, "tag list column");
    int n = p.size();
    Pattern split = Pattern.compile(Pattern.quote(delimiter));
    Map<String, long[]> words = new TreeMap<>();
    Map<String, List<String>> parsed = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (c.isMissing(i)) {
        continue;
      }
      String cell = c.getString(i);
      List<String> names =
          parsed.computeIfAbsent(
              cell,
              s -> split.splitAsStream(s).map(String::trim).filter(t -> !t.isEmpty()).toList());
      for (String t : names) {
        words.computeIfAbsent(t, k -> new long[RowBits.wordCount(n)])[i >>> 6] |= 1L << i;
      }
    }
    RowBits all = RowBits.all(n);
    List<Tag> out = new ArrayList<>();
    words.forEach(
        (name, w) ->
            out.add(new Tag(name, RowBits.ofWords(n, w), all, "column \"" + column + "\"", false)));
    return out;
  }

  static List<Tag> metadata(Predictions p, List<String> columns, List<String> notes) {
    int n = p.size();
    List<Tag> out = new ArrayList<>();
    for (String column : columns) {
      Column<?> c = p.column(column, "metadata column");
      long[] known = new long[RowBits.wordCount(n)];
      Map<String, long[]> byValue = new LinkedHashMap<>();
      int blank = 0;
      for (int i = 0; i < n; i++) {
        String v = c.isMissing(i) ? "" : value(c, i);
        if (v.isEmpty()) {
          blank++;
          continue;
        }
        known[i >>> 6] |= 1L << i;
        long[] w = byValue.get(v);
        if (w == null) {
          if (byValue.size() == MAX_METADATA_VALUES) {
            throw new IllegalArgumentException(
                "Metadata column \""
                    + column
                    + "\" of "
                    + p.source()
                    + " has more than "
                    + MAX_METADATA_VALUES
                    + " distinct values; tags need a column with few values (device, factory)");
          }
          w = new long[RowBits.wordCount(n)];
          byValue.put(v, w);
        }
        w[i >>> 6] |= 1L << i;
      }
      if (blank > 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%,d examples have no \"%s\"; they are unknown for its tags",
                blank,
                column));
      }
      List<String> values = new ArrayList<>(byValue.keySet());
      values.sort(valueOrder(c));
      RowBits knownBits = RowBits.ofWords(n, known);
      for (String v : values) {
        out.add(
            new Tag(
                column + "=" + v,
                RowBits.ofWords(n, byValue.get(v)),
                knownBits,
                "metadata \"" + column + "\"",
                false));
      }
    }
    return out;
  }

  private static Comparator<String> valueOrder(Column<?> c) {
    if (c instanceof NumericColumn<?>) {
      return Comparator.comparingDouble(Double::parseDouble);
    }
    return Comparator.naturalOrder();
  }

  /** Returns a metadata cell as text: whole numbers without ".0", strings trimmed. */
  private static String value(Column<?> c, int row) {
    if (c instanceof NumericColumn<?> num) {
      double d = num.getDouble(row);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    return c.getString(row).trim();
  }
}
