package dev.errata.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads a CSV or TSV file with Tablesaw, typing the role columns and naming bad cells. */
final class DelimitedFile {

  /** Rows read to detect column types before the single full parse. */
  static final int DETECTION_ROWS = 20_000;

  private DelimitedFile() {}

  /**
   * Reads {@code file}; role columns get the given types (labels as text, scores as numbers), the
   * rest are detected by Tablesaw.
   *
   * @param separator the field separator, or null for a tab with {@code .tsv}, else a comma
   * @param expected what each numeric role column should hold, for error messages
   * @param probabilityPrefix columns starting with it are read as numbers; may be null
   */
  static Table read(
      Path file,
      Character separator,
      Map<String, ColumnType> types,
      Map<String, String> expected,
      String probabilityPrefix) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "No such file: " + file + " (looked in " + file.toAbsolutePath().getParent() + ")");
    }
    char sep = separator != null ? separator : file.toString().endsWith(".tsv") ? '\t' : ',';
    String header;
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      header = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException(
          file + " is empty; expected a header row naming the columns, then one row per example");
    }
    Map<String, ColumnType> typed = new java.util.LinkedHashMap<>(types);
    if (probabilityPrefix != null) {
      for (String name : header.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)) {
        String clean = name.strip().replaceAll("^\"|\"$", "");
        if (clean.startsWith(probabilityPrefix)) {
          typed.put(clean, ColumnType.DOUBLE);
          expected.putIfAbsent(clean, "a probability in [0, 1]");
        }
      }
    }
    ColumnType[] all = typesFromFirstRows(file, sep, typed);
    if (all != null) {
      try {
        return Table.read().usingOptions(options(file, sep).columnTypes(all).build());
      } catch (AddCellToColumnException e) {
        if (expected.containsKey(e.getColumnName())) {
          throw badCell(file, e, expected);
        }
        // A later row does not fit the types of the first rows: let Tablesaw detect over the
        // whole file, as a plain read does.
      }
    }
    try {
      return Table.read().usingOptions(options(file, sep).columnTypesPartial(typed).build());
    } catch (AddCellToColumnException e) {
      throw badCell(file, e, expected);
    }
  }

  private static CsvReadOptions.Builder options(Path file, char sep) {
    return CsvReadOptions.builder(file.toFile())
        .separator(sep)
        .tableName(file.getFileName().toString());
  }

  /**
   * Returns every column's type as Tablesaw detects it on the first {@link #DETECTION_ROWS} rows,
   * so the whole file is parsed once instead of twice (Tablesaw's detection reads every row); null
   * for a smaller file or when those rows do not parse.
   */
  private static ColumnType[] typesFromFirstRows(
      Path file, char sep, Map<String, ColumnType> typed) {
    StringBuilder text = new StringBuilder(1 << 20);
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      for (int i = 0; i <= DETECTION_ROWS; i++) {
        String line = reader.readLine();
        if (line == null) {
          return null;
        }
        text.append(line).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    try {
      Table first =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(new StringReader(text.toString()))
                      .separator(sep)
                      .columnTypesPartial(typed)
                      .build());
      return first.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static IllegalArgumentException badCell(
      Path file, AddCellToColumnException e, Map<String, String> expected) {
    String column = e.getColumnName();
    int row = (int) e.getRowNumber() - 1;
    String value = cell(e);
    if (expected.containsKey(column) && value != null) {
      return new IllegalArgumentException(
          Columns.notANumber(file.toString(), row, column, value, expected.get(column)), e);
    }
    return new IllegalArgumentException(
        file
            + " row "
            + String.format(Locale.ROOT, "%,d", e.getRowNumber())
            + ", column \""
            + column
            + "\": "
            + rootMessage(e),
        e);
  }

  /** Returns the text of the failing cell; Tablesaw only exposes it through {@code dumpRow}. */
  private static String cell(AddCellToColumnException e) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
      e.dumpRow(out);
    }
    String prefix = "Column " + e.getColumnIndex() + " " + e.getColumnName() + " : ";
    for (String line : bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
