package dev.errata.load;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Rows that stay in a Spark {@code Dataset<Row>}: counts are {@code groupBy(...).agg(...)} on the
 * cluster, over the columns as stored (no expression per row); the grouped cells become labels in
 * Java, as for DuckDB's text columns. Per-example views fetch rows by filter and limit.
 */
final class SparkBackend implements Backend {

  private final String source;
  private final Dataset<Row> rows;
  private final Map<String, DataType> types;
  private final DuckBackend.Raw raw;
  private final Column weight;
  private final Column score;
  private final Map<String, Column> probabilities;
  private final Labels labels;
  private final int size;
  private final double[] totalUnweighted;
  private final double[] totalWeighted;
  private volatile Dataset<Row> numbered;

  /**
   * @param rows the examples (rows with a missing label already filtered out when dropped)
   * @param raw the label columns and how their cells become labels
   * @param weight the weight as a double, or null
   * @param score the score as a double, or null
   * @param probabilities label to its probability as a double
   */
  SparkBackend(
      String source,
      Dataset<Row> rows,
      Map<String, DataType> types,
      DuckBackend.Raw raw,
      Column weight,
      Column score,
      Map<String, Column> probabilities,
      Labels labels,
      int size,
      double[] totalUnweighted,
      double[] totalWeighted) {
    this.source = source;
    this.rows = rows;
    this.types = new LinkedHashMap<>(types);
    this.raw = raw;
    this.weight = weight;
    this.score = score;
    this.probabilities = new LinkedHashMap<>(probabilities);
    this.labels = labels;
    this.size = size;
    this.totalUnweighted = totalUnweighted.clone();
    this.totalWeighted = totalWeighted.clone();
  }

  /** Returns the text of a cell as Spark hands it over: whole numbers without ".0", null as null. */
  static String text(Object cell) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof BigDecimal d) {
      boolean whole = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
      return whole && d.abs().compareTo(BigDecimal.valueOf(1e15)) < 0
          ? d.toBigInteger().toString()
          : d.toPlainString();
    }
    return Labels.text(cell);
  }

  @Override
  public List<String> columnNames() {
    return List.copyOf(types.keySet());
  }

  @Override
  public Table table() {
    return toTable(rows.collectAsList());
  }

  @Override
  public Table rows(int... wanted) {
    if (wanted.length == 0) {
      return toTable(List.of());
    }
    TreeSet<Long> distinct = new TreeSet<>();
    for (int r : wanted) {
      distinct.add((long) r);
    }
    List<Row> found =
        numbered()
            .filter(col(SparkRows.ROW).isin(distinct.toArray()))
            .orderBy(col(SparkRows.ROW))
            .collectAsList();
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < found.size(); i++) {
      position.put(found.get(i).getLong(found.get(i).fieldIndex(SparkRows.ROW)), i);
    }
    List<Row> ordered = new ArrayList<>();
    for (int r : wanted) {
      ordered.add(found.get(position.get((long) r)));
    }
    return toTable(ordered);
  }

  private Dataset<Row> numbered() {
    Dataset<Row> n = numbered;
    if (n == null) {
      n = SparkRows.numbered(rows);
      numbered = n;
    }
    return n;
  }

  @Override
  public tech.tablesaw.columns.Column<?> column(String name) {
    return toTable(rows.select(SparkReader.column(name)).collectAsList(), List.of(name)).column(0);
  }

  @Override
  public ColumnCodes codes(String column) {
    Set<String> values = new HashSet<>();
    for (Row r : rows.select(SparkReader.column(column)).distinct().collectAsList()) {
      values.add(cell(r.get(0)));
    }
    List<String> sorted = ColumnCodes.sorted(values);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      index.put(sorted.get(i), i);
    }
    int[] codes = new int[size];
    Iterator<Row> it = rows.select(SparkReader.column(column)).toLocalIterator();
    for (int i = 0; it.hasNext(); i++) {
      codes[i] = index.get(cell(it.next().get(0)));
    }
    return ColumnCodes.of(column, sorted, codes);
  }

  private static String cell(Object value) {
    String text = text(value);
    return text == null || text.isEmpty() ? ColumnCodes.MISSING : text;
  }

  @Override
  public CountCube counts(Labels labels, List<String> columns, boolean weighted) {
    if (columns.isEmpty()) {
      return new CountCube(labels, List.of(), List.of(), weighted ? totalWeighted : totalUnweighted);
    }
    List<Column> groups = new ArrayList<>();
    for (String c : columns) {
      groups.add(SparkReader.column(c));
    }
    groups.add(SparkReader.column(raw.actual()));
    groups.add(SparkReader.column(raw.predicted()));
    Column measure = weighted ? sum(weight) : count(lit(1));
    GroupedCounts cube = new GroupedCounts(labels, columns);
    int g = columns.size();
    for (Row r : rows.groupBy(groups.toArray(Column[]::new)).agg(measure).collectAsList()) {
      String[] key = new String[g];
      for (int c = 0; c < g; c++) {
        key[c] = text(r.get(c));
      }
      double n = weighted ? r.getDouble(g + 2) : r.getLong(g + 2);
      cube.add(key, raw.label(text(r.get(g))), raw.label(text(r.get(g + 1))), n);
    }
    return cube.cube();
  }

  /**
   * The text of a cell computed in Spark, spelled as {@link #text} spells the value Spark hands to
   * the driver (whole numbers without ".0", numbers otherwise as Java writes them), so that ids and
   * labels compare in Spark as they compare in memory; null for a type Spark writes differently
   * (timestamps, intervals, nested values), for which the caller works in memory.
   */
  static Column cellText(String name, DataType type) {
    Column c = SparkReader.column(name);
    if (type instanceof StringType) {
      return c;
    }
    if (type instanceof IntegerType
        || type instanceof LongType
        || type instanceof ShortType
        || type instanceof ByteType
        || type instanceof BooleanType
        || type instanceof DateType) {
      return c.cast("string");
    }
    if (type instanceof DoubleType || type instanceof FloatType) {
      // Labels.text: d == rint(d) && |d| < 1e15 writes the long; otherwise Double/Float.toString.
      Column d = c.cast("double");
      Column whole = not(isnan(d)).and(abs(d).lt(1e15)).and(d.equalTo(floor(d)));
      return when(whole, d.cast("long").cast("string")).otherwise(c.cast("string"));
    }
    if (type instanceof DecimalType) {
      // text(BigDecimal): a whole number below 1e15 without its scale, else toPlainString().
      // Decided on the plain text Spark writes: comparing c with floor(c) widens both to one
      // decimal type and can round the fraction away (0.01 in decimal(38,2) equals its floor).
      Column plain = c.cast("string");
      Column whole = abs(c).lt(1e15).and(plain.rlike("^-?[0-9]+(\\.0*)?$"));
      return when(whole, regexp_extract(plain, "^(-?[0-9]+)", 1)).otherwise(plain);
    }
    return null;
  }

  /** The class name of a label cell in Spark, as {@link DuckBackend.Raw#label} names it. */
  private Column labelName(String column) {
    Column text = cellText(column, types.get(column));
    if (text == null || raw.merged().isEmpty()) {
      return text;
    }
    Column mapped = null;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(raw.merged()).entrySet()) {
      mapped =
          mapped == null
              ? when(text.equalTo(e.getKey()), e.getValue())
              : mapped.when(text.equalTo(e.getKey()), e.getValue());
    }
    return mapped.otherwise(text);
  }

  private static final String L_ID = "__errata_l_id";
  private static final String L_ACTUAL = "__errata_l_actual";
  private static final String L_PREDICTED = "__errata_l_predicted";
  private static final String R_ID = "__errata_r_id";
  private static final String R_ACTUAL = "__errata_r_actual";
  private static final String R_PREDICTED = "__errata_r_predicted";
  private static final String AT = "__errata_at";
  private static final String L_TEXT = "__errata_l_text";
  private static final String R_TEXT = "__errata_r_text";

  private static boolean integral(DataType t) {
    return t instanceof LongType || t instanceof IntegerType || t instanceof ShortType
        || t instanceof ByteType;
  }

  /**
   * Joins these rows with {@code other}'s by id in Spark, one full outer join and one grouped
   * count: each joined row becomes a few (kind, slice values, x, y) rows that {@code groupBy}
   * counts, so only counts come back; the first ids of each kind are a second, ordered and limited
   * query, run only when there are any. Both Datasets must live in one SparkSession.
   */
  @Override
  public PairedCounts.Grouped pairedById(
      Backend other,
      String beforeId,
      String afterId,
      List<String> columns,
      List<Boolean> fromBefore,
      int shown) {
    if (!(other instanceof SparkBackend after) || rows.sparkSession() != after.rows.sparkSession()) {
      return null;
    }
    Column lid = cellText(beforeId, types.get(beforeId));
    Column rid = cellText(afterId, after.types.get(afterId));
    Column la = labelName(raw.actual());
    Column lp = labelName(raw.predicted());
    Column ra = after.labelName(after.raw.actual());
    Column rp = after.labelName(after.raw.predicted());
    if (lid == null || rid == null || la == null || lp == null || ra == null || rp == null) {
      return null;
    }
    // The join key: the id text, or for two whole-number columns the number itself (a number's
    // text is its decimal digits, so equal texts are equal numbers), which Spark joins faster.
    Column lkey = lid;
    Column rkey = rid;
    if (integral(types.get(beforeId)) && integral(after.types.get(afterId))) {
      lkey = SparkReader.column(beforeId).cast("long");
      rkey = SparkReader.column(afterId).cast("long");
    }
    int g = columns.size();
    List<Column> left =
        new ArrayList<>(List.of(lkey.as(L_ID), la.as(L_ACTUAL), lp.as(L_PREDICTED)));
    List<Column> right =
        new ArrayList<>(List.of(rkey.as(R_ID), ra.as(R_ACTUAL), rp.as(R_PREDICTED)));
    Column[] slice = new Column[g];
    Column[] none = new Column[g];
    for (int i = 0; i < g; i++) {
      String c = columns.get(i);
      String alias = "__errata_s" + i;
      boolean mine = fromBefore.get(i);
      (mine ? left : right).add(SparkReader.column(c).as(alias));
      slice[i] = col(alias);
      none[i] = lit(null).cast((mine ? types : after.types).get(c));
    }
    Dataset<Row> joined =
        rows.select(left.toArray(Column[]::new))
            .join(
                after.rows.select(right.toArray(Column[]::new)),
                col(L_ID).equalTo(col(R_ID)),
                "full_outer");
    Column matched = col(L_ID).isNotNull().and(col(R_ID).isNotNull());
    Column noText = lit(null).cast("string");
    Column before = col(L_ACTUAL).equalTo(col(L_PREDICTED));
    Column afterRight = col(R_ACTUAL).equalTo(col(R_PREDICTED));
    Column[] pairs = {
      kind(0, slice, col(L_ACTUAL), col(L_PREDICTED)),
      kind(1, slice, col(R_ACTUAL), col(R_PREDICTED)),
      kind(
          2,
          slice,
          when(before, PairedCounts.RIGHT).otherwise(PairedCounts.WRONG),
          when(afterRight, PairedCounts.RIGHT).otherwise(PairedCounts.WRONG))
    };
    Column[] relabelled = java.util.Arrays.copyOf(pairs, 4);
    relabelled[3] = kind(3, none, noText, noText);
    Column kinds =
        when(matched.and(col(L_ACTUAL).notEqual(col(R_ACTUAL))), array(relabelled))
            .when(matched, array(pairs))
            .when(col(R_ID).isNull(), array(kind(4, none, noText, noText)))
            .otherwise(array(kind(5, none, noText, noText)));
    List<Column> keys = new ArrayList<>();
    keys.add(col("k"));
    for (int i = 0; i < g; i++) {
      keys.add(col("s" + i));
    }
    keys.add(col("x"));
    keys.add(col("y"));
    List<Row> grouped =
        joined
            .select(explode(kinds).as("__errata_kind"))
            .select(col("__errata_kind.*"))
            .groupBy(keys.toArray(Column[]::new))
            .count()
            .collectAsList();
    List<PairedCounts.Grouped.Cell> cells = new ArrayList<>();
    long[] others = new long[6];
    for (Row r : grouped) {
      int kind = r.getInt(0);
      long n = r.getLong(g + 3);
      if (kind >= 3) {
        others[kind] += n;
        continue;
      }
      String[] values = new String[g];
      for (int i = 0; i < g; i++) {
        values[i] = text(r.get(1 + i));
      }
      cells.add(
          new PairedCounts.Grouped.Cell(kind, values, r.getString(g + 1), r.getString(g + 2), n));
    }
    List<String> firstOnlyBefore =
        others[4] == 0
            ? List.of()
            : first(
                numbered()
                    .select(col(SparkRows.ROW).as(AT), lkey.as(L_ID), lid.as(L_TEXT))
                    .join(
                        after.rows.select(rkey.as(R_ID)), col(L_ID).equalTo(col(R_ID)), "left_anti"),
                L_TEXT,
                shown);
    List<String> firstOnlyAfter =
        others[5] == 0
            ? List.of()
            : first(
                after
                    .numbered()
                    .select(col(SparkRows.ROW).as(AT), rkey.as(R_ID), rid.as(R_TEXT))
                    .join(rows.select(lkey.as(L_ID)), col(R_ID).equalTo(col(L_ID)), "left_anti"),
                R_TEXT,
                shown);
    List<String> firstRelabelled =
        others[3] == 0
            ? List.of()
            : first(
                numbered()
                    .select(col(SparkRows.ROW).as(AT), lkey.as(L_ID), la.as(L_ACTUAL))
                    .join(
                        after.rows.select(rkey.as(R_ID), rid.as(R_TEXT), ra.as(R_ACTUAL)),
                        col(L_ID).equalTo(col(R_ID)))
                    .filter(col(L_ACTUAL).notEqual(col(R_ACTUAL))),
                R_TEXT,
                shown);
    return new PairedCounts.Grouped(
        cells, others[4], others[5], others[3], firstOnlyBefore, firstOnlyAfter, firstRelabelled);
  }

  /** One (kind, slice values…, x, y) row to count. */
  private static Column kind(int kind, Column[] slice, Column x, Column y) {
    List<Column> fields = new ArrayList<>();
    fields.add(lit(kind).as("k"));
    for (int i = 0; i < slice.length; i++) {
      fields.add(slice[i].as("s" + i));
    }
    fields.add(x.as("x"));
    fields.add(y.as("y"));
    return struct(fields.toArray(Column[]::new));
  }

  /** Returns the {@code id} column of the first {@code limit} rows in {@value #AT} order. */
  private static List<String> first(Dataset<Row> rows, String id, int limit) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.select(col(AT), col(id)).orderBy(col(AT)).limit(limit).collectAsList()) {
      out.add(r.getString(1));
    }
    return out;
  }

  @Override
  public RoleValues roleValues() {
    int k = labels.size();
    List<Column> select = new ArrayList<>();
    select.add(SparkReader.column(raw.actual()));
    select.add(SparkReader.column(raw.predicted()));
    if (weight != null) {
      select.add(weight);
    }
    if (score != null) {
      select.add(score);
    }
    List<Integer> probabilityCodes = new ArrayList<>();
    probabilities.forEach(
        (label, value) -> {
          probabilityCodes.add(labels.require(label, "class"));
          select.add(value);
        });
    int[] actual = new int[size];
    int[] predicted = new int[size];
    double[] weights = weight == null ? null : new double[size];
    double[] scores = score == null ? null : new double[size];
    double[][] probs = new double[k][];
    for (int code : probabilityCodes) {
      probs[code] = new double[size];
    }
    Map<String, Integer> index = labels.index();
    Iterator<Row> it = rows.select(select.toArray(Column[]::new)).toLocalIterator();
    for (int row = 0; it.hasNext(); row++) {
      Row r = it.next();
      actual[row] = index.get(raw.label(text(r.get(0))));
      predicted[row] = index.get(raw.label(text(r.get(1))));
      int c = 2;
      if (weights != null) {
        weights[row] = r.getDouble(c++);
      }
      if (scores != null) {
        scores[row] = r.getDouble(c++);
      }
      for (int code : probabilityCodes) {
        probs[code][row] = r.getDouble(c++);
      }
    }
    return new RoleValues(actual, predicted, weights, scores, probs);
  }

  private Table toTable(List<Row> found) {
    return toTable(found, columnNames());
  }

  /** Builds a table of {@code names} from rows holding those columns first, in that order. */
  private Table toTable(List<Row> found, List<String> names) {
    List<tech.tablesaw.columns.Column<?>> out = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      DataType t = types.get(names.get(c));
      String name = names.get(c);
      if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
        IntColumn col = IntColumn.create(name);
        for (Row r : found) {
          if (r.isNullAt(c)) {
            col.appendMissing();
          } else {
            col.append(((Number) r.get(c)).intValue());
          }
        }
        out.add(col);
      } else if (t instanceof LongType) {
        LongColumn col = LongColumn.create(name);
        for (Row r : found) {
          if (r.isNullAt(c)) {
            col.appendMissing();
          } else {
            col.append(r.getLong(c));
          }
        }
        out.add(col);
      } else if (t instanceof DoubleType || t instanceof FloatType) {
        DoubleColumn col = DoubleColumn.create(name);
        for (Row r : found) {
          if (r.isNullAt(c)) {
            col.appendMissing();
          } else {
            col.append(((Number) r.get(c)).doubleValue());
          }
        }
        out.add(col);
      } else if (t instanceof BooleanType) {
        BooleanColumn col = BooleanColumn.create(name);
        for (Row r : found) {
          if (r.isNullAt(c)) {
            col.appendMissing();
          } else {
            col.append(r.getBoolean(c));
          }
        }
        out.add(col);
      } else {
        StringColumn col = StringColumn.create(name);
        for (Row r : found) {
          if (r.isNullAt(c)) {
            col.appendMissing();
          } else {
            col.append(String.valueOf(r.get(c)));
          }
        }
        out.add(col);
      }
    }
    return Table.create(source, out);
  }

  @Override
  public String toString() {
    return "SparkBackend[" + source + ", " + size + " rows]";
  }
}
