package dev.errata.load;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Rows held in a Tablesaw table, role columns already encoded; counts in Java loops. */
final class MemoryBackend implements Backend {

  private final String source;
  private final Table table;
  private final RoleValues roles;

  MemoryBackend(String source, Table table, RoleValues roles) {
    this.source = source;
    this.table = table;
    this.roles = roles;
  }

  @Override
  public List<String> columnNames() {
    return table.columnNames();
  }

  @Override
  public Table table() {
    return table.copy();
  }

  @Override
  public Table rows(int... rows) {
    return inOrder(table, rows);
  }

  /** Returns the given rows in the given order, repeats included (Tablesaw's rows() sorts). */
  static Table inOrder(Table table, int... rows) {
    Table out = table.emptyCopy();
    for (int r : rows) {
      out.addRow(r, table);
    }
    return out;
  }

  @Override
  public Column<?> column(String name) {
    return table.column(name).copy();
  }

  @Override
  public ColumnCodes codes(String column) {
    return ColumnCodes.of(source, table, column);
  }

  @Override
  public CountCube counts(Labels labels, List<String> columns, boolean weighted) {
    return null;
  }

  @Override
  public RoleValues roleValues() {
    return roles;
  }
}
