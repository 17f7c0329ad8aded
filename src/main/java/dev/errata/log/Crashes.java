package dev.errata.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds runs left {@code running} by a process that has died, and marks them {@code crashed}. A run
 * records its process id and the process's start time; a run of this machine whose process is gone,
 * or whose id now belongs to a process started at another time, is crashed. A run of another
 * machine, whose process cannot be seen from here, is crashed when its heartbeat (written every
 * {@link Heartbeat#EVERY} while it runs) is older than {@link #STALE_AFTER}; a run logged before
 * heartbeats were kept has none and is left as it is. Heartbeats are written by each machine's own
 * clock, so clocks that differ by more than {@link #STALE_AFTER} minus a beat would mislead it.
 */
final class Crashes {

  /** How old another machine's heartbeat may be before its run is taken for crashed. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  /** How far two readings of one process's start time may differ (clock ticks, rounding). */
  private static final long START_TOLERANCE_MILLIS = 1_000;

  private Crashes() {}

  /** Returns when this process started, in epoch milliseconds, or null when the OS does not say. */
  static Long processStarted() {
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(null);
  }

  private record Candidate(long id, long pid, Long started) {}

  /** A running run of another machine whose heartbeat is stale. */
  private record Silent(long id, String host, long pid, long heartbeat) {}

  /**
   * Marks crashed the dead runs of {@code host} (this machine) and the runs of other machines
   * whose heartbeat is older than {@code staleAfter} at {@code now}; returns how many it marked.
   */
  static int mark(Store store, String host, Instant now, Duration staleAfter) {
    return markDead(store, host, now) + markSilent(store, host, now, staleAfter);
  }

  private static int markSilent(Store store, String host, Instant now, Duration staleAfter) {
    long cutoff = now.minus(staleAfter).toEpochMilli();
    List<Silent> silent =
        store.read(
            "look for crashed runs of other machines",
            c -> {
              List<Silent> out = new ArrayList<>();
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id, host, pid, heartbeat_at FROM errata_run WHERE status = ? AND"
                          + " host <> ? AND heartbeat_at IS NOT NULL AND heartbeat_at < ?"
                          + " ORDER BY id")) {
                p.setString(1, RunRecord.Status.RUNNING.word());
                p.setString(2, host);
                p.setLong(3, cutoff);
                try (ResultSet r = p.executeQuery()) {
                  while (r.next()) {
                    out.add(new Silent(r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4)));
                  }
                }
              }
              return out;
            });
    if (silent.isEmpty()) {
      return 0;
    }
    return store.write(
        "mark crashed runs",
        c -> {
          int marked = 0;
          // The heartbeat is checked again: one written since the read keeps the run running.
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE errata_run SET status = ?, message = ? WHERE id = ? AND status = ?"
                      + " AND heartbeat_at < ?")) {
            for (Silent k : silent) {
              p.setString(1, RunRecord.Status.CRASHED.word());
              p.setString(
                  2,
                  "no heartbeat from process "
                      + k.pid()
                      + " on "
                      + k.host()
                      + " since "
                      + Instant.ofEpochMilli(k.heartbeat())
                      + " (found at "
                      + now
                      + ", "
                      + staleAfter.toMinutes()
                      + " min without one counts as crashed)");
              p.setLong(3, k.id());
              p.setString(4, RunRecord.Status.RUNNING.word());
              p.setLong(5, cutoff);
              marked += p.executeUpdate();
            }
          }
          return marked;
        });
  }

  private static int markDead(Store store, String host, Instant now) {
    List<Candidate> running =
        store.read(
            "look for crashed runs",
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
    return store.write(
        "mark crashed runs",
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
