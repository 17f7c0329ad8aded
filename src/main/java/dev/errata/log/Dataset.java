package dev.errata.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Identifies the data set a run used: its SHA-256 over the whole file and, for CSV and TSV files,
 * its rows (records after the header; quoted line breaks stay inside a record) and columns.
 *
 * @param name what the run calls it (the file name unless given)
 * @param path the absolute path at the time of the run
 * @param sha256 hex SHA-256 of the file's bytes
 * @param sizeBytes the file's size
 * @param rows data rows, empty for files that are not CSV/TSV
 * @param columns header columns, empty for files that are not CSV/TSV
 */
public record Dataset(
    String name, String path, String sha256, long sizeBytes, OptionalLong rows, OptionalInt columns) {

  /** Reads {@code file} once: hashes it and, for .csv/.tsv/.tab, counts rows and columns. */
  public static Dataset of(String name, Path file) {
    Params.requireName("data set", name);
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      throw new IllegalArgumentException("Data set " + abs + " is not a readable file");
    }
    String lower = abs.getFileName().toString().toLowerCase(Locale.ROOT);
    char sep =
        lower.endsWith(".csv") ? ',' : lower.endsWith(".tsv") || lower.endsWith(".tab") ? '\t' : 0;
    MessageDigest digest = Hashing.sha256();
    Scanner scan = new Scanner(sep);
    long size = 0;
    try (InputStream in = Files.newInputStream(abs)) {
      byte[] buf = new byte[Hashing.BLOCK];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
        size += n;
        if (sep != 0) {
          scan.accept(buf, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data set " + abs, e);
    }
    if (sep == 0) {
      return new Dataset(name, abs.toString(), Hashing.hex(digest), size, OptionalLong.empty(), OptionalInt.empty());
    }
    long records = scan.records();
    return new Dataset(
        name,
        abs.toString(),
        Hashing.hex(digest),
        size,
        OptionalLong.of(Math.max(0, records - 1)),
        OptionalInt.of(records == 0 ? 0 : scan.headerColumns()));
  }

  /**
   * Identifies a table held in memory: SHA-256 of the table written as CSV (a header of the column
   * names, then one line per row, each cell as text, missing cells empty, cells holding {@code ,}
   * {@code "} or a line break quoted as RFC 4180 says, lines ending in {@code \n}), and its rows
   * and columns. So a table hashes like a CSV file holding exactly that text.
   *
   * @param path where the table came from, e.g. {@code "(table t in memory)"}
   */
  public static Dataset ofTable(String name, String path, tech.tablesaw.api.Table table) {
    Params.requireName("data set", name);
    MessageDigest digest = Hashing.sha256();
    long[] size = {0};
    java.util.function.Consumer<String> line =
        text -> {
          byte[] bytes = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
          digest.update(bytes);
          size[0] += bytes.length;
        };
    line.accept(String.join(",", table.columnNames().stream().map(Dataset::csvCell).toList()));
    for (int r = 0; r < table.rowCount(); r++) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < table.columnCount(); c++) {
        var column = table.column(c);
        row.append(c == 0 ? "" : ",")
            .append(column.isMissing(r) ? "" : csvCell(column.getString(r)));
      }
      line.accept(row.toString());
    }
    return new Dataset(
        name,
        path,
        Hashing.hex(digest),
        size[0],
        OptionalLong.of(table.rowCount()),
        OptionalInt.of(table.columnCount()));
  }

  /** Returns this data set with {@code rows} and {@code columns} where the file scan had none. */
  public Dataset withShape(long rows, int columns) {
    return rows().isPresent()
        ? this
        : new Dataset(
            name, path, sha256, sizeBytes, OptionalLong.of(rows), OptionalInt.of(columns));
  }

  private static String csvCell(String text) {
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  /** Counts delimited records the way RFC 4180 reads them: a quoted field may hold line breaks. */
  private static final class Scanner {
    private final byte sep;
    private boolean quoted;
    private boolean lineHasContent;
    private long records;
    private int columns = 1;

    Scanner(char sep) {
      this.sep = (byte) sep;
    }

    void accept(byte[] buf, int n) {
      for (int i = 0; i < n; i++) {
        byte b = buf[i];
        if (b == '"') {
          quoted = !quoted; // an escaped quote ("") toggles twice
          lineHasContent = true;
        } else if (quoted) {
          continue;
        } else if (b == '\n') {
          if (lineHasContent) {
            records++;
          }
          lineHasContent = false;
        } else if (b != '\r') {
          if (b == sep && records == 0) {
            columns++;
          }
          lineHasContent = true;
        }
      }
    }

    long records() {
      return records + (lineHasContent ? 1 : 0);
    }

    int headerColumns() {
      return columns;
    }
  }
}
