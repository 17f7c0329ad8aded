package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaTest {

  private static ExperimentLog open(Path db, List<List<String>> migrations) {
    return ExperimentLog.open(Location.parse(db.toString()), Optional.empty(), migrations, 5_000);
  }

  private static int version(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      return Schema.version(c);
    }
  }

  @Test
  void newLogIsAtTheLatestVersionAndOpeningAgainChangesNothing() throws Exception {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    open(db, Schema.MIGRATIONS).close();
    open(db, Schema.MIGRATIONS).close();
    assertEquals(Schema.MIGRATIONS.size(), version(db));
    assertEquals(4, Schema.MIGRATIONS.size());
  }

  @Test
  void secondMigrationUpgradesAnExistingLogAndKeepsItsRuns() throws Exception {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    long id;
    try (ExperimentLog log = open(db, Schema.MIGRATIONS)) {
      id = log.start("old", Map.of("lr", 0.1), CodeVersion.none("t")).metric("acc", 0.5).finish().id();
    }
    List<List<String>> upgraded = new ArrayList<>(Schema.MIGRATIONS);
    upgraded.add(List.of("ALTER TABLE errata_run ADD COLUMN gpu {TEXT}"));
    try (ExperimentLog log = open(db, upgraded)) {
      assertEquals(Map.of("acc", 0.5), log.run(id).metrics());
    }
    assertEquals(Schema.MIGRATIONS.size() + 1, version(db));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT gpu FROM errata_run")) {
      r.next();
      assertEquals(null, r.getString(1));
    }
  }

  /**
   * The tables as the first Errata release created them (commit bec9956, SQLite forms), written
   * out here rather than taken from {@link Schema#MIGRATIONS}, so that an edit of an old migration
   * cannot pass unnoticed.
   */
  private static final List<String> V1 =
      List.of(
          "CREATE TABLE errata_schema_version"
              + " (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
          "CREATE TABLE errata_run (id INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT"
              + " NULL, message TEXT, started_at BIGINT NOT NULL, ended_at BIGINT,"
              + " git_commit TEXT NOT NULL, git_dirty BOOLEAN NOT NULL,"
              + " git_diff_sha256 TEXT NOT NULL, git_detail TEXT NOT NULL,"
              + " jdk TEXT NOT NULL, os TEXT NOT NULL, host TEXT NOT NULL,"
              + " pid BIGINT NOT NULL, cpus INTEGER NOT NULL, max_heap BIGINT NOT NULL,"
              + " peak_heap BIGINT, wall_ms BIGINT)",
          "CREATE TABLE errata_param (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " name TEXT NOT NULL, kind TEXT NOT NULL, val TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, name))",
          "CREATE TABLE errata_metric (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " name TEXT NOT NULL, val DOUBLE PRECISION, PRIMARY KEY (run_id, name))",
          "CREATE TABLE errata_table_column (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " table_name TEXT NOT NULL, col INTEGER NOT NULL, name TEXT NOT NULL,"
              + " kind TEXT NOT NULL, PRIMARY KEY (run_id, table_name, col))",
          "CREATE TABLE errata_table_cell (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " table_name TEXT NOT NULL, row_no INTEGER NOT NULL, col INTEGER NOT NULL,"
              + " num DOUBLE PRECISION, txt TEXT, PRIMARY KEY (run_id, table_name, row_no, col))",
          "CREATE TABLE errata_dataset (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " seq INTEGER NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL,"
              + " sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, row_count BIGINT,"
              + " column_count INTEGER, PRIMARY KEY (run_id, seq))",
          "CREATE TABLE errata_model (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " seq INTEGER NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,"
              + " size_bytes BIGINT NOT NULL, copied_to TEXT, PRIMARY KEY (run_id, seq))",
          "CREATE TABLE errata_note (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " seq INTEGER NOT NULL, kind TEXT NOT NULL, txt TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, seq))",
          "INSERT INTO errata_schema_version VALUES (1, 0)",
          "INSERT INTO errata_run (name, status, message, started_at, ended_at, git_commit,"
              + " git_dirty, git_diff_sha256, git_detail, jdk, os, host, pid, cpus, max_heap,"
              + " peak_heap, wall_ms) VALUES ('old', 'finished', '', 1700000000000,"
              + " 1700000004200, '0123456789abcdef0123456789abcdef01234567', 1, 'ab12',"
              + " '/repo', '17.0.9 (Eclipse Adoptium)', 'Linux 6.1 amd64', 'box', 77, 2,"
              + " 1073741824, 1048576, 4200)",
          "INSERT INTO errata_param VALUES (1, 'lr', 'double', '0.1')",
          "INSERT INTO errata_param VALUES (1, 'depth', 'long', '3')",
          "INSERT INTO errata_metric VALUES (1, 'accuracy', 0.875)",
          "INSERT INTO errata_metric VALUES (1, 'undefined', NULL)",
          "INSERT INTO errata_dataset VALUES (1, 0, 'train.csv', '/data/train.csv', 'daff832f',"
              + " 4, 1, 1)",
          "INSERT INTO errata_note VALUES (1, 0, 'note', 'first try')");

  /** Migration 2 as commit d027340 and 14efd28 wrote it, and what a run of that version held. */
  private static final List<String> V2 =
      List.of(
          "ALTER TABLE errata_run ADD COLUMN process_started BIGINT",
          "CREATE TABLE errata_code (run_id BIGINT NOT NULL REFERENCES errata_run(id),"
              + " kind TEXT NOT NULL, gz BLOB NOT NULL, note TEXT NOT NULL,"
              + " PRIMARY KEY (run_id, kind))",
          "INSERT INTO errata_schema_version VALUES (2, 0)");

  /** Migration 3 as commit 121e1ae wrote it. */
  private static final List<String> V3 =
      List.of(
          "ALTER TABLE errata_run ADD COLUMN errata_version TEXT",
          "ALTER TABLE errata_run ADD COLUMN libraries TEXT",
          "INSERT INTO errata_schema_version VALUES (3, 0)",
          "UPDATE errata_run SET errata_version = '0.9.0', libraries = 'a-1.jar\nb-2.jar'");

  /** Writes a log as Errata at schema {@code version} wrote it, with one finished dirty run. */
  private static Path oldLog(int version) throws Exception {
    Path db = TestFolders.fresh("schema-v" + version).resolve("runs.db");
    List<String> sql = new ArrayList<>(V1);
    if (version >= 2) {
      sql.addAll(V2);
    }
    if (version >= 3) {
      sql.addAll(V3);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
      if (version >= 2) {
        try (java.sql.PreparedStatement p =
            c.prepareStatement("INSERT INTO errata_code VALUES (1, 'cell', ?, '')")) {
          p.setBytes(1, CodePatch.gzip("fit(0.1);\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          p.executeUpdate();
        }
      }
    }
    return db;
  }

  @Test
  void logsOfEveryEarlierSchemaOpenAndMigrateKeepingTheirRuns() throws Exception {
    for (int version = 1; version <= 3; version++) {
      Path db = oldLog(version);
      assertEquals(version, version(db));
      try (ExperimentLog log = open(db, Schema.MIGRATIONS)) {
        RunRecord old = log.run(1);
        assertEquals("old", old.name());
        assertEquals(RunRecord.Status.FINISHED, old.status(), "v" + version);
        assertEquals(java.time.Instant.ofEpochMilli(1700000000000L), old.started());
        assertEquals(Map.of("lr", 0.1, "depth", 3L), old.params());
        assertEquals(0.875, old.metrics().get("accuracy"));
        assertTrue(Double.isNaN(old.metrics().get("undefined")));
        assertEquals("daff832f", old.datasets().get(0).sha256());
        assertEquals(List.of("first try"), old.notes());
        assertEquals(new CodeVersion("0123456789abcdef0123456789abcdef01234567", true, "ab12",
            "/repo"), old.code());
        assertEquals(4200, old.usage().orElseThrow().wallMillis());
        assertEquals(version >= 3 ? "0.9.0" : "", old.environment().errata());
        assertEquals(version >= 3 ? List.of("a-1.jar", "b-2.jar") : List.of(),
            old.environment().libraries());
        CodeRestore restored = log.restore(1, TestFolders.fresh("schema-restore"));
        assertEquals(
            List.of("the whole patch: run 1 was logged before Errata kept patches"),
            restored.leftOut());
        assertEquals(version >= 2 ? 2 : 1, restored.files().size(), "COMMIT, and the cell from v2");
        // The migrated log takes new runs with every field of the latest schema.
        long id = log.start("new", Map.of("lr", 0.2), CodeVersion.none("t")).metric("accuracy", 0.9)
            .finish().id();
        assertEquals(2, id);
        assertEquals(Environment.errataVersion(), log.run(id).environment().errata());
      }
      assertEquals(Schema.MIGRATIONS.size(), version(db));
    }
  }

  @Test
  void logAtAnUnknownLaterVersionIsRefusedAndLeftAsItWas() throws Exception {
    Path db = oldLog(3);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO errata_schema_version VALUES (9, 0)");
    }
    byte[] before = java.nio.file.Files.readAllBytes(db);
    ExperimentLogException e =
        assertThrows(ExperimentLogException.class, () -> open(db, Schema.MIGRATIONS));
    assertEquals("Cannot open experiment log " + db + ": the log is at schema version 9, written by"
        + " a newer Errata; this one reads up to version 4: update Errata; it was left as it was",
        e.getMessage());
    assertEquals(9, version(db));
    assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(db)),
        "the log's bytes changed");
  }

  @Test
  void logFromANewerErrataIsRefusedWithAClearMessage() {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    List<List<String>> newer = new ArrayList<>(Schema.MIGRATIONS);
    newer.add(List.of("ALTER TABLE errata_run ADD COLUMN gpu {TEXT}"));
    open(db, newer).close();
    ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> open(db, Schema.MIGRATIONS));
    assertEquals("Cannot open experiment log " + db + ": the log is at schema version 5,"
        + " written by a newer Errata; this one reads up to version 4: update Errata; it was left as"
        + " it was", e.getMessage());
  }
}
