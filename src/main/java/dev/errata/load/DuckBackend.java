package dev.errata.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows that stay in a file read by embedded DuckDB: counts are GROUP BY queries inside the engine;
 * per-example views fetch rows by query. Only what a view asks for comes into the JVM.
 */
final class DuckBackend implements Backend {

  /** A column with at most this many values is encoded inside DuckDB; more are mapped in Java. */
  private static final int CODES_IN_SQL = 4_096;

  private final String source;
  private final Connection connection;
  private final Map<String, String> types;
  private final Spec spec;
  private volatile String from;
  private volatile Labels labels;

  /**
   * The role columns as SQL over the file.
   *
   * @param actual SQL text of the actual label (NULL when missing)
   * @param predicted SQL text of the predicted label (NULL when missing)
   * @param keep the condition a row must meet to be an example ("true" unless rows were dropped)
   * @param weight SQL number of the weight, or null
   * @param score SQL number of the score, or null
   * @param probabilities label to SQL number of its probability
   */
  record Spec(
      String actual,
      String predicted,
      String keep,
      String weight,
      String score,
      Map<String, String> probabilities,
      Raw raw) {}

  /**
   * Text label columns grouped as they are (fast: no expression per row), their cells turned into
   * labels in Java afterwards: empty or a missing marker is no label, merged spellings are merged.
   *
   * @param actual the actual label column, or null when it needs SQL (not text)
   * @param predicted the predicted label column, or null when it needs SQL
   * @param markers cells that mean "missing"
   * @param merged spelling to the spelling that names its class
   */
  record Raw(String actual, String predicted, List<String> markers, Map<String, String> merged) {

    String label(String cell) {
      if (cell == null || cell.isEmpty() || markers.contains(cell)) {
        return null;
      }
      return merged.getOrDefault(cell, cell);
    }
  }

  DuckBackend(String source, Connection connection, String from, Map<String, String> types, Spec spec) {
    this.source = source;
    this.connection = connection;
    this.from = from;
    this.types = new LinkedHashMap<>(types);
    this.spec = spec;
  }

  void labels(Labels labels) {
    this.labels = labels;
  }

  private volatile double[] totalUnweighted;
  private volatile double[] totalWeighted;
  private volatile Thread cacheThread;

  /** Keeps the overall counts the load scan already made, so the first report needs no scan. */
  void total(double[] unweighted, double[] weighted) {
    this.totalUnweighted = unweighted.clone();
    this.totalWeighted = weighted.clone();
  }

  void cacheThread(Thread t) {
    this.cacheThread = t;
  }

  /** Waits for the columnar copy being written, if any; returns whether reads now use a copy. */
  @Override
  public boolean awaitCache(long millis) throws InterruptedException {
    Thread t = cacheThread;
    if (t != null) {
      t.join(millis);
    }
    return from.startsWith("read_parquet(") && from.contains(FileCache.files().toString());
  }

  /** Reads from {@code from} from now on (a columnar copy of the same rows, in the same order). */
  void switchTo(String from) {
    this.from = from;
  }

  String from() {
    return from;
  }

  private String rowsSql(String select) {
    return "SELECT " + select + " FROM " + from + " WHERE " + spec.keep();
  }

  @Override
  public List<String> columnNames() {
    return List.copyOf(types.keySet());
  }

  @Override
  public Table table() {
    return query(rowsSql("*"));
  }

  @Override
  public Table rows(int... rows) {
    if (rows.length == 0) {
      return query(rowsSql("*") + " LIMIT 0");
    }
    TreeSet<Integer> wanted = new TreeSet<>();
    for (int r : rows) {
      wanted.add(r);
    }
    StringBuilder in = new StringBuilder();
    for (int r : wanted) {
      in.append(in.length() == 0 ? "" : ",").append(r);
    }
    String sql = DuckDb.numberedRows("*", from, spec.keep(), in.toString());
    Table found = query(sql);
    Map<Integer, Integer> position = new HashMap<>();
    int i = 0;
    for (int r : wanted) {
      position.put(r, i++);
    }
    int[] order = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      order[k] = position.get(rows[k]);
    }
    return MemoryBackend.inOrder(found, order);
  }

  @Override
  public Column<?> column(String name) {
    return query(rowsSql(DuckDb.name(name))).column(0);
  }

  @Override
  public ColumnCodes codes(String column) {
    String text = DuckDb.labelText(column, types.get(column));
    String cell = "coalesce(NULLIF(" + text + ", ''), " + DuckDb.text(ColumnCodes.MISSING) + ")";
    List<String> values = new ArrayList<>();
    each(rowsSql("DISTINCT " + cell), r -> values.add(r.getString(1)));
    List<String> sorted = ColumnCodes.sorted(values);
    int n = count();
    int[] codes = new int[n];
    if (sorted.size() <= CODES_IN_SQL) {
      int[] i = {0};
      each(
          rowsSql(DuckDb.position(DuckDb.list(sorted), cell)),
          r -> codes[i[0]++] = r.getInt(1));
    } else {
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < sorted.size(); k++) {
        index.put(sorted.get(k), k);
      }
      int[] i = {0};
      each(rowsSql(cell), r -> codes[i[0]++] = index.get(r.getString(1)));
    }
    return ColumnCodes.of(column, sorted, codes);
  }

  /** Returns the number of examples, known from loading (no scan). */
  int count() {
    return size;
  }

  private volatile int size;

  /** Records the number of examples loading counted. */
  void size(int rows) {
    this.size = rows;
  }

  @Override
  public CountCube counts(Labels labels, List<String> columns, boolean weighted) {
    if (columns.isEmpty() && totalUnweighted != null) {
      return new CountCube(labels, List.of(), List.of(), weighted ? totalWeighted : totalUnweighted);
    }
    StringBuilder select = new StringBuilder();
    List<String> groups = new ArrayList<>();
    for (String c : columns) {
      // Text columns are grouped raw; empty cells become the missing value in Java below.
      String g =
          types.get(c).equals("VARCHAR")
              ? DuckDb.name(c)
              : "coalesce(NULLIF("
                  + DuckDb.labelText(c, types.get(c))
                  + ", ''), "
                  + DuckDb.text(ColumnCodes.MISSING)
                  + ")";
      groups.add(g);
    }
    boolean raw = spec.raw().actual() != null && spec.raw().predicted() != null;
    groups.add(raw ? DuckDb.name(spec.raw().actual()) : spec.actual());
    groups.add(raw ? DuckDb.name(spec.raw().predicted()) : spec.predicted());
    select.append(String.join(", ", groups)).append(", ");
    select.append(weighted ? "sum(" + spec.weight() + ")" : "count(*)");
    String groupBy = String.join(", ", groups);
    String sql = rowsSql(select.toString()) + " GROUP BY " + groupBy;
    GroupedCounts cube = new GroupedCounts(labels, columns);
    int g = columns.size();
    each(
        sql,
        r -> {
          String[] key = new String[g];
          for (int c = 0; c < g; c++) {
            key[c] = r.getString(c + 1);
          }
          String actual = raw ? spec.raw().label(r.getString(g + 1)) : r.getString(g + 1);
          String predicted = raw ? spec.raw().label(r.getString(g + 2)) : r.getString(g + 2);
          cube.add(key, actual, predicted, r.getDouble(g + 3));
        });
    return cube.cube();
  }

  @Override
  public RoleValues roleValues() {
    Labels l = labels;
    int n = count();
    int k = l.size();
    List<String> select = new ArrayList<>();
    String list = DuckDb.list(l.names());
    select.add(DuckDb.position(list, spec.actual()));
    select.add(DuckDb.position(list, spec.predicted()));
    if (spec.weight() != null) {
      select.add(spec.weight());
    }
    if (spec.score() != null) {
      select.add(spec.score());
    }
    List<Integer> probabilityCodes = new ArrayList<>();
    spec.probabilities()
        .forEach(
            (label, sql) -> {
              probabilityCodes.add(l.require(label, "class"));
              select.add(sql);
            });
    int[] actual = new int[n];
    int[] predicted = new int[n];
    double[] weights = spec.weight() == null ? null : new double[n];
    double[] scores = spec.score() == null ? null : new double[n];
    double[][] probabilities = new double[k][];
    for (int code : probabilityCodes) {
      probabilities[code] = new double[n];
    }
    int[] i = {0};
    each(
        rowsSql(String.join(", ", select)),
        r -> {
          int row = i[0]++;
          actual[row] = r.getInt(1);
          predicted[row] = r.getInt(2);
          int c = 3;
          if (weights != null) {
            weights[row] = r.getDouble(c++);
          }
          if (scores != null) {
            scores[row] = r.getDouble(c++);
          }
          for (int code : probabilityCodes) {
            probabilities[code][row] = r.getDouble(c++);
          }
        });
    return new RoleValues(actual, predicted, weights, scores, probabilities);
  }

  /** Runs {@code sql} and hands each row to {@code row}. */
  void each(String sql, SqlConsumer row) {
    synchronized (connection) {
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          row.accept(r);
        }
      } catch (SQLException e) {
        throw DuckReader.failure(source, e);
      }
    }
  }

  /** Runs {@code sql} into a Tablesaw table, typed from DuckDB's column types. */
  Table query(String sql) {
    synchronized (connection) {
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery(sql)) {
        var meta = r.getMetaData();
        int n = meta.getColumnCount();
        List<Column<?>> columns = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
          columns.add(column(meta.getColumnName(c), meta.getColumnTypeName(c)));
        }
        while (r.next()) {
          for (int c = 1; c <= n; c++) {
            append(columns.get(c - 1), r, c);
          }
        }
        return Table.create(tableName(), columns);
      } catch (SQLException e) {
        throw DuckReader.failure(source, e);
      }
    }
  }

  private String tableName() {
    String name = source;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  private static Column<?> column(String name, String type) {
    String t = type.toUpperCase(Locale.ROOT);
    switch (t) {
      case "INTEGER", "SMALLINT", "TINYINT", "UTINYINT", "USMALLINT":
        return IntColumn.create(name);
      case "BIGINT", "UINTEGER":
        return LongColumn.create(name);
      case "DOUBLE", "FLOAT":
        return DoubleColumn.create(name);
      case "BOOLEAN":
        return BooleanColumn.create(name);
      default:
        return StringColumn.create(name);
    }
  }

  private static void append(Column<?> column, ResultSet r, int c) throws SQLException {
    Object value = r.getObject(c);
    if (value == null) {
      column.appendMissing();
    } else if (column instanceof IntColumn i) {
      i.append(((Number) value).intValue());
    } else if (column instanceof LongColumn l) {
      l.append(((Number) value).longValue());
    } else if (column instanceof DoubleColumn d) {
      d.append(((Number) value).doubleValue());
    } else if (column instanceof BooleanColumn b) {
      b.append((Boolean) value);
    } else {
      ((StringColumn) column).append(value.toString());
    }
  }

  /** Receives one result row. */
  interface SqlConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  @Override
  public String toString() {
    return "DuckBackend[" + source + " from " + from + ", keep " + spec.keep() + "]";
  }
}
