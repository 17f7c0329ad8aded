package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The same log code against a real PostgreSQL server started by the test. */
class PostgresLogTest {

  private static PostgresServer server;
  private static int databases;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** Returns the URL of a new, empty database. */
  private static String freshDatabase() throws Exception {
    String name = "runs" + (++databases);
    try (Connection c = DriverManager.getConnection(server.url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server.url(name);
  }

  @Test
  void runsRoundTripThroughPostgres() throws Exception {
    try (ExperimentLog log = ExperimentLog.open(freshDatabase())) {
      Table slices = Table.create("s", StringColumn.create("slice", "young", "old"),
          DoubleColumn.create("accuracy", 0.9, Double.NaN));
      Run a = log.start("a", Map.of("lr", 0.1, "depth", 3, "opt", "sgd", "shuffle", true), CodeVersion.none("t"));
      a.metrics(Map.of("accuracy", 0.8, "undefined", Double.NaN)).table("per slice", slices).note("n").label("l").finish();
      long b = log.start("b", Map.of("lr", 0.01, "depth", 3, "opt", "sgd", "shuffle", true), CodeVersion.none("t"))
          .metric("accuracy", 0.85).fail("diverged").id();
      RunRecord r = log.run(a.id());
      assertEquals(Map.of("lr", 0.1, "depth", 3L, "opt", "sgd", "shuffle", true), r.params());
      assertEquals(0.8, r.metrics().get("accuracy"));
      assertTrue(Double.isNaN(r.metrics().get("undefined")));
      assertEquals(List.of("young", "old"), r.tables().get("per slice").columns().get(0).values());
      assertTrue(Double.isNaN(r.tables().get("per slice").columns().get(1).number(1)));
      assertEquals(List.of("n"), r.notes());
      assertEquals(List.of("l"), r.labels());
      assertEquals("diverged", log.run(b).message());
      Table runs = log.runs();
      assertEquals(List.of("a", "b"), runs.stringColumn("name").asList());
      assertEquals(List.of("finished", "failed"), runs.stringColumn("status").asList());
      RunComparison c = log.compare(a.id(), b);
      assertEquals(List.of("params.lr"), c.params().stream().map(RunComparison.Difference::name).toList());
      assertEquals(0.05, c.metrics().get(0).delta(), 1e-12);
    }
  }

  @Test
  void twoLogsOpenedAtOnceOnAnEmptyDatabaseBothWrite() throws Exception {
    String url = freshDatabase();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (String w : List.of("x", "y")) {
        done.add(pool.submit(() -> {
          try (ExperimentLog log = ExperimentLog.open(url)) {
            for (int i = 0; i < 50; i++) {
              log.start(w + i, Map.of("i", i), CodeVersion.none("t")).metric("m", i).finish();
            }
          }
          return 50;
        }));
      }
      for (Future<Integer> f : done) {
        assertEquals(50, f.get());
      }
    } finally {
      pool.shutdown();
    }
    try (ExperimentLog log = ExperimentLog.open(url)) {
      assertEquals(100, log.records().stream().filter(r -> r.status() == RunRecord.Status.FINISHED).count());
    }
  }

  /** Returns schema.table of every table and view outside PostgreSQL's own schemas, sorted. */
  private static List<String> tables(String url) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE"
                + " table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /** Returns a new database holding another application's table {@code orders} with one row. */
  private static String foreignDatabase() throws Exception {
    String url = freshDatabase();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)");
      s.execute("INSERT INTO orders VALUES (1, 'lamp')");
    }
    return url;
  }

  @Test
  void databaseOfAnotherApplicationIsRefusedAndLeftAsItWas() throws Exception {
    String url = foreignDatabase();
    ExperimentLogException e =
        assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(url));
    assertTrue(e.getMessage().startsWith("Cannot open experiment log jdbc:postgresql://127.0.0.1:"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("?user=errata&password=***: schema \"public\" holds tables"
        + " but is not an Errata experiment log (it has no errata_schema_version table; its tables"
        + " are [orders]); it was left as it was: use an empty database, or give the log a schema"
        + " of its own (CREATE SCHEMA errata, then currentSchema=errata in the URL)"),
        e.getMessage());
    assertEquals(List.of("public.orders"), tables(url));
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT id, item FROM orders")) {
      assertTrue(r.next());
      assertEquals("lamp", r.getString(2));
      assertFalse(r.next());
    }
  }

  @Test
  void aSchemaOfItsOwnBesideAnotherApplicationsTablesHoldsTheLog() throws Exception {
    String url = foreignDatabase();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA errata");
    }
    try (ExperimentLog log = ExperimentLog.open(url + "&currentSchema=errata")) {
      long id = log.start("own schema", Map.of("lr", 0.1), CodeVersion.none("t")).finish().id();
      assertEquals("own schema", log.run(id).name());
    }
    List<String> tables = tables(url);
    assertTrue(tables.contains("errata.errata_run"), tables.toString());
    assertEquals(List.of("public.orders"),
        tables.stream().filter(t -> t.startsWith("public.")).toList());
    // Opened again, the log's own schema is recognised as a log.
    try (ExperimentLog log = ExperimentLog.open(url + "&currentSchema=errata")) {
      assertEquals(1, log.records().size());
    }
  }

  @Test
  void migratedPostgresLogKeepsItsRunsAndTakesHeartbeats() throws Exception {
    String url = freshDatabase();
    // A log as the first Errata release wrote it (migration 1 only), with one run.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE errata_schema_version"
          + " (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
      for (String sql : Schema.MIGRATIONS.get(0)) {
        s.execute(Dialect.POSTGRES.sql(sql));
      }
      s.execute("INSERT INTO errata_schema_version VALUES (1, 0)");
      s.execute("INSERT INTO errata_run (name, status, message, started_at, git_commit, git_dirty,"
          + " git_diff_sha256, git_detail, jdk, os, host, pid, cpus, max_heap) VALUES ('old',"
          + " 'running', '', 1700000000000, 'none', false, '', 't', '17', 'Linux', 'far-away', 7,"
          + " 1, 1)");
    }
    try (ExperimentLog log = ExperimentLog.open(url)) {
      // Another machine's run from before heartbeats: nothing says it died, so it stays running.
      assertEquals(RunRecord.Status.RUNNING, log.run("old").status());
      Run run = log.start("new", Map.of(), CodeVersion.none("t"));
      log.heartbeat().beat();
      assertEquals(null, log.heartbeat().lastFailure());
      run.finish();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT MAX(version) FROM errata_schema_version")) {
      r.next();
      assertEquals(Schema.MIGRATIONS.size(), r.getInt(1));
    }
  }

  @Test
  void passwordNeverAppearsInLocationOrErrors() throws Exception {
    String url = freshDatabase();
    try (ExperimentLog log = ExperimentLog.open(url)) {
      assertFalse(log.location().contains(PostgresServer.PASSWORD));
      assertFalse(log.toString().contains(PostgresServer.PASSWORD));
      assertTrue(log.location().contains("password=***"), log.location());
    }
    String wrong = url.replace(PostgresServer.PASSWORD, "wrong-pass-123");
    ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(wrong));
    assertTrue(e.getMessage().startsWith("Cannot open experiment log jdbc:postgresql://127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("password=***"), e.getMessage());
    assertTrue(e.getMessage().endsWith("password authentication failed for user \"errata\""), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("wrong-pass-123"), t.getMessage());
      assertFalse(String.valueOf(t).contains("wrong-pass-123"));
    }
  }
}
