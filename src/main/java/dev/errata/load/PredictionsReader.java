package dev.errata.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads predictions from a delimited file or a Tablesaw table; an option bag with a fluent API.
 *
 * <p>{@code PredictionsReader.csv("preds.csv").actual("label").predicted("pred").load()}. Every
 * mistake in the input is reported with the file, row and column, and what was expected.
 */
public final class PredictionsReader {

  private final Path file;
  private final Table given;
  private String actual;
  private String predicted;
  private String id;
  private String score;
  private String weight;
  private String positive;
  private Character separator;
  private boolean dropMissing;

  private PredictionsReader(Path file, Table given) {
    this.file = file;
    this.given = given;
  }

  /** Starts reading a delimited file; the separator is a tab for {@code .tsv}, else a comma. */
  public static PredictionsReader csv(Path file) {
    return new PredictionsReader(file, null);
  }

  /** Starts reading a delimited file given by name. */
  public static PredictionsReader csv(String file) {
    return csv(Path.of(file));
  }

  /** Starts from a table already in memory; the table is not changed. */
  public static PredictionsReader fromTable(Table table) {
    return new PredictionsReader(null, table);
  }

  /** Names the column holding the true label. Required. */
  public PredictionsReader actual(String column) {
    this.actual = column;
    return this;
  }

  /** Names the column holding the predicted label. Required. */
  public PredictionsReader predicted(String column) {
    this.predicted = column;
    return this;
  }

  /** Names the column holding a unique example id. */
  public PredictionsReader id(String column) {
    this.id = column;
    return this;
  }

  /** Names the column holding the score (probability) of the positive class. */
  public PredictionsReader score(String column) {
    this.score = column;
    return this;
  }

  /** Names the column holding sample weights. */
  public PredictionsReader weight(String column) {
    this.weight = column;
    return this;
  }

  /** Names the positive label for binary views (precision, recall, scores). */
  public PredictionsReader positive(String label) {
    this.positive = label;
    return this;
  }

  /** Sets the field separator (default: tab for .tsv files, comma otherwise). */
  public PredictionsReader separator(char sep) {
    this.separator = sep;
    return this;
  }

  /** Drops rows with a missing actual or predicted label, with a warning, instead of failing. */
  public PredictionsReader dropMissing(boolean drop) {
    this.dropMissing = drop;
    return this;
  }

  /** Reads, validates and encodes; throws {@link IllegalArgumentException} naming what is wrong. */
  public Predictions load() {
    if (actual == null || predicted == null) {
      throw new IllegalStateException(
          "Name the label columns first: .actual(\"column\") and .predicted(\"column\")");
    }
    String source = file != null ? file.toString() : given.name();
    Table table = file != null ? readFile() : given;
    requireColumn(table, source, actual, "actual label");
    requireColumn(table, source, predicted, "predicted label");
    for (String[] role :
        new String[][] {{id, "id"}, {score, "score"}, {weight, "weight"}}) {
      if (role[0] != null) {
        requireColumn(table, source, role[0], role[1]);
      }
    }
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException(
          source + " has a header but no rows; expected one row per example");
    }
    List<String> warnings = new ArrayList<>();
    table = handleMissing(table, source, warnings);

    StringColumn a = asStrings(table.column(actual));
    StringColumn p = asStrings(table.column(predicted));
    TreeSet<String> distinct = new TreeSet<>(a.unique().asList());
    distinct.addAll(p.unique().asList());
    Labels labels = Labels.sorted(distinct);
    Map<String, Integer> index = labels.index();
    int[] actualCodes = encode(a, index);
    int[] predictedCodes = encode(p, index);

    double[] weights = weight == null ? null : numbers(table, source, weight, "a number >= 0");
    if (weights != null) {
      for (int i = 0; i < weights.length; i++) {
        if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException(
              rowMessage(source, i, weight)
                  + ": weight "
                  + weights[i]
                  + " is not a finite number >= 0");
        }
      }
    }
    double[] scores = score == null ? null : numbers(table, source, score, "a number in [0, 1]");
    if (scores != null) {
      for (int i = 0; i < scores.length; i++) {
        if (!(scores[i] >= 0 && scores[i] <= 1)) {
          throw new IllegalArgumentException(
              rowMessage(source, i, score) + ": score " + scores[i] + " is outside [0, 1]");
        }
      }
    }
    if (id != null) {
      checkUniqueIds(table, source);
    }
    if (positive != null) {
      labels.require(positive, "positive label");
    }
    Predictions.Roles roles =
        new Predictions.Roles(
            actual,
            predicted,
            Optional.ofNullable(id),
            Optional.ofNullable(score),
            Optional.ofNullable(weight),
            Optional.ofNullable(positive));
    Predictions result =
        new Predictions(
            source, table, roles, labels, actualCodes, predictedCodes, weights, scores, warnings);
    List<String> predictedOnly = result.predictedOnlyLabels();
    if (!predictedOnly.isEmpty()) {
      warnings.add("Predicted but never actual: " + predictedOnly);
      return new Predictions(
          source, table, roles, labels, actualCodes, predictedCodes, weights, scores, warnings);
    }
    return result;
  }

  private Table readFile() {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "No such file: " + file + " (looked in " + file.toAbsolutePath().getParent() + ")");
    }
    try {
      if (Files.size(file) == 0 || isBlank(firstLine(file))) {
        throw new IllegalArgumentException(
            file + " is empty; expected a header row naming the columns, then one row per example");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    char sep =
        separator != null ? separator : file.toString().endsWith(".tsv") ? '\t' : ',';
    Map<String, ColumnType> types = new LinkedHashMap<>();
    types.put(actual, ColumnType.STRING);
    types.put(predicted, ColumnType.STRING);
    if (id != null) {
      types.put(id, ColumnType.STRING);
    }
    CsvReadOptions options =
        CsvReadOptions.builder(file.toFile())
            .separator(sep)
            .columnTypesPartial(types)
            .tableName(file.getFileName().toString())
            .build();
    try {
      return Table.read().usingOptions(options);
    } catch (AddCellToColumnException e) {
      throw new IllegalArgumentException(
          file
              + " row "
              + String.format(java.util.Locale.ROOT, "%,d", e.getRowNumber())
              + ", column \""
              + e.getColumnName()
              + "\": "
              + rootMessage(e),
          e);
    }
  }

  private static String firstLine(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file)) {
      return reader.readLine();
    }
  }

  private static boolean isBlank(String line) {
    return line == null || line.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void requireColumn(Table table, String source, String column, String role) {
    if (!table.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "No column \""
              + column
              + "\" ("
              + role
              + ") in "
              + source
              + "; columns are "
              + table.columnNames());
    }
  }

  private Table handleMissing(Table table, String source, List<String> warnings) {
    List<Integer> missing = new ArrayList<>();
    Column<?> a = table.column(actual);
    Column<?> p = table.column(predicted);
    for (int i = 0; i < table.rowCount(); i++) {
      if (a.isMissing(i) || p.isMissing(i)) {
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return table;
    }
    List<String> first = new ArrayList<>();
    for (int i = 0; i < Math.min(5, missing.size()); i++) {
      first.add(String.valueOf(missing.get(i) + 1));
    }
    String what =
        missing.size()
            + " row(s) of "
            + source
            + " have no actual (\""
            + actual
            + "\") or predicted (\""
            + predicted
            + "\") label; first rows "
            + first;
    if (!dropMissing) {
      throw new IllegalArgumentException(
          what + ". Fill them in, or drop them with dropMissing(true) (magic: --drop-missing)");
    }
    warnings.add("Dropped " + what);
    int[] rows = missing.stream().mapToInt(Integer::intValue).toArray();
    return table.dropRows(rows);
  }

  private static StringColumn asStrings(Column<?> column) {
    if (column instanceof StringColumn s) {
      return s;
    }
    return column.asStringColumn();
  }

  /** Encodes each row by its dictionary key, so no string is hashed per row. */
  private static int[] encode(StringColumn column, Map<String, Integer> index) {
    DictionaryMap dict = column.getDictionary();
    int n = column.size();
    Map<Integer, Integer> keyToCode = new HashMap<>();
    int maxKey = 0;
    for (int i = 0; i < n && keyToCode.size() < dict.countUnique(); i++) {
      int key = dict.getKeyForIndex(i);
      if (!keyToCode.containsKey(key)) {
        keyToCode.put(key, index.get(dict.getValueForKey(key)));
        maxKey = Math.max(maxKey, key);
      }
    }
    int offset = keyToCode.keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
    int[] lookup = new int[maxKey - offset + 1];
    keyToCode.forEach((k, v) -> lookup[k - offset] = v);
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = lookup[dict.getKeyForIndex(i) - offset];
    }
    return codes;
  }

  private static double[] numbers(Table table, String source, String column, String expected) {
    Column<?> c = table.column(column);
    double[] out = new double[table.rowCount()];
    if (c instanceof NumericColumn<?> numeric) {
      for (int i = 0; i < out.length; i++) {
        if (numeric.isMissing(i)) {
          throw new IllegalArgumentException(
              rowMessage(source, i, column) + ": missing value; expected " + expected);
        }
        out[i] = numeric.getDouble(i);
      }
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      String s = c.getString(i);
      try {
        out[i] = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            rowMessage(source, i, column) + ": \"" + s + "\" is not a number; expected " + expected,
            e);
      }
    }
    return out;
  }

  private void checkUniqueIds(Table table, String source) {
    StringColumn ids = asStrings(table.column(id));
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Integer before = seen.putIfAbsent(ids.get(i), i);
      if (before != null) {
        throw new IllegalArgumentException(
            rowMessage(source, i, id)
                + ": duplicate id \""
                + ids.get(i)
                + "\" (first seen at row "
                + (before + 1)
                + "); ids must be unique");
      }
    }
  }

  static String rowMessage(String source, int row, String column) {
    return String.format(
        java.util.Locale.ROOT, "Row %,d of %s, column \"%s\"", row + 1, source, column);
  }
}
