package dev.errata.log;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything is created in it, that the schema a JDBC log opens in (PostgreSQL's
 * current schema, {@code public} unless the URL says {@code currentSchema=}) is empty or an Errata
 * log, so that pointing the log at another application's database changes nothing in it. The
 * SQLite counterpart is {@link SqliteFile}.
 */
final class ForeignSchema {

  private ForeignSchema() {}

  /** Throws, changing nothing, when the connection's schema holds tables but no Errata log. */
  static void requireLogOrEmpty(Connection c) throws SQLException {
    String schema = c.getSchema();
    if (schema == null) {
      return; // no schema to create tables in: the first CREATE fails with the driver's reason
    }
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet r = md.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE", "VIEW"})) {
      while (r.next()) {
        tables.add(r.getString("TABLE_NAME"));
      }
    }
    if (tables.isEmpty()
        || tables.stream().anyMatch(t -> t.equalsIgnoreCase(SqliteFile.MARKER))) {
      return;
    }
    tables.sort(String.CASE_INSENSITIVE_ORDER);
    throw new ExperimentLogException(
        "schema \""
            + schema
            + "\" holds tables but is not an Errata experiment log (it has no "
            + SqliteFile.MARKER
            + " table; its tables are "
            + (tables.size() > 10 ? tables.subList(0, 10) + "…" : tables)
            + "); it was left as it was: use an empty database, or give the log a schema of its"
            + " own (CREATE SCHEMA errata, then currentSchema=errata in the URL)");
  }
}
