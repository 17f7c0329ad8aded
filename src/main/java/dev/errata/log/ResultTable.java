package dev.errata.log;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table of results a run logged (per class, per slice, per tag …), kept as plain values: each
 * column is numeric (doubles, NaN where missing or undefined) or text ({@code ""} where missing).
 *
 * @param name the name the run logged it under
 * @param columns the columns, all of one length
 */
public record ResultTable(String name, List<ResultColumn> columns) implements Presentable {

  /**
   * One column of a result table.
   *
   * @param values {@link Double}s when {@code numeric}, otherwise {@link String}s
   */
  public record ResultColumn(String name, boolean numeric, List<Object> values) {
    /** Checks the values match the kind and copies them. */
    public ResultColumn {
      Params.requireName("result column", name);
      for (Object v : values) {
        if (numeric ? !(v instanceof Double) : !(v instanceof String)) {
          throw new IllegalArgumentException(
              "Column \"" + name + "\" is " + (numeric ? "numeric" : "text") + " but holds " + v);
        }
      }
      values = List.copyOf(values);
    }

    /** Returns the number in {@code row} (NaN where missing); the column must be numeric. */
    public double number(int row) {
      return (Double) values.get(row);
    }

    /** Returns {@code row} as text. */
    public String text(int row) {
      return values.get(row).toString();
    }
  }

  /** Checks all columns have one length and copies them. */
  public ResultTable {
    Params.requireName("result table", name);
    columns = List.copyOf(columns);
    for (ResultColumn c : columns) {
      if (c.values().size() != columns.get(0).values().size()) {
        throw new IllegalArgumentException(
            "Result table \"" + name + "\": column \"" + c.name() + "\" has " + c.values().size()
                + " rows, column \"" + columns.get(0).name() + "\" has " + columns.get(0).values().size());
      }
    }
  }

  /** Copies {@code table}'s values (numeric columns as doubles, others as text); keeps no reference. */
  public static ResultTable of(String name, Table table) {
    List<ResultColumn> cols = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      List<Object> values = new ArrayList<>(c.size());
      boolean numeric = c instanceof NumericColumn<?>;
      for (int r = 0; r < c.size(); r++) {
        if (numeric) {
          values.add(c.isMissing(r) ? Double.NaN : ((NumericColumn<?>) c).getDouble(r));
        } else {
          values.add(c.isMissing(r) ? "" : c.getString(r));
        }
      }
      cols.add(new ResultColumn(c.name(), numeric, values));
    }
    return new ResultTable(name, cols);
  }

  /** Returns the number of rows. */
  public int rows() {
    return columns.isEmpty() ? 0 : columns.get(0).values().size();
  }

  /** Returns a new Tablesaw table with these values. */
  public Table toTable() {
    Table t = Table.create(name);
    for (ResultColumn c : columns) {
      if (c.numeric()) {
        DoubleColumn d = DoubleColumn.create(c.name());
        for (Object v : c.values()) {
          d.append((Double) v);
        }
        t.addColumns(d);
      } else {
        StringColumn s = StringColumn.create(c.name());
        for (Object v : c.values()) {
          s.append((String) v);
        }
        t.addColumns(s);
      }
    }
    return t;
  }

  /** Shows the table as logged, each column read by its type. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).present();
  }
}
