package dev.errata.load;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Reads predictions held in a Spark {@code Dataset<Row>} under the same input policy as files:
 * labels are text as written (a number column reads as its number, 1.0 as "1"), only an empty
 * cell or a named marker is missing, weights, scores and probabilities must be numbers written in
 * one locale-free format. Validation and the overall counts are Spark aggregations; no row comes
 * to the driver unless a message points at it.
 */
final class SparkReader {

  private SparkReader() {}

  /** Loads {@code dataset} (a {@code Dataset<Row>}) with the reader's options. */
  @SuppressWarnings("unchecked")
  static Predictions load(Object dataset, DuckReader.Options o) {
    Dataset<Row> rows = (Dataset<Row>) dataset;
    String source = o.file();
    Map<String, DataType> types = new LinkedHashMap<>();
    for (StructField f : rows.schema().fields()) {
      if (types.put(f.name(), f.dataType()) != null) {
        throw new IllegalArgumentException(
            source
                + " names column \""
                + f.name()
                + "\" twice; every column needs its own name. Columns: "
                + List.of(rows.columns()));
      }
    }
    List<String> names = List.copyOf(types.keySet());
    DuckReader.require(names, source, o.actual(), "actual label");
    DuckReader.require(names, source, o.predicted(), "predicted label");
    for (String[] role :
        new String[][] {{o.id(), "id"}, {o.score(), "score"}, {o.weight(), "weight"}}) {
      if (role[0] != null) {
        DuckReader.require(names, source, role[0], role[1]);
      }
    }
    for (String[] role :
        new String[][] {{o.actual(), "actual label"}, {o.predicted(), "predicted label"}, {o.id(), "id"}}) {
      if (role[0] != null) {
        requireCells(source, role[0], role[1], types.get(role[0]));
      }
    }
    for (String[] role : new String[][] {{o.score(), "score"}, {o.weight(), "weight"}}) {
      if (role[0] != null) {
        requireNumbers(source, role[0], role[1], types.get(role[0]));
      }
    }
    DuckBackend.Raw markersOnly =
        new DuckBackend.Raw(o.actual(), o.predicted(), o.missingMarkers(), Map.of());

    // One aggregation: counts per (actual, predicted) as stored, weights, invalid numbers.
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)));
    if (o.weight() != null) {
      aggregates.add(sum(number(o.weight(), types)));
      aggregates.add(invalidCount(o.weight(), types, false));
    }
    if (o.score() != null) {
      aggregates.add(invalidCount(o.score(), types, true));
    }
    List<Row> groups =
        rows.groupBy(column(o.actual()), column(o.predicted()))
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .collectAsList();
    long total = 0;
    long missing = 0;
    long badWeights = 0;
    long badScores = 0;
    Map<List<String>, double[]> byPair = new LinkedHashMap<>();
    TreeSet<String> distinct = new TreeSet<>();
    Set<String> actualLabels = new HashSet<>();
    Set<String> predictedLabels = new HashSet<>();
    for (Row r : groups) {
      long n = r.getLong(2);
      total += n;
      int c = 3;
      double w = n;
      if (o.weight() != null) {
        w = r.isNullAt(c) ? 0 : r.getDouble(c);
        c++;
        badWeights += r.getLong(c++);
      }
      if (o.score() != null) {
        badScores += r.getLong(c++);
      }
      String a = markersOnly.label(SparkBackend.text(r.get(0)));
      String p = markersOnly.label(SparkBackend.text(r.get(1)));
      if (a == null || p == null) {
        missing += n;
        continue;
      }
      distinct.add(a);
      distinct.add(p);
      actualLabels.add(a);
      predictedLabels.add(p);
      double[] np = byPair.computeIfAbsent(List.of(a, p), k -> new double[2]);
      np[0] += n;
      np[1] += w;
    }
    if (total == 0) {
      throw new IllegalArgumentException(source + " has no rows; expected one row per example");
    }
    List<String> warnings = new ArrayList<>();
    Column keep = null;
    if (missing > 0) {
      Column absent =
          missingLabel(o.actual(), types, o.missingMarkers())
              .or(missingLabel(o.predicted(), types, o.missingMarkers()));
      List<Long> first = firstRows(rows, absent, 5);
      String what = DuckReader.missingLabels(missing, source, o, first);
      warnings.add("Dropped " + what);
      keep = not(absent);
      total -= missing;
    }
    if (badWeights > 0) {
      throw badNumber(rows, source, o.weight(), types, false, "weight", "a number >= 0");
    }
    if (badScores > 0) {
      throw badNumber(rows, source, o.score(), types, true, "score", "a number in [0, 1]");
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          source + " has " + total + " rows; Errata counts up to " + Integer.MAX_VALUE + " per set");
    }
    PredictionsReader.checkClasses(
        source, o.actual(), "actual label", actualLabels, total, o.maxClasses());
    PredictionsReader.checkClasses(
        source, o.predicted(), "predicted label", predictedLabels, total, o.maxClasses());
    Map<String, String> merged = Labels.numericTwins(distinct);
    if (!merged.isEmpty() && o.mergeNumbers()) {
      distinct.removeAll(merged.keySet());
    } else {
      if (!merged.isEmpty()) {
        warnings.add(Labels.twinsWarning(source, merged));
      }
      merged = Map.of();
    }
    Labels labels = Labels.sorted(distinct);
    if (o.positive() != null) {
      labels.require(o.positive(), "positive label");
    }
    Map<String, Integer> index = labels.index();
    int k = labels.size();
    double[] unweighted = new double[k * k];
    double[] weighted = new double[k * k];
    for (Map.Entry<List<String>, double[]> e : byPair.entrySet()) {
      String a = merged.getOrDefault(e.getKey().get(0), e.getKey().get(0));
      String p = merged.getOrDefault(e.getKey().get(1), e.getKey().get(1));
      int cell = index.get(a) * k + index.get(p);
      unweighted[cell] += e.getValue()[0];
      weighted[cell] += e.getValue()[1];
    }
    Dataset<Row> kept = keep == null ? rows : rows.filter(keep);
    Map<String, String> probabilityColumns =
        RoleChecks.probabilityColumns(
            names, source, labels, o.probabilities(), o.probabilityPrefix(), warnings);
    checkProbabilities(kept, source, probabilityColumns, types);
    if (o.id() != null) {
      checkIds(kept, source, o.id(), types);
    }
    List<String> predictedOnly = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double asActual = 0;
      double asPredicted = 0;
      for (int j = 0; j < k; j++) {
        asActual += unweighted[c * k + j];
        asPredicted += unweighted[j * k + c];
      }
      if (asPredicted > 0 && asActual == 0) {
        predictedOnly.add(labels.name(c));
      }
    }
    if (!predictedOnly.isEmpty()) {
      warnings.add("Predicted but never actual: " + predictedOnly);
    }
    Predictions.Roles roles =
        new Predictions.Roles(
            o.actual(),
            o.predicted(),
            Optional.ofNullable(o.id()),
            Optional.ofNullable(o.score()),
            Optional.ofNullable(o.weight()),
            Optional.ofNullable(o.positive()),
            probabilityColumns);
    Map<String, Column> probabilityValues = new LinkedHashMap<>();
    probabilityColumns.forEach((label, c) -> probabilityValues.put(label, number(c, types)));
    SparkBackend backend =
        new SparkBackend(
            source,
            kept,
            types,
            new DuckBackend.Raw(o.actual(), o.predicted(), o.missingMarkers(), merged),
            o.weight() == null ? null : number(o.weight(), types),
            o.score() == null ? null : number(o.score(), types),
            probabilityValues,
            labels,
            (int) total,
            unweighted,
            o.weight() == null ? unweighted : weighted);
    return new Predictions(source, roles, labels, (int) total, backend, warnings);
  }

  /** Returns the column {@code name}, quoted so dots and spaces in names are taken literally. */
  static Column column(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  private static void requireCells(String source, String column, String role, DataType type) {
    if (!(type instanceof StringType
        || type instanceof NumericType
        || type instanceof BooleanType
        || type instanceof DateType
        || type instanceof TimestampType
        || type instanceof TimestampNTZType)) {
      throw new IllegalArgumentException(
          "Column \""
              + column
              + "\" ("
              + role
              + ") of "
              + source
              + " holds "
              + type.simpleString()
              + " values; expected text, numbers, booleans or dates");
    }
  }

  private static void requireNumbers(String source, String column, String role, DataType type) {
    if (!(type instanceof StringType || type instanceof NumericType)) {
      throw new IllegalArgumentException(
          "Column \""
              + column
              + "\" ("
              + role
              + ") of "
              + source
              + " holds "
              + type.simpleString()
              + " values; expected numbers (or text written like 0.25)");
    }
  }

  /** The value of a number column as a double; a text cell only when it is written as a number. */
  static Column number(String name, Map<String, DataType> types) {
    Column c = column(name);
    if (types.get(name) instanceof StringType) {
      return when(c.rlike(fullMatch()), expr("try_cast(`" + name.replace("`", "``") + "` AS DOUBLE)"));
    }
    return c.cast("double");
  }

  private static String fullMatch() {
    return "^(?:" + DuckReader.NUMBER + ")$";
  }

  /** True when the cell is a valid weight (finite, >= 0) or, with {@code unit}, in [0, 1]. */
  static Column valid(String name, Map<String, DataType> types, boolean unit) {
    Column c = column(name);
    Column value = number(name, types);
    // Spark orders NaN above every number, so NaN is neither in [0, 1] nor below infinity.
    Column range =
        unit
            ? value.between(0, 1)
            : abs(value).lt(lit(Double.POSITIVE_INFINITY)).and(value.geq(0));
    Column parses =
        types.get(name) instanceof StringType ? c.rlike(fullMatch()) : not(isnan(c.cast("double")));
    return coalesce(parses.and(range), lit(false));
  }

  private static Column invalidCount(String name, Map<String, DataType> types, boolean unit) {
    return sum(when(valid(name, types, unit), 0L).otherwise(1L));
  }

  /** The label text of a cell in Spark: whole numbers without ".0", as {@link Labels#text}. */
  static Column labelText(String name, DataType type) {
    Column c = column(name);
    if (type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType) {
      Column d = c.cast("double");
      return when(
              not(isnan(d)).and(abs(d).lt(1e15)).and(d.equalTo(floor(d))),
              d.cast("long").cast("string"))
          .otherwise(c.cast("string"));
    }
    return c.cast("string");
  }

  /** True when the label cell is missing: null, empty, or one of the named markers. */
  private static Column missingLabel(String name, Map<String, DataType> types, List<String> markers) {
    Column text = labelText(name, types.get(name));
    List<Object> absent = new ArrayList<>();
    absent.add("");
    absent.addAll(markers);
    return coalesce(text.isNull().or(text.isin(absent.toArray())), lit(true));
  }

  /** Returns the 1-based numbers of the first rows meeting {@code condition}. */
  private static List<Long> firstRows(Dataset<Row> rows, Column condition, int limit) {
    List<Long> out = new ArrayList<>();
    for (Row r :
        SparkRows.numbered(rows)
            .filter(condition)
            .select(col(SparkRows.ROW))
            .orderBy(col(SparkRows.ROW))
            .limit(limit)
            .collectAsList()) {
      out.add(r.getLong(0) + 1);
    }
    return out;
  }

  private static IllegalArgumentException badNumber(
      Dataset<Row> rows,
      String source,
      String name,
      Map<String, DataType> types,
      boolean unit,
      String what,
      String expected) {
    List<Row> first =
        SparkRows.numbered(rows)
            .filter(not(valid(name, types, unit)))
            .select(col(SparkRows.ROW), column(name).cast("string"))
            .orderBy(col(SparkRows.ROW))
            .limit(1)
            .collectAsList();
    long row = first.get(0).getLong(0);
    String cell = first.get(0).getString(1);
    String where = Columns.rowMessage(source, row, name);
    if (cell == null || cell.isEmpty()) {
      return new IllegalArgumentException(where + ": missing value; expected " + expected);
    }
    if (types.get(name) instanceof StringType && !Columns.NUMBER.matcher(cell).matches()) {
      return new IllegalArgumentException(
          Columns.notANumber(source, (int) row, name, cell, expected));
    }
    return new IllegalArgumentException(
        where
            + ": "
            + what
            + " "
            + cell
            + (unit ? " is outside [0, 1]" : " is not a finite number >= 0"));
  }

  /** Checks every probability column in one aggregation, then locates the first bad cell. */
  private static void checkProbabilities(
      Dataset<Row> kept, String source, Map<String, String> columns, Map<String, DataType> types) {
    if (columns.isEmpty()) {
      return;
    }
    List<String> names = List.copyOf(columns.values());
    for (String c : names) {
      requireNumbers(source, c, "probability", types.get(c));
    }
    List<Column> checks = new ArrayList<>();
    for (String c : names) {
      checks.add(invalidCount(c, types, true));
    }
    Row bad = kept.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
    for (int i = 0; i < names.size(); i++) {
      if (!bad.isNullAt(i) && bad.getLong(i) > 0) {
        throw badNumber(
            kept, source, names.get(i), types, true, "probability", "a probability in [0, 1]");
      }
    }
  }

  private static void checkIds(
      Dataset<Row> kept, String source, String id, Map<String, DataType> types) {
    Column text = labelText(id, types.get(id));
    Column absent = coalesce(text.isNull().or(text.equalTo("")), lit(true));
    Row counts =
        kept.agg(
                sum(when(absent, 1L).otherwise(0L)),
                count(lit(1)),
                countDistinct(text))
            .first();
    if (counts.getLong(0) > 0) {
      long row = firstRows(kept, absent, 1).get(0) - 1;
      throw new IllegalArgumentException(
          Columns.rowMessage(source, row, id) + ": missing id; every example needs one");
    }
    if (counts.getLong(1) == counts.getLong(2)) {
      return;
    }
    Dataset<Row> numbered = SparkRows.numbered(kept).withColumn("__errata_id", text);
    Dataset<Row> repeated =
        numbered
            .groupBy(col("__errata_id"))
            .agg(min(col(SparkRows.ROW)).as("__errata_first"), count(lit(1)).as("__errata_n"))
            .filter(col("__errata_n").gt(1));
    Row second =
        numbered
            .join(repeated, "__errata_id")
            .filter(col(SparkRows.ROW).gt(col("__errata_first")))
            .select(col("__errata_id"), col("__errata_first"), col(SparkRows.ROW))
            .orderBy(col(SparkRows.ROW))
            .first();
    throw new IllegalArgumentException(
        Columns.rowMessage(source, second.getLong(2), id)
            + ": duplicate id \""
            + second.getString(0)
            + "\" (first seen at row "
            + String.format(Locale.ROOT, "%,d", second.getLong(1) + 1)
            + "); ids must be unique");
  }
}
