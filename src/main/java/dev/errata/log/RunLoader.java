package dev.errata.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads runs back from the log's tables, all runs or one, in a handful of queries (one per table,
 * not one per run), so listing thousands of runs stays fast.
 */
final class RunLoader {

  private final Map<Long, Parts> runs = new LinkedHashMap<>();

  /** The pieces of one run as they are read. */
  private static final class Parts {
    long id;
    String name;
    RunRecord.Status status;
    String message;
    Instant started;
    Optional<Instant> ended;
    CodeVersion code;
    Environment environment;
    Optional<Usage> usage;
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<String, Double> metrics = new LinkedHashMap<>();
    final Map<String, List<ResultTable.ResultColumn>> tableColumns = new LinkedHashMap<>();
    final Map<String, List<List<Object>>> tableValues = new LinkedHashMap<>();
    final List<Dataset> datasets = new ArrayList<>();
    final List<ModelFile> models = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
  }

  private RunLoader() {}

  /**
   * Returns the runs in id order: all of them when {@code id} is null, else that one (or none).
   * Result tables are read only with {@code withTables}.
   */
  static List<RunRecord> load(Connection c, Long id, boolean withTables) throws SQLException {
    RunLoader loader = new RunLoader();
    String where = id == null ? "" : " WHERE id = ?";
    String childWhere = id == null ? "" : " WHERE run_id = ?";
    rows(c, "SELECT * FROM errata_run" + where + " ORDER BY id", id, loader::run);
    if (loader.runs.isEmpty()) {
      return List.of();
    }
    loader.each(
        c,
        "SELECT run_id, name, kind, val FROM errata_param" + childWhere + " ORDER BY run_id, name",
        id,
        (p, r) -> p.params.put(r.getString(2), Params.decode(r.getString(3), r.getString(4))));
    loader.each(
        c,
        "SELECT run_id, name, val FROM errata_metric" + childWhere + " ORDER BY run_id, name",
        id,
        (p, r) -> p.metrics.put(r.getString(2), number(r, 3)));
    loader.each(c, "SELECT * FROM errata_dataset" + childWhere + " ORDER BY run_id, seq", id,
        (p, r) -> p.datasets.add(dataset(r)));
    loader.each(c, "SELECT * FROM errata_model" + childWhere + " ORDER BY run_id, seq", id,
        (p, r) -> p.models.add(new ModelFile(r.getString("path"), r.getString("sha256"),
            r.getLong("size_bytes"), Optional.ofNullable(r.getString("copied_to")))));
    loader.each(
        c,
        "SELECT run_id, kind, txt FROM errata_note" + childWhere + " ORDER BY run_id, seq",
        id,
        (p, r) -> (r.getString(2).equals("label") ? p.labels : p.notes).add(r.getString(3)));
    if (withTables) {
      loader.each(
          c,
          "SELECT run_id, table_name, col, name, kind FROM errata_table_column"
              + childWhere
              + " ORDER BY run_id, table_name, col",
          id,
          (p, r) -> {
            p.tableColumns
                .computeIfAbsent(r.getString(2), k -> new ArrayList<>())
                .add(
                    new ResultTable.ResultColumn(
                        r.getString(4), r.getString(5).equals("number"), List.of()));
            p.tableValues
                .computeIfAbsent(r.getString(2), k -> new ArrayList<>())
                .add(new ArrayList<>());
          });
      loader.each(c, "SELECT run_id, table_name, col, num, txt FROM errata_table_cell" + childWhere
          + " ORDER BY run_id, table_name, col, row_no", id, (p, r) -> {
            List<Object> values = p.tableValues.get(r.getString(2)).get(r.getInt(3));
            boolean numeric = p.tableColumns.get(r.getString(2)).get(r.getInt(3)).numeric();
            values.add(numeric ? (Object) number(r, 4) : r.getString(5));
          });
    }
    List<RunRecord> out = new ArrayList<>(loader.runs.size());
    for (Parts p : loader.runs.values()) {
      Map<String, ResultTable> tables = new LinkedHashMap<>();
      p.tableColumns.forEach((name, cols) -> {
        List<ResultTable.ResultColumn> filled = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
          filled.add(new ResultTable.ResultColumn(cols.get(j).name(), cols.get(j).numeric(),
              p.tableValues.get(name).get(j)));
        }
        tables.put(name, new ResultTable(name, filled));
      });
      out.add(new RunRecord(p.id, p.name, p.status, p.message, p.started, p.ended, p.code,
          p.environment, p.usage, p.params, p.metrics, tables, p.datasets, p.models, p.notes,
          p.labels));
    }
    return out;
  }

  private interface RowReader {
    void read(Parts parts, ResultSet row) throws SQLException;
  }

  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  /** Reads the rows of a child table into the run each belongs to (its first column). */
  private void each(Connection c, String sql, Long id, RowReader reader) throws SQLException {
    rows(c, sql, id, r -> {
      Parts parts = runs.get(r.getLong(1));
      if (parts != null) { // rows of a run started after the run list was read
        reader.read(parts, r);
      }
    });
  }

  private static void rows(Connection c, String sql, Long id, Row row) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (id != null) {
        p.setLong(1, id);
      }
      p.setFetchSize(10_000);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          row.read(r);
        }
      }
    }
  }

  private void run(ResultSet r) throws SQLException {
    Parts p = new Parts();
    p.id = r.getLong("id");
    p.name = r.getString("name");
    p.status = RunRecord.Status.of(r.getString("status"));
    p.message = r.getString("message") == null ? "" : r.getString("message");
    p.started = Instant.ofEpochMilli(r.getLong("started_at"));
    long ended = r.getLong("ended_at");
    p.ended = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
    p.code = new CodeVersion(r.getString("git_commit"), r.getBoolean("git_dirty"),
        r.getString("git_diff_sha256"), r.getString("git_detail"));
    String errata = r.getString("errata_version");
    String libraries = r.getString("libraries");
    p.environment =
        new Environment(
            r.getString("jdk"),
            r.getString("os"),
            r.getString("host"),
            r.getLong("pid"),
            r.getInt("cpus"),
            r.getLong("max_heap"),
            errata == null ? "" : errata,
            libraries == null || libraries.isEmpty() ? List.of() : List.of(libraries.split("\n")));
    long wall = r.getLong("wall_ms");
    p.usage = r.wasNull() ? Optional.empty() : Optional.of(new Usage(wall, r.getLong("peak_heap")));
    runs.put(p.id, p);
  }

  private static Dataset dataset(ResultSet r) throws SQLException {
    long rows = r.getLong("row_count");
    boolean counted = !r.wasNull();
    return new Dataset(r.getString("name"), r.getString("path"), r.getString("sha256"),
        r.getLong("size_bytes"), counted ? OptionalLong.of(rows) : OptionalLong.empty(),
        counted ? OptionalInt.of(r.getInt("column_count")) : OptionalInt.empty());
  }

  private static double number(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? Double.NaN : v;
  }
}
