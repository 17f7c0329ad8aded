package dev.errata.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The log's tables and how they upgrade. Migration N is the list of statements that takes a store
 * from version N-1 to N; the version table records each one applied. A new migration is one more
 * entry, e.g. {@code List.of("ALTER TABLE errata_run ADD COLUMN gpu {TEXT}")}.
 */
final class Schema {

  /** Every migration in order; index 0 is migration 1. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE errata_run (id {ID}, name {TEXT} NOT NULL, status {TEXT} NOT NULL,"
                  + " message {TEXT}, started_at BIGINT NOT NULL, ended_at BIGINT,"
                  + " git_commit {TEXT} NOT NULL, git_dirty BOOLEAN NOT NULL,"
                  + " git_diff_sha256 {TEXT} NOT NULL, git_detail {TEXT} NOT NULL,"
                  + " jdk {TEXT} NOT NULL, os {TEXT} NOT NULL, host {TEXT} NOT NULL,"
                  + " pid BIGINT NOT NULL, cpus INTEGER NOT NULL, max_heap BIGINT NOT NULL,"
                  + " peak_heap BIGINT, wall_ms BIGINT)",
              "CREATE TABLE errata_param (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " name {TEXT} NOT NULL, kind {TEXT} NOT NULL, val {TEXT} NOT NULL,"
                  + " PRIMARY KEY (run_id, name))",
              "CREATE TABLE errata_metric (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " name {TEXT} NOT NULL, val DOUBLE PRECISION, PRIMARY KEY (run_id, name))",
              "CREATE TABLE errata_table_column (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " table_name {TEXT} NOT NULL, col INTEGER NOT NULL, name {TEXT} NOT NULL,"
                  + " kind {TEXT} NOT NULL, PRIMARY KEY (run_id, table_name, col))",
              "CREATE TABLE errata_table_cell (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " table_name {TEXT} NOT NULL, row_no INTEGER NOT NULL, col INTEGER NOT NULL,"
                  + " num DOUBLE PRECISION, txt {TEXT}, PRIMARY KEY (run_id, table_name, row_no,"
                  + " col))",
              "CREATE TABLE errata_dataset (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " seq INTEGER NOT NULL, name {TEXT} NOT NULL, path {TEXT} NOT NULL,"
                  + " sha256 {TEXT} NOT NULL, size_bytes BIGINT NOT NULL, row_count BIGINT,"
                  + " column_count INTEGER, PRIMARY KEY (run_id, seq))",
              "CREATE TABLE errata_model (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " seq INTEGER NOT NULL, path {TEXT} NOT NULL, sha256 {TEXT} NOT NULL,"
                  + " size_bytes BIGINT NOT NULL, copied_to {TEXT}, PRIMARY KEY (run_id, seq))",
              "CREATE TABLE errata_note (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " seq INTEGER NOT NULL, kind {TEXT} NOT NULL, txt {TEXT} NOT NULL,"
                  + " PRIMARY KEY (run_id, seq))"),
          // 2: what rebuilds a run's code (the patch of a dirty tree, the cell's source), and when
          // the run's process started, to tell a crashed run from one still running.
          List.of(
              "ALTER TABLE errata_run ADD COLUMN process_started BIGINT",
              "CREATE TABLE errata_code (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
                  + " kind {TEXT} NOT NULL, gz {BYTES} NOT NULL, note {TEXT} NOT NULL,"
                  + " PRIMARY KEY (run_id, kind))"),
          // 3: the versions that replicate a run: Errata's and the class path's jars (one a line).
          List.of(
              "ALTER TABLE errata_run ADD COLUMN errata_version {TEXT}",
              "ALTER TABLE errata_run ADD COLUMN libraries {TEXT}"),
          // 4: when a running run last showed it was alive, so that another machine can tell a
          // run whose process died from one still running.
          List.of("ALTER TABLE errata_run ADD COLUMN heartbeat_at BIGINT"));

  private static final String VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS errata_schema_version"
          + " (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)";

  private Schema() {}

  /**
   * Brings the store up to the last of {@code migrations}, each in its own transaction, and
   * returns the version it is at. Two processes upgrading at once apply each migration once.
   */
  static int migrate(Connection c, Dialect dialect, List<List<String>> migrations)
      throws SQLException {
    createVersionTable(c, dialect);
    while (true) {
      dialect.begin(c, true);
      try {
        dialect.lockSchema(c);
        int current = version(c);
        if (current > migrations.size()) {
          throw new SQLException(newer(current, migrations.size()));
        }
        if (current == migrations.size()) {
          dialect.commit(c);
          return current;
        }
        try (Statement s = c.createStatement()) {
          for (String sql : migrations.get(current)) {
            s.execute(dialect.sql(sql));
          }
        }
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO errata_schema_version VALUES (?, ?)")) {
          p.setInt(1, current + 1);
          p.setLong(2, System.currentTimeMillis());
          p.executeUpdate();
        }
        dialect.commit(c);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, dialect, e);
        throw e;
      }
    }
  }

  /** Returns why a log at schema {@code version} cannot be read by code that reads to {@code latest}. */
  static String newer(int version, int latest) {
    return "the log is at schema version " + version + ", written by a newer Errata; this one"
        + " reads up to version " + latest + ": update Errata";
  }

  /** Returns the schema version of the store (0 when nothing has been applied). */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(version) FROM errata_schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void createVersionTable(Connection c, Dialect dialect) throws SQLException {
    dialect.begin(c, true);
    try {
      dialect.lockSchema(c);
      try (Statement s = c.createStatement()) {
        s.execute(VERSION_TABLE);
      }
      dialect.commit(c);
    } catch (SQLException e) {
      rollbackQuietly(c, dialect, e);
      throw e;
    }
  }

  static void rollbackQuietly(Connection c, Dialect dialect, Exception failure) {
    try {
      dialect.rollback(c);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
