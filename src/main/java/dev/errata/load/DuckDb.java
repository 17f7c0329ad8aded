package dev.errata.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The embedded DuckDB database every file is read through, and the one place that writes
 * DuckDB-only SQL (table functions, COPY); the counting queries elsewhere are plain GROUP BY.
 *
 * <p>One in-process database per JVM, each caller on its own duplicated connection. Its memory
 * limit defaults to a quarter of the machine's memory (the JVM's default heap takes another
 * quarter); past it DuckDB spills to {@code <cache>/spill}. Change it with the system property
 * or environment variable {@code errata.duckdb.memory} / {@code ERRATA_DUCKDB_MEMORY} (e.g. {@code
 * 4GB}).
 */
final class DuckDb {

  /**
   * Longest CSV line read (16 MB: any realistic cell); DuckDB sizes its read buffers by it, so it
   * is bounded, and the buffer is set to twice it rather than DuckDB's default of sixteen times.
   */
  static final long MAX_LINE = 16L << 20;

  private static DuckDBConnection root;

  private DuckDb() {}

  /** Returns a new connection to the shared in-process database. */
  static synchronized Connection connect() {
    try {
      if (root == null) {
        Properties props = new Properties();
        props.setProperty("memory_limit", memoryLimit());
        props.setProperty("temp_directory", FileCache.directory().resolve("spill").toString());
        root = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", props);
      }
      Connection c = root.duplicate();
      try (var s = c.createStatement()) {
        // Progress is tracked only with the progress bar on; never printed by DuckDB itself.
        s.execute("SET enable_progress_bar = true");
        s.execute("SET enable_progress_bar_print = false");
        // Track from the start (DuckDB's default waits 2 s); Progress decides when to speak.
        s.execute("SET progress_bar_time = 0");
      }
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start the embedded DuckDB engine: " + e.getMessage(), e);
    }
  }

  /** Returns DuckDB's memory limit: the configured one, or a quarter of physical memory. */
  static String memoryLimit() {
    String configured = System.getProperty("errata.duckdb.memory", System.getenv("ERRATA_DUCKDB_MEMORY"));
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    long total = 8L << 30;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
    }
    return Math.max(256, total / 4 / (1 << 20)) + "MB";
  }

  /** Quotes an identifier: {@code "name"} with inner quotes doubled. */
  static String name(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quotes a string literal: {@code 'text'} with inner quotes doubled. */
  static String text(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** Returns a SQL list literal of strings, e.g. {@code ['a', 'b']}. */
  static String list(List<String> values) {
    StringJoiner j = new StringJoiner(", ", "[", "]::VARCHAR[]");
    values.forEach(v -> j.add(text(v)));
    return j.toString();
  }

  /**
   * Returns the table function reading a delimited file exactly as written: every column text, no
   * type sniffing, no comment lines, no missing-value words (only an empty cell is missing), a
   * wrong number of fields is an error.
   */
  static String csv(Path file, char separator, List<String> header) {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    header.forEach(c -> columns.add(text(c) + ": 'VARCHAR'"));
    return "read_csv("
        + text(file.toString())
        + ", header = true, auto_detect = false, delim = "
        + text(String.valueOf(separator))
        + ", quote = '\"', escape = '\"', comment = '', strict_mode = true, null_padding = false"
        + ", max_line_size = "
        + MAX_LINE
        + ", buffer_size = "
        + 2 * MAX_LINE
        + ", columns = "
        + columns
        + ")";
  }

  /** Returns the table function reading Parquet files (one file, a glob, or a folder). */
  static String parquet(String files) {
    return "read_parquet(" + text(files) + ")";
  }

  /** Returns the SQL reading exactly {@code files}, in this order, as one table. */
  static String parquet(List<Path> files) {
    StringBuilder list = new StringBuilder("[");
    for (Path f : files) {
      if (list.length() > 1) {
        list.append(", ");
      }
      list.append(text(f.toString()));
    }
    return "read_parquet(" + list.append(']') + ")";
  }

  /** Returns the files a glob pattern matches now, sorted by name as DuckDB reads them. */
  static List<Path> glob(Connection connection, String pattern) throws SQLException {
    List<Path> out = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet r = st.executeQuery("SELECT file FROM glob(" + text(pattern) + ") ORDER BY file")) {
      while (r.next()) {
        out.add(Path.of(r.getString(1)));
      }
    }
    return out;
  }

  /** Returns the statement writing {@code query} to a Parquet file, zstd-compressed. */
  static String copyToParquet(String query, Path target) {
    return "COPY ("
        + query
        + ") TO "
        + text(target.toString())
        + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)";
  }

  /**
   * Returns SQL true when {@code column} holds one of {@code values} (as JDBC gave them: a null is
   * a missing cell), or empty when a value has no exact literal here and the caller should compare
   * text instead.
   */
  static java.util.Optional<String> oneOf(String column, List<Object> values) {
    StringJoiner in = new StringJoiner(", ");
    boolean missing = false;
    for (Object v : values) {
      if (v == null) {
        missing = true;
      } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
          || v instanceof java.math.BigInteger) {
        in.add(v.toString());
      } else if (v instanceof Boolean b) {
        in.add(b ? "TRUE" : "FALSE");
      } else if (v instanceof String t) {
        in.add(text(t));
      } else if (v instanceof Double d) {
        // Java's shortest repr of a double reads back as the same double.
        in.add("CAST(" + text(Double.toString(d)) + " AS DOUBLE)");
      } else {
        return java.util.Optional.empty();
      }
    }
    List<String> parts = new ArrayList<>();
    if (in.length() > 0) {
      parts.add(column + " IN (" + in + ")");
    }
    if (missing) {
      parts.add(column + " IS NULL");
    }
    return java.util.Optional.of(parts.isEmpty() ? "false" : "(" + String.join(" OR ", parts) + ")");
  }

  /**
   * Returns a query over the rows of {@code from} (numbered from 0 in scan order, where {@code
   * keep} holds; only {@code columns} are read) giving one row with, per condition, a BLOB of
   * {@code bytes} bytes whose bit 7 - (r % 8) of byte r / 8 is set when row r meets it (NULL when
   * no row does). DuckDB's {@code bitstring_agg} packs the bits, so the JVM receives n / 8 bytes per
   * condition instead of n values.
   */
  static String bitStrings(List<String> conditions, List<String> columns, String from, String keep, long bytes) {
    StringJoiner select = new StringJoiner(", ", "SELECT ", "");
    for (String c : conditions) {
      select.add(
          "bitstring_agg(__errata_row, 0, "
              + (bytes * 8 - 1)
              + ") FILTER (WHERE "
              + c
              + ")::BLOB");
    }
    StringJoiner read = new StringJoiner(", ");
    columns.forEach(c -> read.add(name(c)));
    return select
        + " FROM (SELECT row_number() OVER () - 1 AS __errata_row, "
        + read
        + " FROM "
        + from
        + " WHERE "
        + keep
        + ")";
  }

  /** Returns the 0-based position of {@code value} in the SQL list {@code list}, -1 if absent. */
  static String position(String list, String value) {
    return "list_position(" + list + ", " + value + ") - 1";
  }

  /** Returns {@code query}'s rows numbered from 0 in scan order, the number column dropped. */
  static String numberedRows(String select, String from, String keep, String wanted) {
    return "SELECT * EXCLUDE (__errata_row) FROM (SELECT row_number() OVER () - 1 AS __errata_row, "
        + select
        + " FROM "
        + from
        + " WHERE "
        + keep
        + ") WHERE __errata_row IN ("
        + wanted
        + ") ORDER BY __errata_row";
  }

  /** Returns SQL true when text {@code cell} matches the Java-syntax {@code regex} whole. */
  static String matches(String cell, String regex) {
    return "regexp_full_match(" + cell + ", " + text(regex) + ")";
  }

  /** Returns the cell as a DOUBLE, NULL when it does not parse. */
  static String tryDouble(String cell) {
    return "TRY_CAST(" + cell + " AS DOUBLE)";
  }

  /** Returns a numeric cell as a DOUBLE. */
  static String asDouble(String cell) {
    return "CAST(" + cell + " AS DOUBLE)";
  }

  /** Returns SQL true when the DOUBLE {@code value} is finite. */
  static String finite(String value) {
    return "isfinite(" + value + ")";
  }

  /** Returns SQL true when the numeric cell is NaN. */
  static String nan(String cell) {
    return "isnan(" + asDouble(cell) + ")";
  }

  /** Returns the aggregate giving the second smallest value of {@code expr} in a group. */
  static String secondSmallest(String expr) {
    return "list_sort(list(" + expr + "))[2]";
  }

  /** Returns the SQL text of a label cell: numbers whole without ".0", as scikit-learn compares. */
  static String labelText(String column, String type) {
    String c = name(column);
    String t = type.toUpperCase(Locale.ROOT);
    if (t.equals("VARCHAR")) {
      return c;
    }
    if (t.equals("DOUBLE") || t.equals("FLOAT") || t.startsWith("DECIMAL")) {
      return "CASE WHEN isfinite("
          + c
          + "::DOUBLE) AND "
          + c
          + " = trunc("
          + c
          + ") AND abs("
          + c
          + ") < 1e15 THEN CAST(CAST("
          + c
          + " AS BIGINT) AS VARCHAR) ELSE CAST("
          + c
          + " AS VARCHAR) END";
    }
    return "CAST(" + c + " AS VARCHAR)";
  }
}
