package dev.errata.log;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The log's database connection: opens it (SQLite in WAL mode with a busy timeout, so several
 * processes can write at once), upgrades the schema, and runs every write in its own transaction,
 * so a crash loses nothing already committed. Safe to share between threads.
 */
final class Store implements AutoCloseable {

  /** How long a writer waits for another process's write lock before failing. */
  static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private final Location location;
  private final Dialect dialect;
  private final Connection connection;

  private Store(Location location, Dialect dialect, Connection connection) {
    this.location = location;
    this.dialect = dialect;
    this.connection = connection;
  }

  /** A unit of work inside one transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  static Store open(Location location, List<List<String>> migrations, int busyTimeoutMillis) {
    location.checkFolder();
    location.file().ifPresent(f -> SqliteFile.requireLogOrNew(f, migrations.size()));
    Dialect dialect = Dialect.of(location.url());
    Properties props = location.properties();
    if (dialect == Dialect.SQLITE) {
      props.setProperty("busy_timeout", Integer.toString(busyTimeoutMillis));
      props.setProperty("journal_mode", "WAL");
      // FULL: a committed run survives even a power cut, not only a killed process.
      props.setProperty("synchronous", "FULL");
      props.setProperty("foreign_keys", "true");
    }
    Driver driver = driver(location);
    Connection c;
    try {
      c = driver.connect(location.url(), props);
    } catch (SQLException e) {
      throw failure("open", location, e);
    } catch (RuntimeException e) { // a driver's own unchecked error may echo the URL too
      throw new ExperimentLogException(
          "Cannot open experiment log " + location.shown() + ": " + location.redact(e.toString()),
          location.scrub(e));
    }
    if (c == null) {
      throw new ExperimentLogException(
          "Cannot open experiment log " + location.shown() + ": the JDBC driver does not accept"
              + " this URL");
    }
    try {
      if (dialect != Dialect.SQLITE) { // a SQLite file was checked before it was opened
        ForeignSchema.requireLogOrEmpty(c);
      }
    } catch (SQLException | ExperimentLogException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof ExperimentLogException x) {
        throw new ExperimentLogException(
            "Cannot open experiment log " + location.shown() + ": " + x.getMessage());
      }
      throw failure("open", location, (SQLException) e);
    }
    try {
      Schema.migrate(c, dialect, migrations);
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw failure("prepare the tables of", location, e);
    }
    return new Store(location, dialect, c);
  }

  Location location() {
    return location;
  }

  /** Runs {@code work} in a write transaction: all of it is saved, or none of it. */
  synchronized <T> T write(String what, Work<T> work) {
    return inTransaction(true, what, work);
  }

  /** Runs {@code work} in a read transaction, so it sees one consistent state. */
  synchronized <T> T read(String what, Work<T> work) {
    return inTransaction(false, what, work);
  }

  private <T> T inTransaction(boolean write, String what, Work<T> work) {
    try {
      dialect.begin(connection, write);
    } catch (SQLException e) {
      throw failure(what + " in", location, e);
    }
    try {
      T result = work.run(connection);
      dialect.commit(connection);
      return result;
    } catch (SQLException | RuntimeException e) {
      Schema.rollbackQuietly(connection, dialect, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw failure(what + " in", location, (SQLException) e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", location, e);
    }
  }

  /**
   * Returns the error for a failed {@code what}; the driver's message and the cause are copies
   * with every password hidden, since drivers may echo the URL or the credentials.
   */
  static ExperimentLogException failure(String what, Location location, SQLException e) {
    return new ExperimentLogException(
        "Cannot " + what + " experiment log " + location.shown() + ": "
            + location.redact(e.getMessage()),
        location.scrub(e));
  }

  /** Finds a driver for the URL, also among jars added to a notebook after start-up. */
  private static Driver driver(Location location) {
    String url = location.url();
    if (url.startsWith("jdbc:sqlite:")) {
      return new org.sqlite.JDBC();
    }
    for (ClassLoader loader :
        new ClassLoader[] {Thread.currentThread().getContextClassLoader(), Store.class.getClassLoader()}) {
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        try {
          if (d.acceptsURL(url)) {
            return d;
          }
        } catch (SQLException e) {
          // a driver that cannot judge the URL is not the one
        }
      }
    }
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      String scheme = url.split(":").length > 1 ? url.split(":")[1] : url;
      throw new ExperimentLogException(
          "No JDBC driver accepts experiment log " + location.shown() + "; add the " + scheme
              + " driver's jar to the class path"
              + (scheme.equals("postgresql")
                  ? " (in a notebook: %maven org.postgresql:postgresql:42.7.13)"
                  : ""),
          location.scrub(e));
    }
  }
}
