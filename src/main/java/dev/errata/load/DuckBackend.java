package dev.errata.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
    return isCopy(from);
  }

  /** Reads from {@code from} from now on (a columnar copy of the same rows, in the same order). */
  void switchTo(String from) {
    this.from = from;
  }

  /**
   * Returns the SQL source of the rows; first checks that the files read are still the ones loaded
   * (a columnar copy is a snapshot and needs no check).
   */
  String from() {
    String f = from;
    if (!isCopy(f)) {
      for (Snapshot s : snapshots) {
        s.check(source);
      }
    }
    return f;
  }

  private static boolean isCopy(String from) {
    return from.startsWith("read_parquet(") && from.contains(FileCache.files().toString());
  }

  /**
   * The size and modification time of a file read, as loaded: counts and labels were computed from
   * these bytes, so a query over changed bytes would mix two data sets.
   */
  record Snapshot(Path file, long size, FileTime modified) {

    static Snapshot of(Path file) {
      try {
        return new Snapshot(file, Files.size(file), Files.getLastModifiedTime(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the size of " + file + ": " + e.getMessage(), e);
      }
    }

    void check(String source) {
      Snapshot now;
      try {
        now = of(file);
      } catch (UncheckedIOException e) {
        throw new IllegalStateException(
            file + " (part of " + source + ") is gone or unreadable since it was loaded; load it again", e);
      }
      if (now.size != size || !now.modified.equals(modified)) {
        throw new IllegalStateException(
            file
                + " changed on disk since it was loaded (size "
                + size
                + " → "
                + now.size
                + " bytes, modified "
                + modified
                + " → "
                + now.modified
                + "); its counts would no longer match the labels and rows loaded. Load it again"
                + " to analyse the new contents.");
      }
    }
  }

  private volatile List<Snapshot> snapshots = List.of();

  /** The actual and predicted label columns, the ones the role SQL reads. */
  private volatile List<String> roleColumns = List.of();

  void roleColumns(String actual, String predicted) {
    this.roleColumns = actual.equals(predicted) ? List.of(actual) : List.of(actual, predicted);
  }

  /** Records the files read as they are now; every later query checks them first. */
  void watch(List<Path> files) {
    List<Snapshot> out = new java.util.ArrayList<>();
    for (Path f : files) {
      out.add(Snapshot.of(f));
    }
    this.snapshots = List.copyOf(out);
  }

  private String rowsSql(String select) {
    return "SELECT " + select + " FROM " + from() + " WHERE " + spec.keep();
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
    String sql = DuckDb.numberedRows("*", from(), spec.keep(), in.toString());
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

  /**
   * Per column, each distinct cell (as {@link #codes} spells it) and the raw values spelled so;
   * found by a DISTINCT over the raw column, the text worked out for the distinct values only.
   */
  private final Map<String, Map<String, List<Object>>> rawByCell =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Map<String, List<Object>> rawByCell(String column) {
    return rawByCell.computeIfAbsent(
        column,
        c -> {
          Map<String, List<Object>> m = new HashMap<>();
          each(
              "SELECT "
                  + DuckDb.name(c)
                  + ", "
                  + cell(c)
                  + " FROM ("
                  + rowsSql("DISTINCT " + DuckDb.name(c))
                  + ")",
              r -> m.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getObject(1)));
          return m;
        });
  }

  @Override
  public List<java.util.Set<String>> distinct(List<String> columns) {
    List<java.util.Set<String>> out = new ArrayList<>();
    for (String c : columns) {
      out.add(new java.util.HashSet<>(rawByCell(c).keySet()));
    }
    return out;
  }

  /**
   * The rows of each column holding one of {@code cells}, packed into bits inside DuckDB in one
   * scan; each condition compares the raw column with the raw values spelled so (no text per row).
   */
  @Override
  public List<long[]> rowsWhere(List<String> columns, java.util.Set<String> cells, int size) {
    List<String> conditions = new ArrayList<>();
    for (String c : columns) {
      List<Object> raw = new ArrayList<>();
      rawByCell(c).forEach((cell, values) -> {
        if (cells.contains(cell)) {
          raw.addAll(values);
        }
      });
      conditions.add(DuckDb.oneOf(DuckDb.name(c), raw).orElseGet(() ->
          "list_contains(" + DuckDb.list(new ArrayList<>(cells)) + ", " + cell(c) + ")"));
    }
    return bitWords(conditions, columns, size);
  }

  /** The misclassified rows, packed into bits inside DuckDB: no role code is fetched. */
  @Override
  public long[] errorRows(int size) {
    return bitWords(
            List.of("(" + spec.actual() + ") IS DISTINCT FROM (" + spec.predicted() + ")"),
            roleColumns,
            size)
        .get(0);
  }

  /**
   * Runs one scan (reading {@code columns} only) setting, per SQL condition, the bit of every row
   * where it holds.
   */
  private List<long[]> bitWords(List<String> conditions, List<String> columns, int size) {
    List<long[]> out = new ArrayList<>();
    for (int j = 0; j < conditions.size(); j++) {
      out.add(new long[(size + 63) / 64]);
    }
    if (size == 0) {
      return out;
    }
    long bytes = (size + 7L) / 8;
    each(
        DuckDb.bitStrings(conditions, columns, from(), spec.keep(), bytes),
        r -> {
          for (int j = 0; j < conditions.size(); j++) {
            java.sql.Blob blob = r.getBlob(j + 1);
            if (blob == null) {
              continue;
            }
            byte[] packed = blob.getBytes(1, (int) blob.length());
            long[] words = out.get(j);
            for (int i = 0; i < packed.length; i++) {
              int b = packed[i] & 0xFF;
              if (b == 0) {
                continue;
              }
              // Byte i holds rows 8i..8i+7, row 8i in its highest bit.
              long reversed = Integer.reverse(b) >>> 24;
              long row = 8L * i;
              words[(int) (row >>> 6)] |= reversed << (row & 63);
            }
          }
        });
    return out;
  }

  /** The cell of {@code column} as {@link #codes} spells it. */
  private String cell(String column) {
    String text = DuckDb.labelText(column, types.get(column));
    return "coalesce(NULLIF(" + text + ", ''), " + DuckDb.text(ColumnCodes.MISSING) + ")";
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
