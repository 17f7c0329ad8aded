package dev.errata.present;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One table of a result with what its columns are. Built from the table, then declared column by
 * column; every name must be one of the table's columns, so a renamed column fails at once instead
 * of silently reading differently.
 *
 * <pre>{@code
 * Section.of(t)
 *     .with(ColumnKind.COUNT, "n")
 *     .with(ColumnKind.PROPORTION, "accuracy")
 *     .interval("accuracy", "accuracy low", "accuracy high")
 * }</pre>
 *
 * @param table the table, its name the caption
 * @param kinds declared kinds by column name; a column not named reads by its type
 * @param intervals for a value column, its two bound columns: shown merged into the value's cell
 *     ({@code 83.4 % [79.9, 86.5]}), not as columns of their own
 * @param fullValues for a shortened column, the column holding each row's full value: shown as the
 *     cell's tooltip, not as a column of its own
 * @param rowKinds for a column whose rows measure different things ({@code metric | value}), the
 *     kind of each row
 * @param uncut whether every row and the whole of every cell is shown (help, a checklist): the
 *     text view wraps long cells instead of cutting them and no row limit applies
 */
public record Section(
    Table table,
    Map<String, ColumnKind> kinds,
    Map<String, Bounds> intervals,
    Map<String, String> fullValues,
    Map<String, List<ColumnKind>> rowKinds,
    boolean uncut)
    implements Presentable, Presentation.Part {

  /**
   * The bound columns of an interval.
   *
   * @param low the lower bound's column
   * @param high the upper bound's column
   */
  public record Bounds(String low, String high) {}

  public Section {
    kinds = Map.copyOf(kinds);
    intervals = Map.copyOf(intervals);
    fullValues = Map.copyOf(fullValues);
    Map<String, List<ColumnKind>> rows = new LinkedHashMap<>();
    rowKinds.forEach((c, k) -> rows.put(c, List.copyOf(k)));
    rowKinds = Map.copyOf(rows);
    for (String c : kinds.keySet()) {
      column(table, c);
    }
    for (Map.Entry<String, Bounds> e : intervals.entrySet()) {
      for (String c : List.of(e.getKey(), e.getValue().low(), e.getValue().high())) {
        if (!(column(table, c) instanceof NumericColumn<?>)) {
          throw new IllegalArgumentException(
              "Interval column \"" + c + "\" of table \"" + table.name() + "\" is not numeric");
        }
      }
    }
    for (Map.Entry<String, String> e : fullValues.entrySet()) {
      column(table, e.getKey());
      column(table, e.getValue());
    }
    for (Map.Entry<String, List<ColumnKind>> e : rowKinds.entrySet()) {
      column(table, e.getKey());
      if (e.getValue().size() != table.rowCount()) {
        throw new IllegalArgumentException(
            "Column \""
                + e.getKey()
                + "\" of table \""
                + table.name()
                + "\" has "
                + table.rowCount()
                + " rows but "
                + e.getValue().size()
                + " row kinds");
      }
    }
  }

  /** Returns a section of {@code table} with no declarations: every column reads by its type. */
  public static Section of(Table table) {
    return new Section(table, Map.of(), Map.of(), Map.of(), Map.of(), false);
  }

  /** Returns this section with {@code columns} declared as {@code kind}. */
  public Section with(ColumnKind kind, String... columns) {
    Map<String, ColumnKind> m = new LinkedHashMap<>(kinds);
    for (String c : columns) {
      m.put(c, kind);
    }
    return new Section(table, m, intervals, fullValues, rowKinds, uncut);
  }

  /** Returns this section with {@code columns} declared as {@code kind}. */
  public Section with(ColumnKind kind, List<String> columns) {
    return with(kind, columns.toArray(String[]::new));
  }

  /**
   * Returns this section with every number column not declared yet (and not an interval bound)
   * declared as {@code kind}: for tables whose numbers are all one kind, such as a matrix of counts.
   */
  public Section numbersAs(ColumnKind kind) {
    Map<String, ColumnKind> m = new LinkedHashMap<>(kinds);
    for (Column<?> c : table.columns()) {
      if (c instanceof NumericColumn<?> && !m.containsKey(c.name()) && !isSupporting(c.name())) {
        m.put(c.name(), kind);
      }
    }
    return new Section(table, m, intervals, fullValues, rowKinds, uncut);
  }

  /** Returns this section with column {@code value} shown with the interval {@code [low, high]}. */
  public Section interval(String value, String low, String high) {
    Map<String, Bounds> m = new LinkedHashMap<>(intervals);
    m.put(value, new Bounds(low, high));
    return new Section(table, kinds, m, fullValues, rowKinds, uncut);
  }

  /** Returns this section with column {@code full} as the tooltips of column {@code shown}. */
  public Section fullValues(String shown, String full) {
    Map<String, String> m = new LinkedHashMap<>(fullValues);
    m.put(shown, full);
    return new Section(table, kinds, intervals, m, rowKinds, uncut);
  }

  /** Returns this section with the rows of column {@code column} read as {@code kinds}, in order. */
  public Section byRow(String column, List<ColumnKind> kinds) {
    Map<String, List<ColumnKind>> m = new LinkedHashMap<>(rowKinds);
    m.put(column, new ArrayList<>(kinds));
    return new Section(table, this.kinds, intervals, fullValues, m, uncut);
  }

  /** Returns this section with the table renamed (its caption). */
  public Section titled(String name) {
    Table copy = table.copy();
    copy.setName(name);
    return new Section(copy, kinds, intervals, fullValues, rowKinds, uncut);
  }

  /** Returns this section shown whole: every row, and long text wrapped, never cut. */
  public Section shownWhole() {
    return new Section(table, kinds, intervals, fullValues, rowKinds, true);
  }

  /** Returns how column {@code name} reads: as declared, else by its type. */
  public ColumnKind kind(String name) {
    ColumnKind k = kinds.get(name);
    if (k != null) {
      return k;
    }
    return column(table, name) instanceof NumericColumn<?> ? ColumnKind.NUMBER : ColumnKind.TEXT;
  }

  /** Returns whether column {@code name} is a bound or a full value of another (not shown). */
  public boolean isSupporting(String name) {
    return fullValues.containsValue(name)
        || intervals.values().stream().anyMatch(b -> b.low().equals(name) || b.high().equals(name));
  }

  @Override
  public Presentation present() {
    return Presentation.of(this);
  }

  private static Column<?> column(Table table, String name) {
    if (!table.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "Table \"" + table.name() + "\" has no column \"" + name + "\"; its columns are "
              + table.columnNames());
    }
    return table.column(name);
  }
}
