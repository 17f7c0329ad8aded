package dev.errata.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds runs left {@code running} by a process that has died, and marks them {@code crashed}. A run
 * records its process id and the process's start time; a run of this machine whose process is gone,
 * or whose id now belongs to a process started at another time, is crashed. Runs of other machines
 * are left as they are: their processes cannot be seen from here.
 */
final class Crashes {

  /** How far two readings of one process's start time may differ (clock ticks, rounding). */
  private static final long START_TOLERANCE_MILLIS = 1_000;

  private Crashes() {}

  /** Returns when this process started, in epoch milliseconds, or null when the OS does not say. */
  static Long processStarted() {
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(null);
  }

  private record Candidate(long id, long pid, Long started) {}

  /** Marks the dead runs of {@code host} crashed and returns how many it marked. */
  static int mark(Store store, String host) {
    List<Candidate> running =
        store.read(
            "look for crashed runs in",
            c -> {
              List<Candidate> out = new ArrayList<>();
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id, pid, process_started FROM errata_run"
                          + " WHERE status = ? AND host = ?")) {
                p.setString(1, RunRecord.Status.RUNNING.word());
                p.setString(2, host);
                try (ResultSet r = p.executeQuery()) {
                  while (r.next()) {
                    long started = r.getLong(3);
                    out.add(
                        new Candidate(r.getLong(1), r.getLong(2), r.wasNull() ? null : started));
                  }
                }
              }
              return out;
            });
    List<Candidate> dead = running.stream().filter(k -> !alive(k.pid(), k.started())).toList();
    if (dead.isEmpty()) {
      return 0;
    }
    Instant now = Run.now();
    return store.write(
        "mark crashed runs in",
        c -> {
          int marked = 0;
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE errata_run SET status = ?, message = ? WHERE id = ? AND status = ?")) {
            for (Candidate k : dead) {
              p.setString(1, RunRecord.Status.CRASHED.word());
              p.setString(
                  2,
                  "process "
                      + k.pid()
                      + " on "
                      + host
                      + " ended without ending the run"
                      + " (found at "
                      + now
                      + ")");
              p.setLong(3, k.id());
              p.setString(4, RunRecord.Status.RUNNING.word());
              marked += p.executeUpdate();
            }
          }
          return marked;
        });
  }

  /** Returns whether process {@code pid}, started at {@code started} (null: unknown), runs. */
  static boolean alive(long pid, Long started) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    if (started == null) {
      return true; // cannot tell a reused id from the same process: keep it running
    }
    return h.get()
        .info()
        .startInstant()
        .map(s -> Math.abs(s.toEpochMilli() - started) <= START_TOLERANCE_MILLIS)
        .orElse(true);
  }
}
