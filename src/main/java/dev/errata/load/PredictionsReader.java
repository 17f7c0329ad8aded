package dev.errata.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads predictions from CSV, TSV, JSON Lines or a Tablesaw table; an option bag with a fluent API.
 *
 * <p>{@code PredictionsReader.csv("preds.csv").actual("label").predicted("pred").load()}. Every
 * mistake in the input is reported with the file, row and column, and what was expected.
 */
public final class PredictionsReader {

  private final Path file;
  private final Table given;
  private final boolean jsonLines;
  /** A Spark {@code Dataset<Row>}, typed as Object so this class loads without Spark. */
  private final Object spark;
  private final String sparkName;
  private String actual;
  private String predicted;
  private String id;
  private String score;
  private String weight;
  private String positive;
  private Character separator;
  private boolean dropMissing;
  private Map<String, String> probabilities = Map.of();
  private String probabilityPrefix;
  private List<String> missingMarkers = List.of();
  private boolean cache = true;
  private boolean mergeNumbers;
  private int maxClasses = ClassLimit.DEFAULT;
  private java.util.function.Consumer<String> progress = line -> {};

  private PredictionsReader(Path file, Table given, boolean jsonLines) {
    this(file, given, jsonLines, null, null);
  }

  private PredictionsReader(
      Path file, Table given, boolean jsonLines, Object spark, String sparkName) {
    this.file = file;
    this.given = given;
    this.jsonLines = jsonLines;
    this.spark = spark;
    this.sparkName = sparkName;
  }

  /** Starts from a Spark {@code Dataset<Row>}; see {@link SparkPredictions}. */
  static PredictionsReader fromSpark(Object dataset, String name) {
    return new PredictionsReader(null, null, false, dataset, name);
  }

  /** Starts reading a delimited file; the separator is a tab for {@code .tsv}, else a comma. */
  public static PredictionsReader csv(Path file) {
    return new PredictionsReader(file, null, false);
  }

  /** Starts reading a delimited file given by name. */
  public static PredictionsReader csv(String file) {
    return csv(Path.of(file));
  }

  /** Starts reading JSON Lines: one flat JSON object per line, one line per example. */
  public static PredictionsReader jsonLines(Path file) {
    return new PredictionsReader(file, null, true);
  }

  /**
   * Starts reading a file by its extension: {@code .jsonl}/{@code .ndjson} as JSON Lines; {@code
   * .parquet}, a folder of Parquet files or a glob ({@code runs/*.parquet}) as Parquet; anything
   * else as CSV (TSV for {@code .tsv}). CSV, TSV and Parquet are read by embedded DuckDB.
   */
  public static PredictionsReader file(String file) {
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    boolean json = lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
    return new PredictionsReader(Path.of(file), null, json);
  }

  /** Starts from a table already in memory; the table is not changed. */
  public static PredictionsReader fromTable(Table table) {
    return new PredictionsReader(null, table, false);
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

  /**
   * Names label texts that mean "missing" in this file (e.g. {@code NA}, {@code null}). By default
   * only an empty cell is missing: {@code NA} is a label like any other.
   */
  public PredictionsReader missing(String... markers) {
    this.missingMarkers = List.of(markers);
    return this;
  }

  /**
   * Whether a CSV/TSV may be read from, and copied to, the columnar cache ({@link FileCache});
   * default true. The copy is keyed by path, size and modification time, so it is never stale.
   */
  public PredictionsReader cache(boolean use) {
    this.cache = use;
    return this;
  }

  /**
   * Counts labels that are the same number written differently ({@code 1} and {@code 1.0}) as
   * one class, named by the shortest spelling. Off by default: labels are text as written, and
   * loading warns when such spellings occur.
   */
  public PredictionsReader mergeNumericLabels(boolean merge) {
    this.mergeNumbers = merge;
    return this;
  }

  /**
   * Sets the most classes a label column may hold (default {@value ClassLimit#DEFAULT}, at most
   * {@value ClassLimit#MAX}); more is refused before anything is counted (see {@link ClassLimit}).
   */
  public PredictionsReader maxClasses(int limit) {
    if (limit < 1 || limit > ClassLimit.MAX) {
      throw new IllegalArgumentException(
          "maxClasses takes a whole number from 1 to "
              + String.format(java.util.Locale.ROOT, "%,d", ClassLimit.MAX)
              + " (k×k counts must fit one array), got "
              + limit);
    }
    this.maxClasses = limit;
    return this;
  }

  /**
   * Receives a progress line ("reading preds.csv: 45 %") about once a second while a file read by
   * DuckDB takes longer than {@value Progress#AFTER_MILLIS} ms, then a last line when it is done.
   */
  public PredictionsReader progress(java.util.function.Consumer<String> lines) {
    this.progress = java.util.Objects.requireNonNull(lines, "progress");
    return this;
  }

  /** Drops rows with a missing actual or predicted label, with a warning, instead of failing. */
  public PredictionsReader dropMissing(boolean drop) {
    this.dropMissing = drop;
    return this;
  }

  /** Names one probability column per class: label to column, values in [0, 1]. */
  public PredictionsReader probabilities(Map<String, String> columnByLabel) {
    this.probabilities = new LinkedHashMap<>(columnByLabel);
    return this;
  }

  /** Says every class has a probability column named prefix + label, e.g. {@code p_dent}. */
  public PredictionsReader probabilityPrefix(String prefix) {
    this.probabilityPrefix = prefix;
    return this;
  }

  /** Reads, validates and encodes; throws {@link IllegalArgumentException} naming what is wrong. */
  public Predictions load() {
    if (actual == null || predicted == null) {
      throw new IllegalStateException(
          "Name the label columns first: .actual(\"column\") and .predicted(\"column\")");
    }
    if (spark != null || (file != null && !jsonLines)) {
      DuckReader.Options options =
          new DuckReader.Options(
              spark != null ? sparkName : file.toString(),
              separator,
              actual,
              predicted,
              id,
              score,
              weight,
              positive,
              dropMissing,
              probabilities,
              probabilityPrefix,
              missingMarkers,
              mergeNumbers,
              maxClasses,
              cache,
              progress);
      // Spark's classes are touched only here, so the reader loads without Spark.
      return spark != null ? SparkReader.load(spark, options) : DuckReader.load(options);
    }
    String source = file != null ? file.toString() : given.name();
    JsonLines.Read json = file == null ? null : JsonLines.read(file);
    Table read = file == null ? given : json.table();
    requireColumn(read, source, actual, "actual label");
    requireColumn(read, source, predicted, "predicted label");
    for (String[] role : new String[][] {{id, "id"}, {score, "score"}, {weight, "weight"}}) {
      if (role[0] != null) {
        requireColumn(read, source, role[0], role[1]);
      }
    }
    if (read.rowCount() == 0) {
      throw new IllegalArgumentException(
          source + " has a header but no rows; expected one row per example");
    }
    List<String> warnings = new ArrayList<>(json == null ? List.of() : json.warnings());
    Table table = handleMissing(read, source, warnings);

    StringColumn a = Columns.asStrings(table.column(actual));
    StringColumn p = Columns.asStrings(table.column(predicted));
    List<String> actualLabels = a.unique().asList();
    List<String> predictedLabels = p.unique().asList();
    checkClasses(source, actual, "actual label", actualLabels, table.rowCount(), maxClasses);
    checkClasses(
        source, predicted, "predicted label", predictedLabels, table.rowCount(), maxClasses);
    TreeSet<String> distinct = new TreeSet<>(actualLabels);
    distinct.addAll(predictedLabels);
    Map<String, String> twins = Labels.numericTwins(distinct);
    if (!twins.isEmpty() && mergeNumbers) {
      a = merged(a, twins);
      p = merged(p, twins);
      distinct.removeAll(twins.keySet());
    } else if (!twins.isEmpty()) {
      warnings.add(Labels.twinsWarning(source, twins));
    }
    Labels labels = Labels.sorted(distinct);
    Map<String, Integer> index = labels.index();
    int[] actualCodes = Columns.encode(a, index);
    int[] predictedCodes = Columns.encode(p, index);

    double[] weights = weight == null ? null : checkedWeights(table, source);
    double[] scores =
        score == null
            ? null
            : RoleChecks.unitInterval(table.column(score), source, "score", "a number in [0, 1]");
    Map<String, String> probabilityColumns =
        RoleChecks.probabilityColumns(
            table.columnNames(), source, labels, probabilities, probabilityPrefix, warnings);
    double[][] probs = new double[labels.size()][];
    probabilityColumns.forEach(
        (label, column) ->
            probs[index.get(label)] =
                RoleChecks.unitInterval(
                    table.column(column), source, "probability", "a probability in [0, 1]"));
    if (id != null) {
      RoleChecks.uniqueIds(table.column(id), source);
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
            Optional.ofNullable(positive),
            probabilityColumns);
    List<String> predictedOnly = Predictions.predictedOnly(labels, actualCodes, predictedCodes);
    if (!predictedOnly.isEmpty()) {
      warnings.add("Predicted but never actual: " + predictedOnly);
    }
    return Predictions.inMemory(
        source,
        table,
        roles,
        labels,
        actualCodes,
        predictedCodes,
        weights,
        scores,
        probs,
        warnings);
  }

  private double[] checkedWeights(Table table, String source) {
    double[] weights = Columns.numbers(table.column(weight), source, "a number >= 0");
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            Columns.rowMessage(source, i, weight)
                + ": weight "
                + weights[i]
                + " is not a finite number >= 0");
      }
    }
    return weights;
  }

  /** Refuses more labels than {@code limit}, saying how to allow them when that is possible. */
  static void checkClasses(
      String source,
      String column,
      String role,
      java.util.Collection<String> labels,
      long rows,
      int limit) {
    if (labels.size() <= limit) {
      return;
    }
    try {
      ClassLimit.check(source, column, role, Labels.sorted(labels).names(), rows, limit);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + (labels.size() <= ClassLimit.MAX
                  ? "; to allow them: maxClasses(" + labels.size() + ") (magic: --max-classes "
                      + labels.size() + ")"
                  : ""),
          e);
    }
  }

  private static StringColumn merged(StringColumn c, Map<String, String> twins) {
    StringColumn out = StringColumn.create(c.name());
    for (int i = 0; i < c.size(); i++) {
      String v = c.get(i);
      out.append(twins.getOrDefault(v, v));
    }
    return out;
  }

  static void requireColumn(Table table, String source, String column, String role) {
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
    Column<?> a = table.column(actual);
    Column<?> p = table.column(predicted);
    int count = 0;
    int[] rows = new int[16];
    for (int i = 0; i < table.rowCount(); i++) {
      if (a.isMissing(i)
          || p.isMissing(i)
          || missingMarkers.contains(a.getString(i))
          || missingMarkers.contains(p.getString(i))) {
        if (count == rows.length) {
          rows = java.util.Arrays.copyOf(rows, count * 2);
        }
        rows[count++] = i;
      }
    }
    if (count == 0) {
      return table;
    }
    List<String> first = new ArrayList<>();
    for (int i = 0; i < Math.min(5, count); i++) {
      first.add(String.valueOf(rows[i] + 1));
    }
    String what =
        count
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
    return table.dropRows(java.util.Arrays.copyOf(rows, count));
  }
}
