package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs of other machines: a heartbeat tells a live run from one whose process died. */
class HeartbeatTest {

  private static final Instant BEAT = Instant.parse("2026-01-01T12:00:00Z");

  /** Makes run {@code id} look like a run of {@code host}, process 4242, last beating at {@code beat}. */
  private static void remote(Path db, long id, String host, Instant beat) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE errata_run SET host = ?, pid = 4242, heartbeat_at = ? WHERE id = ?")) {
      p.setString(1, host);
      if (beat == null) {
        p.setNull(2, java.sql.Types.BIGINT);
      } else {
        p.setLong(2, beat.toEpochMilli());
      }
      p.setLong(3, id);
      assertEquals(1, p.executeUpdate());
    }
  }

  private static long heartbeat(Path db, long id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement p = c.prepareStatement("SELECT heartbeat_at FROM errata_run WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void runOfAnotherMachineWhoseHeartbeatIsStaleIsShownCrashedOnOpen() throws Exception {
    Path db = TestFolders.fresh("heartbeat").resolve("runs.db");
    long stale;
    long fresh;
    long old;
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      stale = log.start("stale", Map.of(), CodeVersion.none("t")).id();
      fresh = log.start("fresh", Map.of(), CodeVersion.none("t")).id();
      old = log.start("before heartbeats", Map.of(), CodeVersion.none("t")).id();
    }
    Instant now = Run.now();
    Instant staleBeat = now.minus(Duration.ofMinutes(11)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    remote(db, stale, "gpu-box-1", staleBeat);
    remote(db, fresh, "gpu-box-2", now.minus(Duration.ofMinutes(1)));
    remote(db, old, "gpu-box-3", null);
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      RunRecord s = log.run(stale);
      assertEquals(RunRecord.Status.CRASHED, s.status());
      assertTrue(
          s.message().startsWith("no heartbeat from process 4242 on gpu-box-1 since " + staleBeat
              + " (found at "),
          s.message());
      assertTrue(s.message().endsWith(", 10 min without one counts as crashed)"), s.message());
      assertEquals(RunRecord.Status.RUNNING, log.run(fresh).status());
      // Logged before heartbeats were kept: nothing tells whether it still runs.
      assertEquals(RunRecord.Status.RUNNING, log.run(old).status());
    }
  }

  @Test
  void aHeartbeatCountsAsStaleOnlyPastTheLimitOnTheClockGiven() throws Exception {
    Path db = TestFolders.fresh("heartbeat-clock").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      long id = log.start("remote", Map.of(), CodeVersion.none("t")).id();
      remote(db, id, "gpu-box-1", BEAT);
      Duration limit = Duration.ofMinutes(10);
      assertEquals(0, Crashes.mark(log.store(), "here", BEAT.plus(limit), limit));
      assertEquals(RunRecord.Status.RUNNING, log.run(id).status());
      assertEquals(1, Crashes.mark(log.store(), "here", BEAT.plus(limit).plusMillis(1), limit));
      assertEquals(
          "no heartbeat from process 4242 on gpu-box-1 since 2026-01-01T12:00:00Z (found at"
              + " 2026-01-01T12:10:00.001Z, 10 min without one counts as crashed)",
          log.run(id).message());
      assertEquals(RunRecord.Status.CRASHED, log.run(id).status());
      // Marked once: a second look changes nothing.
      assertEquals(0, Crashes.mark(log.store(), "here", BEAT.plus(Duration.ofHours(1)), limit));
    }
  }

  @Test
  void aRunningRunWritesItsHeartbeatUntilItEnds() throws Exception {
    Path db = TestFolders.fresh("heartbeat-beats").resolve("runs.db");
    try (ExperimentLog log =
        ExperimentLog.open(Location.parse(db.toString()), Optional.empty(), Schema.MIGRATIONS,
            Store.BUSY_TIMEOUT_MILLIS, Duration.ofMillis(50))) {
      Run run = log.start("beating", Map.of(), CodeVersion.none("t"));
      assertTrue(heartbeat(db, run.id()) >= run.record().started().toEpochMilli());
      remote(db, run.id(), "elsewhere", Instant.EPOCH);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (heartbeat(db, run.id()) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(heartbeat(db, run.id()) > 0, "no heartbeat written in 30 s");
      assertNull(log.heartbeat().lastFailure());
      assertEquals(List.of(run.id()), log.heartbeat().live());
      run.finish();
      assertEquals(List.of(), log.heartbeat().live());
    }
  }
}
