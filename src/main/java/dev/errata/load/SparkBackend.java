package dev.errata.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

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
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
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
