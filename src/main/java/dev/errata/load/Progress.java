package dev.errata.load;

import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.function.Consumer;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Reports how far a long scan has got: after {@link #AFTER_MILLIS} ms, about once a second, a line
 * such as {@code reading preds.csv: 45 %}, from DuckDB's own query progress.
 */
final class Progress implements AutoCloseable {

  /** Scans shorter than this say nothing. */
  static final long AFTER_MILLIS = 2_000;

  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean spoke;
  private final String source;
  private final Consumer<String> lines;

  private Progress(
      PreparedStatement statement, String source, Consumer<String> lines, long afterMillis) {
    this.source = source;
    this.lines = lines;
    this.thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(afterMillis);
                while (running) {
                  QueryProgress q =
                      statement.unwrap(DuckDBPreparedStatement.class).getQueryProgress();
                  say(q.getPercentage());
                  Thread.sleep(Math.min(1_000, Math.max(50, afterMillis)));
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                // Progress is a courtesy: a statement that cannot say how far it got says nothing.
              }
            },
            "errata-progress");
    thread.setDaemon(true);
    thread.start();
  }

  static Progress watch(PreparedStatement statement, String source, Consumer<String> lines) {
    return new Progress(statement, source, lines, AFTER_MILLIS);
  }

  static Progress watch(
      PreparedStatement statement, String source, Consumer<String> lines, long afterMillis) {
    return new Progress(statement, source, lines, afterMillis);
  }

  private synchronized void say(double percentage) {
    if (running && percentage >= 0) {
      spoke = true;
      lines.accept(String.format(Locale.ROOT, "reading %s: %.0f %%", source, percentage));
    }
  }

  /** Stops reporting; says "done" if it had said anything. */
  synchronized void done() {
    if (running) {
      running = false;
      thread.interrupt();
      if (spoke) {
        lines.accept("reading " + source + ": done");
      }
    }
  }

  @Override
  public void close() {
    done();
  }
}
