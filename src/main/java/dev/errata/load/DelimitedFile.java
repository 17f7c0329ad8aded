package dev.errata.load;

import java.io.BufferedReader;
import java.io.IOException;
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
    CsvReadOptions options =
        CsvReadOptions.builder(file.toFile())
            .separator(sep)
            .columnTypesPartial(typed)
            .tableName(file.getFileName().toString())
            .build();
    try {
      return Table.read().usingOptions(options);
    } catch (AddCellToColumnException e) {
      String column = e.getColumnName();
      int row = (int) e.getRowNumber() - 1;
      String value = cell(e);
      if (expected.containsKey(column) && value != null) {
        throw new IllegalArgumentException(
            Columns.notANumber(file.toString(), row, column, value, expected.get(column)), e);
      }
      throw new IllegalArgumentException(
          file
              + " row "
              + String.format(Locale.ROOT, "%,d", e.getRowNumber())
              + ", column \""
              + column
              + "\": "
              + rootMessage(e),
          e);
    }
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
