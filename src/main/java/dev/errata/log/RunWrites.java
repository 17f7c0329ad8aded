package dev.errata.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The statements that write one piece of a run; each runs inside a transaction of {@link Store}.
 * Replacing a param, metric or table deletes then inserts, which every SQL database understands.
 */
final class RunWrites {

  private RunWrites() {}

  static long insertRun(Connection c, String name, Instant started, CodeVersion code, Environment env)
      throws SQLException {
    String sql =
        "INSERT INTO errata_run (name, status, message, started_at, git_commit, git_dirty,"
            + " git_diff_sha256, git_detail, jdk, os, host, pid, cpus, max_heap, process_started,"
            + " errata_version, libraries, heartbeat_at)"
            + " VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, name);
      p.setString(2, RunRecord.Status.RUNNING.word());
      p.setLong(3, started.toEpochMilli());
      p.setString(4, code.commit());
      p.setBoolean(5, code.dirty());
      p.setString(6, code.diffSha256());
      p.setString(7, code.detail());
      p.setString(8, env.jdk());
      p.setString(9, env.os());
      p.setString(10, env.host());
      p.setLong(11, env.pid());
      p.setInt(12, env.cpus());
      p.setLong(13, env.maxHeapBytes());
      Long processStarted = env.pid() == ProcessHandle.current().pid() ? Crashes.processStarted() : null;
      if (processStarted == null) {
        p.setNull(14, Types.BIGINT);
      } else {
        p.setLong(14, processStarted);
      }
      p.setString(15, env.errata());
      p.setString(16, String.join("\n", env.libraries()));
      p.setLong(17, started.toEpochMilli());
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new run");
        }
        return keys.getLong(1);
      }
    }
  }

  static void putParams(Connection c, long run, Map<String, Object> params) throws SQLException {
    try (PreparedStatement del =
            c.prepareStatement("DELETE FROM errata_param WHERE run_id = ? AND name = ?");
        PreparedStatement ins =
            c.prepareStatement("INSERT INTO errata_param VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, Object> e : params.entrySet()) {
        del.setLong(1, run);
        del.setString(2, e.getKey());
        del.executeUpdate();
        ins.setLong(1, run);
        ins.setString(2, e.getKey());
        ins.setString(3, Params.kind(e.getValue()));
        ins.setString(4, Params.encode(e.getValue()));
        ins.executeUpdate();
      }
    }
  }

  static void putMetrics(Connection c, long run, Map<String, Double> metrics) throws SQLException {
    try (PreparedStatement del =
            c.prepareStatement("DELETE FROM errata_metric WHERE run_id = ? AND name = ?");
        PreparedStatement ins = c.prepareStatement("INSERT INTO errata_metric VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Double> e : metrics.entrySet()) {
        del.setLong(1, run);
        del.setString(2, e.getKey());
        del.addBatch();
        ins.setLong(1, run);
        ins.setString(2, e.getKey());
        setDouble(ins, 3, e.getValue());
        ins.addBatch();
      }
      del.executeBatch();
      ins.executeBatch();
    }
  }

  static void putTable(Connection c, long run, ResultTable t) throws SQLException {
    for (String table : List.of("errata_table_column", "errata_table_cell")) {
      try (PreparedStatement del =
          c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ? AND table_name = ?")) {
        del.setLong(1, run);
        del.setString(2, t.name());
        del.executeUpdate();
      }
    }
    try (PreparedStatement col =
            c.prepareStatement("INSERT INTO errata_table_column VALUES (?, ?, ?, ?, ?)");
        PreparedStatement cell =
            c.prepareStatement("INSERT INTO errata_table_cell VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int j = 0; j < t.columns().size(); j++) {
        ResultTable.ResultColumn rc = t.columns().get(j);
        col.setLong(1, run);
        col.setString(2, t.name());
        col.setInt(3, j);
        col.setString(4, rc.name());
        col.setString(5, rc.numeric() ? "number" : "text");
        col.addBatch();
        for (int r = 0; r < rc.values().size(); r++) {
          cell.setLong(1, run);
          cell.setString(2, t.name());
          cell.setInt(3, r);
          cell.setInt(4, j);
          if (rc.numeric()) {
            setDouble(cell, 5, rc.number(r));
            cell.setNull(6, Types.VARCHAR);
          } else {
            cell.setNull(5, Types.DOUBLE);
            cell.setString(6, rc.text(r));
          }
          cell.addBatch();
        }
      }
      col.executeBatch();
      cell.executeBatch();
    }
  }

  static void addDataset(Connection c, long run, int seq, Dataset d) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO errata_dataset VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, run);
      p.setInt(2, seq);
      p.setString(3, d.name());
      p.setString(4, d.path());
      p.setString(5, d.sha256());
      p.setLong(6, d.sizeBytes());
      if (d.rows().isPresent()) {
        p.setLong(7, d.rows().getAsLong());
        p.setInt(8, d.columns().getAsInt());
      } else {
        p.setNull(7, Types.BIGINT);
        p.setNull(8, Types.INTEGER);
      }
      p.executeUpdate();
    }
  }

  static void addModel(Connection c, long run, int seq, ModelFile m) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO errata_model VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, run);
      p.setInt(2, seq);
      p.setString(3, m.path());
      p.setString(4, m.sha256());
      p.setLong(5, m.sizeBytes());
      p.setString(6, m.copiedTo().orElse(null));
      p.executeUpdate();
    }
  }

  static void addNote(Connection c, long run, int seq, String kind, String text) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO errata_note VALUES (?, ?, ?, ?)")) {
      p.setLong(1, run);
      p.setInt(2, seq);
      p.setString(3, kind);
      p.setString(4, text);
      p.executeUpdate();
    }
  }

  static void end(Connection c, long run, RunRecord.Status status, String message, Instant ended, Usage usage)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE errata_run SET status = ?, message = ?, ended_at = ?, peak_heap = ?, wall_ms ="
                + " ? WHERE id = ?")) {
      p.setString(1, status.word());
      p.setString(2, message);
      p.setLong(3, ended.toEpochMilli());
      p.setLong(4, usage.peakHeapBytes());
      p.setLong(5, usage.wallMillis());
      p.setLong(6, run);
      if (p.executeUpdate() != 1) {
        throw new SQLException("run " + run + " is not in the log");
      }
    }
  }

  /** Stores {@code text} gzip-compressed as the run's code piece {@code kind} (patch, cell). */
  static void putCode(Connection c, long run, String kind, byte[] gz, String note)
      throws SQLException {
    try (PreparedStatement del =
            c.prepareStatement("DELETE FROM errata_code WHERE run_id = ? AND kind = ?");
        PreparedStatement ins = c.prepareStatement("INSERT INTO errata_code VALUES (?, ?, ?, ?)")) {
      del.setLong(1, run);
      del.setString(2, kind);
      del.executeUpdate();
      ins.setLong(1, run);
      ins.setString(2, kind);
      ins.setBytes(3, gz);
      ins.setString(4, note);
      ins.executeUpdate();
    }
  }

  /** Stores NaN as NULL: SQLite cannot hold NaN, and NULL reads back as NaN everywhere. */
  private static void setDouble(PreparedStatement p, int index, double v) throws SQLException {
    if (Double.isNaN(v)) {
      p.setNull(index, Types.DOUBLE);
    } else {
      p.setDouble(index, v);
    }
  }
}
