package dev.errata.baseline;

import dev.errata.internal.Where;

import dev.errata.internal.Csv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads a table of (category, accuracy) rows into fixed baselines, checking every cell. */
final class HlpTables {

  private HlpTables() {}

  static List<BaselineSource.Fixed> read(Path file, BaselineKind kind) {
    Csv csv = Csv.read(file);
    String name = file.getFileName().toString();
    int category = find(csv.header(), name, "category", "category");
    int accuracy = find(csv.header(), name, "accuracy", "accuracy", "hlp");
    int source = indexIgnoringCase(csv.header(), "source");
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < csv.rows().size(); r++) {
      String detail = source < 0 || csv.cell(r, source).isBlank() ? "" : ", " + csv.cell(r, source).trim();
      rows.add(new Row(csv.cell(r, category), csv.cell(r, accuracy), detail));
    }
    return build(rows, name, csv.header().get(category), csv.header().get(accuracy), kind);
  }

  static List<BaselineSource.Fixed> fromTable(
      Table table, String categoryColumn, String accuracyColumn, BaselineKind kind) {
    String name = table.name() == null || table.name().isBlank() ? "the baseline table" : table.name();
    for (String c : List.of(categoryColumn, accuracyColumn)) {
      if (!table.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "No column \"" + c + "\" in " + name + "; columns are " + table.columnNames());
      }
    }
    Column<?> cat = table.column(categoryColumn);
    Column<?> acc = table.column(accuracyColumn);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      rows.add(
          new Row(
              cat.isMissing(r) ? "" : cat.getString(r),
              acc.isMissing(r) ? "" : String.valueOf(acc.get(r)),
              ""));
    }
    return build(rows, name, categoryColumn, accuracyColumn, kind);
  }

  private record Row(String category, String accuracy, String detail) {}

  private static List<BaselineSource.Fixed> build(
      List<Row> rows, String name, String categoryColumn, String accuracyColumn, BaselineKind kind) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          name + " has no rows; expected one row per category with its accuracy");
    }
    List<BaselineSource.Fixed> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      String category = row.category().trim();
      if (category.isEmpty()) {
        throw new IllegalArgumentException(where(r, name, categoryColumn) + ": category is empty");
      }
      double value = parse(row.accuracy(), where(r, name, accuracyColumn));
      BaselineSource.Fixed fixed = new BaselineSource.Fixed(category, value, kind, kind.label() + " (" + name + row.detail() + ")");
      for (BaselineSource.Fixed before : out) {
        if (before.matches(category)) {
          throw new IllegalArgumentException(
              where(r, name, categoryColumn)
                  + ": category \""
                  + category
                  + "\" repeats \""
                  + before.category()
                  + "\" of row "
                  + (seen.get(before.category()) + 1)
                  + "; give each category once");
        }
      }
      seen.put(category, r);
      out.add(fixed);
    }
    return out;
  }

  /** Parses {@code 0.95}, {@code 95%} or {@code 95 %}; anything outside [0, 1] is an error. */
  static double parse(String cell, String where) {
    String s = cell.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException(where + ": accuracy is empty; expected a number in [0, 1]");
    }
    boolean percent = s.endsWith("%");
    String number = percent ? s.substring(0, s.length() - 1).trim() : s;
    double v;
    try {
      v = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": \"" + cell + "\" is not a number; expected an accuracy such as 0.95 or 95 %", e);
    }
    double value = percent ? v / 100 : v;
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          where
              + ": accuracy "
              + s
              + " is outside [0, 1]; write a fraction (0.95) or a percentage with % (95 %)");
    }
    return value;
  }

  private static String where(int row, String name, String column) {
    return Where.cell(row + 1L, name, column);
  }

  private static int find(List<String> header, String file, String what, String... names) {
    for (String n : names) {
      int i = indexIgnoringCase(header, n);
      if (i >= 0) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "No column \""
            + names[0]
            + "\" ("
            + what
            + ") in "
            + file
            + "; columns are "
            + header
            + ". A baseline table has columns category, accuracy (and optionally source)");
  }

  private static int indexIgnoringCase(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
