package dev.errata.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Resolves a table into the columns a reader sees, per {@link TableFormat}'s convention. */
final class DisplayColumns {

  /** Suffix of a text column that holds the full value of the text column it names. */
  static final String FULL = " (full)";

  /** Suffix pairs that name an interval's bounds beside a value column. */
  private static final String[][] BOUNDS = {{" low", " high"}, {" lower", " upper"}};

  /**
   * One shown column.
   *
   * @param header the column's name
   * @param numeric whether its cells are numbers (right-aligned)
   * @param note a tooltip for the header, or null
   * @param cell the text of row {@code r}
   * @param title the full value of row {@code r} behind a shortened cell (a tooltip), or null
   */
  record Shown(
      String header,
      boolean numeric,
      String note,
      IntFunction<String> cell,
      IntFunction<String> title) {

    Shown(String header, boolean numeric, String note, IntFunction<String> cell) {
      this(header, numeric, note, cell, null);
    }
  }

  /**
   * The columns a reader sees.
   *
   * @param shown the shown columns, in table order
   * @param undefined names of the number columns left out because they read "undefined" in every
   *     row (with their interval bounds, if any)
   */
  record Resolved(List<Shown> shown, List<String> undefined) {}

  private DisplayColumns() {}

  /**
   * Returns the columns of {@code table} as they are shown: interval bounds merged, a text column
   * {@code "X (full)"} beside a text column {@code X} turned into the tooltips of X's cells, and
   * number columns missing in every row (of a table that has rows) left out.
   */
  static Resolved of(Table table, TableFormat format) {
    Set<String> consumed = new HashSet<>();
    List<String> names = table.columnNames();
    for (String n : names) {
      if (n.endsWith(FULL) && full(table, n.substring(0, n.length() - FULL.length())) != null) {
        consumed.add(n);
      }
    }
    List<Shown> shown = new ArrayList<>();
    List<String> undefined = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (consumed.contains(c.name())) {
        continue;
      }
      TableFormat.Kind kind = format.kind(c);
      if (c instanceof NumericColumn<?> value && kind != TableFormat.Kind.TEXT) {
        NumericColumn<?>[] bounds = bounds(table, names, c.name());
        if (bounds != null) {
          consumed.add(bounds[0].name());
          consumed.add(bounds[1].name());
        }
        if (table.rowCount() > 0 && value.countMissing() == table.rowCount()) {
          undefined.add(c.name());
          continue;
        }
        if (bounds != null) {
          shown.add(interval(value, bounds[0], bounds[1], kind == TableFormat.Kind.PERCENT));
          continue;
        }
      }
      String rowName = format.rowNames().get(c.name());
      if (c instanceof NumericColumn<?> n && rowName != null && names.contains(rowName)) {
        Column<?> name = table.column(rowName);
        shown.add(new Shown(c.name(), true, null, r -> byRow(n, r, name)));
        continue;
      }
      Shown plain = plain(c, kind);
      Column<?> full = full(table, c.name());
      if (full != null) {
        plain =
            new Shown(
                plain.header(),
                plain.numeric(),
                plain.note(),
                plain.cell(),
                r -> full.isMissing(r) ? "" : full.getString(r));
      }
      shown.add(plain);
    }
    return new Resolved(shown, undefined);
  }

  /** Returns the text column {@code "name (full)"} when {@code name} is a text column too. */
  private static Column<?> full(Table table, String name) {
    List<String> names = table.columnNames();
    if (!names.contains(name) || !names.contains(name + FULL)) {
      return null;
    }
    Column<?> shortened = table.column(name);
    Column<?> full = table.column(name + FULL);
    return shortened instanceof NumericColumn<?> || full instanceof NumericColumn<?> ? null : full;
  }

  private static NumericColumn<?>[] bounds(Table table, List<String> names, String value) {
    for (String[] pair : BOUNDS) {
      String low = value + pair[0];
      String high = value + pair[1];
      if (names.contains(low)
          && names.contains(high)
          && table.column(low) instanceof NumericColumn<?> l
          && table.column(high) instanceof NumericColumn<?> h) {
        return new NumericColumn<?>[] {l, h};
      }
    }
    return null;
  }

  private static Shown interval(
      NumericColumn<?> value, NumericColumn<?> low, NumericColumn<?> high, boolean percent) {
    String note = value.name() + " [" + low.name() + ", " + high.name() + "]";
    return new Shown(
        value.name(),
        true,
        note,
        r ->
            Numbers.interval(
                number(value, r), number(low, r), number(high, r), percent));
  }

  private static Shown plain(Column<?> c, TableFormat.Kind kind) {
    if (!(c instanceof NumericColumn<?> n)) {
      return new Shown(c.name(), false, null, r -> c.isMissing(r) ? "" : c.getString(r));
    }
    return switch (kind) {
      case PERCENT -> new Shown(c.name(), true, null, r -> Numbers.percent(number(n, r)));
      case NUMBER -> new Shown(c.name(), true, null, r -> Numbers.format(number(n, r)));
      case TEXT -> new Shown(c.name(), true, null, r -> n.isMissing(r) ? "" : n.getString(r));
    };
  }

  private static String byRow(NumericColumn<?> c, int row, Column<?> name) {
    double v = number(c, row);
    boolean rate = !name.isMissing(row) && TableFormat.isRateName(name.getString(row));
    return rate ? Numbers.percent(v) : Numbers.format(v);
  }

  private static double number(NumericColumn<?> c, int row) {
    return c.isMissing(row) ? Double.NaN : c.getDouble(row);
  }
}
