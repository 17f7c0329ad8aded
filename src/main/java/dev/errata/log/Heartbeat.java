package dev.errata.log;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes, every {@link #EVERY}, the time now into the {@code heartbeat_at} of each run this log
 * has started and not yet ended, from one daemon thread. A machine that cannot see a run's process
 * (the run was started on another host) tells a live run from a dead one by how old its heartbeat
 * is; see {@link Crashes}. A failed write is kept as {@link #lastFailure()} and tried again at the
 * next beat, since no caller waits on this thread to be told.
 */
final class Heartbeat implements AutoCloseable {

  /** How often a running run's heartbeat is written. */
  static final Duration EVERY = Duration.ofMinutes(1);

  private final Store store;
  private final Duration every;
  private final Set<Long> live = new LinkedHashSet<>();
  private ScheduledExecutorService beats;
  private volatile ExperimentLogException lastFailure;

  Heartbeat(Store store, Duration every) {
    this.store = store;
    this.every = every;
  }

  /** Starts beating for run {@code id} (and starts the thread with the first run). */
  synchronized void add(long id) {
    live.add(id);
    if (beats == null) {
      beats =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "errata-log-heartbeat");
                t.setDaemon(true);
                return t;
              });
      long millis = every.toMillis();
      beats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops beating for run {@code id}, which has ended. */
  synchronized void remove(long id) {
    live.remove(id);
  }

  /** Returns the runs beating now. */
  synchronized List<Long> live() {
    return List.copyOf(live);
  }

  /** Returns the last failed write, or null when the last beat (if any) was written. */
  ExperimentLogException lastFailure() {
    return lastFailure;
  }

  /** Writes the time now as the heartbeat of every live run. */
  void beat() {
    List<Long> ids = live();
    if (ids.isEmpty()) {
      return;
    }
    long now = Run.now().toEpochMilli();
    try {
      store.write(
          "record the heartbeat of running runs",
          c -> {
            try (PreparedStatement p =
                c.prepareStatement(
                    "UPDATE errata_run SET heartbeat_at = ? WHERE id = ? AND status = ?")) {
              for (long id : ids) {
                p.setLong(1, now);
                p.setLong(2, id);
                p.setString(3, RunRecord.Status.RUNNING.word());
                p.executeUpdate();
              }
            }
            return null;
          });
      lastFailure = null;
    } catch (ExperimentLogException e) {
      lastFailure = e;
    }
  }

  /** Stops the thread; runs still live stop beating (their log is closing). */
  @Override
  public synchronized void close() {
    if (beats != null) {
      beats.shutdownNow();
      beats = null;
    }
    live.clear();
  }
}
