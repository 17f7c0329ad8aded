package dev.errata.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes CSV in two forms, both RFC 4180 in UTF-8 and quoted by {@link Csv#field}: rows of data as
 * written (files the readers load back, so no cell is changed), and whole tables for a spreadsheet
 * (cells a spreadsheet would run as a formula get a leading {@code '}, see {@link
 * Csv#spreadsheetField}; numbers stay numbers).
 */
public final class CsvWriter implements AutoCloseable {

  private final Path file;
  private final BufferedWriter out;

  private CsvWriter(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** Creates {@code file} (and its folders), writes {@code header} and returns the open writer. */
  public static CsvWriter open(Path file, List<String> header) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      CsvWriter w = new CsvWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
      w.row(header.toArray());
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Writes one row of data, each field as {@code String.valueOf} gives it, ended by {@code \n}. */
  public void row(Object... fields) {
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(Csv.field(String.valueOf(fields[i]), ','));
      }
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Writes {@code table} for a spreadsheet, atomically: a header of column names, then one line per
   * row ended by CRLF; whole numbers without a decimal point, others as {@link Double#toString}
   * (no locale digits), missing cells empty, text formula-safe.
   *
   * @throws IllegalArgumentException when {@code file} exists and {@code overwrite} is false
   */
  public static Path writeTable(Table table, Path file, boolean overwrite) {
    return AtomicFile.write(file, overwrite, w -> tableRows(table, w));
  }

  private static void tableRows(Table table, Writer w) throws IOException {
    for (int j = 0; j < table.columnCount(); j++) {
      w.write((j == 0 ? "" : ",") + Csv.spreadsheetField(table.column(j).name(), ','));
    }
    w.write("\r\n");
    for (int r = 0; r < table.rowCount(); r++) {
      for (int j = 0; j < table.columnCount(); j++) {
        w.write((j == 0 ? "" : ",") + tableCell(table.column(j), r));
      }
      w.write("\r\n");
    }
  }

  private static String tableCell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(row);
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return Csv.spreadsheetField(c.getString(row), ',');
  }
}
