package dev.errata.log;

import dev.errata.internal.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a table as RFC 4180 CSV for spreadsheets: UTF-8, exact numbers, no locale digits, text
 * that a spreadsheet would run as a formula prefixed with {@code '} (numbers stay numbers).
 */
final class Csv {

  private Csv() {}

  static Path write(Table table, Path file, boolean overwrite) {
    return AtomicFile.write(file, overwrite, w -> rows(table, w));
  }

  private static void rows(Table table, Writer w) throws IOException {
    for (int j = 0; j < table.columnCount(); j++) {
      w.write((j == 0 ? "" : ",") + text(table.column(j).name()));
    }
    w.write("\r\n");
    for (int r = 0; r < table.rowCount(); r++) {
      for (int j = 0; j < table.columnCount(); j++) {
        w.write((j == 0 ? "" : ",") + cell(table.column(j), r));
      }
      w.write("\r\n");
    }
  }

  private static String cell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(row);
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return text(c.getString(row));
  }

  private static String text(String s) {
    return dev.errata.internal.Csv.spreadsheetField(s, ',');
  }
}
