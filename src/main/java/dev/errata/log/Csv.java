package dev.errata.log;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Writes a table as RFC 4180 CSV for spreadsheets: UTF-8, exact numbers, no locale digits. */
final class Csv {

  private Csv() {}

  static Path write(Table table, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int j = 0; j < table.columnCount(); j++) {
        w.write((j == 0 ? "" : ",") + quote(table.column(j).name()));
      }
      w.write("\r\n");
      for (int r = 0; r < table.rowCount(); r++) {
        for (int j = 0; j < table.columnCount(); j++) {
          w.write((j == 0 ? "" : ",") + cell(table.column(j), r));
        }
        w.write("\r\n");
      }
    }
    return file;
  }

  private static String cell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(row);
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return quote(c.getString(row));
  }

  static String quote(String s) {
    return dev.errata.internal.Csv.field(s, ',');
  }
}
