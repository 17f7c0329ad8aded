package dev.errata.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Checks, before anything writes to it, that an existing file given as a log is an empty SQLite
 * database or an Errata log (it has the {@code errata_schema_version} table) at a schema version
 * this Errata reads, so that opening a foreign file (a text file, another program's database) or a
 * newer Errata's log fails and leaves every byte of it as it was: no WAL switch, no tables created.
 */
final class SqliteFile {

  /** The first 16 bytes of every SQLite database file. */
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** The table every Errata log has from its first migration on. */
  static final String MARKER = "errata_schema_version";

  private SqliteFile() {}

  /**
   * Throws, changing nothing, when {@code file} exists and is not an empty database or a log at
   * schema version {@code latest} or earlier.
   */
  static void requireLogOrNew(Path file, int latest) {
    String prefix = "Cannot open experiment log " + file + ": ";
    String leave = "; it was left as it was: choose another file for the log";
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        return;
      }
      byte[] head = new byte[MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n < MAGIC.length || !java.util.Arrays.equals(head, MAGIC)) {
        throw new ExperimentLogException(
            prefix + "not a database (a SQLite file starts with \"SQLite format 3\")" + leave);
      }
    } catch (IOException e) {
      throw new ExperimentLogException(prefix + "cannot read it (" + e.getMessage() + ")", e);
    }
    List<String> tables = new ArrayList<>();
    int version = 0;
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(Store.BUSY_TIMEOUT_MILLIS);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      if (tables.contains(MARKER)) {
        version = Schema.version(c);
      }
    } catch (SQLException e) {
      throw new ExperimentLogException(
          prefix + "cannot read its tables (" + e.getMessage() + ")" + leave, e);
    }
    if (!tables.isEmpty() && !tables.contains(MARKER)) {
      throw new ExperimentLogException(
          prefix
              + "a SQLite database, but not an Errata experiment log (it has no "
              + MARKER
              + " table; its tables are "
              + (tables.size() > 10 ? tables.subList(0, 10) + "…" : tables)
              + ")"
              + leave);
    }
    if (version > latest) {
      throw new ExperimentLogException(
          prefix + Schema.newer(version, latest) + "; it was left as it was");
    }
  }
}
