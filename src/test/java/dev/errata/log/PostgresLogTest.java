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
