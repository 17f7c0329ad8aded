package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two processes writing at once, and a process killed with kill -9 in the middle of a run. */
class ConcurrencyAndCrashTest {

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  @Test
  void twoProcessesAppendingThousandRunsEachLeaveTwoThousandCompleteRuns() throws Exception {
    Path db = TestFolders.fresh("concurrent").resolve("runs.db");
    Process a = Child.start(AppendRuns.class, db, "1000", "a");
    Process b = Child.start(AppendRuns.class, db, "1000", "b");
    List<BufferedReader> outs = List.of(reader(a), reader(b));
    for (BufferedReader out : outs) {
      assertEquals("ready", out.readLine());
    }
    for (Process p : List.of(a, b)) {
      p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
    }
    for (int k = 0; k < 2; k++) {
      Process p = List.of(a, b).get(k);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "writer did not end in 5 minutes");
      String out = outs.get(k).readLine();
      assertEquals(0, p.exitValue(), out);
      assertEquals("done", out);
    }
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      List<RunRecord> runs = log.records();
      assertEquals(2000, runs.size());
      Map<String, Integer> perWriter = new HashMap<>();
      for (RunRecord r : runs) {
        assertEquals(RunRecord.Status.FINISHED, r.status(), r.name());
        String writer = (String) r.params().get("writer");
        long i = (Long) r.params().get("i");
        assertEquals(writer + "-" + i, r.name());
        assertEquals(5, r.metrics().size());
        assertEquals(i + 0.4, r.metrics().get("m4"));
        perWriter.merge(writer, 1, Integer::sum);
      }
      assertEquals(Map.of("a", 1000, "b", 1000), perWriter);
      // The writers ran at the same time: each started its first run before the other's last ended.
      Map<String, java.time.Instant> first = new HashMap<>();
      Map<String, java.time.Instant> last = new HashMap<>();
      for (RunRecord r : runs) {
        String w = (String) r.params().get("writer");
        first.merge(w, r.started(), (x, y) -> x.isBefore(y) ? x : y);
        last.merge(w, r.ended().orElseThrow(), (x, y) -> x.isAfter(y) ? x : y);
      }
      assertTrue(first.get("a").isBefore(last.get("b")) && first.get("b").isBefore(last.get("a")),
          "the writers did not overlap: " + first + " " + last);
    }
  }

  @Test
  void processKilledMidRunLeavesEveryEarlierRunIntactAndTheLogReadable() throws Exception {
    Path db = TestFolders.fresh("crash").resolve("runs.db");
    Process p = Child.start(CrashingWriter.class, db);
    Set<Long> finished = new HashSet<>();
    BufferedReader out = reader(p);
    while (finished.size() < 40) {
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("writer ended early with exit " + p.waitFor());
      }
      finished.add(Long.parseLong(line.substring("finished ".length())));
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-way through some run
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      r.next();
      assertEquals("ok", r.getString(1));
    }
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      for (long id : finished) {
        RunRecord r = log.run(id);
        assertEquals(RunRecord.Status.FINISHED, r.status());
        long i = (Long) r.params().get("i");
        assertEquals(20, r.metrics().size());
        assertEquals(i * 100 + 19.0, r.metrics().get("m19"));
        assertEquals(3, r.tables().get("per slice").rows());
      }
      List<RunRecord> all = log.records();
      assertTrue(all.size() >= finished.size());
      long running = all.stream().filter(r -> r.status() == RunRecord.Status.RUNNING).count();
      assertEquals(0, running, "the run in progress, if any, is found crashed at the next open");
      long crashed = all.stream().filter(r -> r.status() == RunRecord.Status.CRASHED).count();
      assertTrue(crashed <= 1, "at most the run in progress crashed, found " + crashed);
      // The log still takes new runs after the crash.
      long next = log.start("after crash", Map.of(), CodeVersion.none("t")).finish().id();
      assertEquals(RunRecord.Status.FINISHED, log.run(next).status());
    }
  }

  @Test
  void runOfAKilledProcessIsShownCrashedNotRunning() throws Exception {
    Path db = TestFolders.fresh("killed").resolve("runs.db");
    Process p = Child.start(StartsAndWaits.class, db);
    String line = reader(p).readLine();
    assertTrue(line != null && line.startsWith("started "), "child said " + line);
    long id = Long.parseLong(line.substring("started ".length()));
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      assertEquals(RunRecord.Status.RUNNING, log.run(id).status(), "its process still runs");
    }
    p.destroyForcibly();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      RunRecord r = log.run(id);
      assertEquals(RunRecord.Status.CRASHED, r.status());
      String host = Environment.current().host();
      assertTrue(r.message().matches("process " + p.pid() + " on \\Q" + host + "\\E ended without"
          + " ending the run \\(found at \\d{4}-.*Z\\)"), r.message());
      assertEquals(List.of("crashed"), log.runs().stringColumn("status").asList());
    }
  }

  @Test
  void aProcessIdReusedByAnotherProcessDoesNotKeepARunAlive() {
    long me = ProcessHandle.current().pid();
    Long started = Crashes.processStarted();
    assertTrue(Crashes.alive(me, started));
    assertTrue(Crashes.alive(me, null));
    assertEquals(started == null, Crashes.alive(me, started == null ? 0L : started - 60_000));
  }
}
