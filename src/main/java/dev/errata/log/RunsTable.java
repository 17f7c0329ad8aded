package dev.errata.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the runs straight into one row per run, column by column (no per-run objects), so 10,000
 * runs list in well under a second. Parameters become {@code params.NAME} columns typed by their
 * values (long; double when longs and doubles mix; boolean; else text), metrics {@code
 * metrics.NAME} double columns, both in name order. A run without one has a missing cell.
 */
final class RunsTable {

  private static final double MB = 1024.0 * 1024.0;

  private final LongColumn id = LongColumn.create("id");
  private final StringColumn name = StringColumn.create("name");
  private final StringColumn status = StringColumn.create("status");
  private final InstantColumn started = InstantColumn.create("started");
  private final DoubleColumn seconds = DoubleColumn.create("seconds");
  private final DoubleColumn peak = DoubleColumn.create("peak heap MB");
  private final StringColumn commit = StringColumn.create("commit");
  private final BooleanColumn dirty = BooleanColumn.create("dirty");
  private final StringColumn diff = StringColumn.create("diff sha256");
  private final StringColumn message = StringColumn.create("message");
  private final StringColumn jdk = StringColumn.create("jdk");
  private final StringColumn errata = StringColumn.create("errata");
  private final StringColumn libraries = StringColumn.create("libraries");
  private final StringColumn host = StringColumn.create("host");
  private final LongColumn cpus = LongColumn.create("cpus");
  private final DoubleColumn maxHeap = DoubleColumn.create("max heap MB");
  private long[] ids = new long[0];

  private RunsTable() {}

  static Table read(Connection c) throws SQLException {
    RunsTable t = new RunsTable();
    t.readRuns(c);
    int n = t.ids.length;
    String[] data =
        t.joined(c, "SELECT run_id, name FROM errata_dataset ORDER BY run_id, seq", ", ");
    String[] dataSha =
        t.joined(c, "SELECT run_id, sha256 FROM errata_dataset ORDER BY run_id, seq", ", ");
    String[] model =
        t.joined(c, "SELECT run_id, path FROM errata_model ORDER BY run_id, seq", ", ");
    String[] modelSha =
        t.joined(c, "SELECT run_id, sha256 FROM errata_model ORDER BY run_id, seq", ", ");
    String[] labels =
        t.joined(
            c,
            "SELECT run_id, txt FROM errata_note WHERE kind = 'label' ORDER BY run_id, seq",
            ", ");
    String[] notes =
        t.joined(
            c,
            "SELECT run_id, txt FROM errata_note WHERE kind = 'note' ORDER BY run_id, seq",
            " | ");
    Table table =
        Table.create(
            "runs",
            t.id,
            t.name,
            t.status,
            t.started,
            t.seconds,
            t.peak,
            t.commit,
            t.dirty,
            t.diff,
            StringColumn.create("data", data),
            StringColumn.create("data sha256", dataSha),
            StringColumn.create("model", model),
            StringColumn.create("model sha256", modelSha),
            StringColumn.create("labels", labels),
            StringColumn.create("notes", notes),
            t.message,
            t.jdk,
            t.errata,
            t.libraries,
            t.host,
            t.cpus,
            t.maxHeap);
    Map<String, Object[]> params = new TreeMap<>();
    t.rows(c, "SELECT run_id, name, kind, val FROM errata_param", (row, r) ->
        params.computeIfAbsent(r.getString(2), k -> new Object[n])[row] = Params.decode(r.getString(3), r.getString(4)));
    params.forEach((k, v) -> table.addColumns(paramColumn("params." + k, v)));
    Map<String, double[]> metrics = new TreeMap<>();
    t.rows(c, "SELECT run_id, name, val FROM errata_metric", (row, r) -> {
      double[] column = metrics.computeIfAbsent(r.getString(2), k -> {
        double[] fresh = new double[n];
        Arrays.fill(fresh, Double.NaN);
        return fresh;
      });
      double v = r.getDouble(3);
      column[row] = r.wasNull() ? Double.NaN : v;
    });
    metrics.forEach((k, v) -> table.addColumns(DoubleColumn.create("metrics." + k, v)));
    return table;
  }

  private void readRuns(Connection c) throws SQLException {
    List<Long> seen = new ArrayList<>();
    try (PreparedStatement p =
            c.prepareStatement(
                "SELECT id, name, status, message, started_at, wall_ms, peak_heap, git_commit,"
                    + " git_dirty, git_diff_sha256, jdk, host, cpus, max_heap, errata_version,"
                    + " libraries FROM errata_run ORDER BY id");
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        seen.add(r.getLong(1));
        id.append(r.getLong(1));
        name.append(r.getString(2));
        status.append(r.getString(3));
        message.append(r.getString(4) == null ? "" : r.getString(4));
        started.append(Instant.ofEpochMilli(r.getLong(5)));
        long wall = r.getLong(6);
        boolean ended = !r.wasNull();
        seconds.append(ended ? wall / 1000.0 : Double.NaN);
        peak.append(ended ? r.getLong(7) / MB : Double.NaN);
        String sha = r.getString(8);
        commit.append(sha);
        if (sha.equals(CodeVersion.NONE)) {
          dirty.appendMissing();
        } else {
          dirty.append(r.getBoolean(9));
        }
        diff.append(r.getString(10));
        jdk.append(r.getString(11));
        host.append(r.getString(12));
        cpus.append(r.getInt(13));
        maxHeap.append(r.getLong(14) / MB);
        errata.append(r.getString(15) == null ? "" : r.getString(15));
        libraries.append(r.getString(16) == null ? "" : r.getString(16).replace("\n", ", "));
      }
    }
    ids = seen.stream().mapToLong(Long::longValue).toArray();
  }

  private interface Row {
    void read(int row, ResultSet r) throws SQLException;
  }

  /** Reads a child table whose first column is the run id, skipping runs started since. */
  private void rows(Connection c, String sql, Row reader) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql);
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        int row = Arrays.binarySearch(ids, r.getLong(1));
        if (row >= 0) {
          reader.read(row, r);
        }
      }
    }
  }

  /** Returns, per run, the second column's values joined with {@code sep} ("" for none). */
  private String[] joined(Connection c, String sql, String sep) throws SQLException {
    String[] out = new String[ids.length];
    Arrays.fill(out, "");
    rows(c, sql, (row, r) -> out[row] = out[row].isEmpty() ? r.getString(2) : out[row] + sep + r.getString(2));
    return out;
  }

  private static Column<?> paramColumn(String name, Object[] values) {
    List<Object> all = Arrays.asList(values);
    if (all.stream().allMatch(v -> v == null || v instanceof Long)) {
      LongColumn c = LongColumn.create(name);
      all.forEach(v -> {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append((Long) v);
        }
      });
      return c;
    }
    if (all.stream().allMatch(v -> v == null || v instanceof Number)) {
      DoubleColumn c = DoubleColumn.create(name);
      all.forEach(v -> c.append(v == null ? Double.NaN : ((Number) v).doubleValue()));
      return c;
    }
    if (all.stream().allMatch(v -> v == null || v instanceof Boolean)) {
      BooleanColumn c = BooleanColumn.create(name);
      all.forEach(v -> {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append((Boolean) v);
        }
      });
      return c;
    }
    StringColumn c = StringColumn.create(name);
    all.forEach(v -> c.append(v == null ? "" : v.toString()));
    return c;
  }
}
