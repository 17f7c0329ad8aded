package dev.errata.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Holds one model's predictions: validated, with labels encoded to int codes once.
 *
 * <p>Immutable. Row {@code i} has actual class {@link #actual(int)} and predicted class {@link
 * #predicted(int)}, both codes into {@link #labels()}. The source table is kept for metadata
 * (slices, tags, ids); {@link #table()} hands out a copy so callers cannot change this value.
 */
public final class Predictions {

  /** Counting a cube of more cells × classes² than this is refused (about 800 MB of doubles). */
  static final long MAX_CUBE = 100_000_000L;

  private final String source;
  private final Roles roles;
  private final Labels labels;
  private final int size;
  private final boolean weighted;
  private final boolean scored;
  private final boolean[] probabilityFor;
  private final Backend backend;
  private final List<String> warnings;
  private volatile Backend.RoleValues values;

  /**
   * Count cubes the engine answered, by (columns, weighted): the rows behind them do not change
   * once loaded, so a second report on the same columns reads the cube instead of scanning again.
   * Holds at most {@value #KEPT_CUBES} cubes, least recently used out first.
   */
  private final Map<List<Object>, CountCube> cubes =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, CountCube> eldest) {
              return size() > KEPT_CUBES;
            }
          });

  /** How many count cubes answered by the engine are kept. */
  static final int KEPT_CUBES = 64;

  Predictions(
      String source,
      Roles roles,
      Labels labels,
      int size,
      Backend backend,
      List<String> warnings) {
    this.source = source;
    this.roles = roles;
    this.labels = labels;
    this.size = size;
    this.backend = backend;
    this.weighted = roles.weight().isPresent();
    this.scored = roles.score().isPresent();
    this.probabilityFor = new boolean[labels.size()];
    roles.probabilities().keySet().forEach(l -> probabilityFor[labels.require(l, "class")] = true);
    this.warnings = List.copyOf(warnings);
  }

  /** Builds in-memory predictions over a table whose role columns are already encoded. */
  static Predictions inMemory(
      String source,
      Table table,
      Roles roles,
      Labels labels,
      int[] actual,
      int[] predicted,
      double[] weights,
      double[] scores,
      double[][] probabilities,
      List<String> warnings) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException("actual and predicted differ in length");
    }
    double[][] probs = probabilities == null ? new double[labels.size()][] : probabilities;
    Backend backend =
        new MemoryBackend(
            source,
            table,
            new Backend.RoleValues(actual, predicted, weights, scores, probs));
    Predictions p = new Predictions(source, roles, labels, actual.length, backend, warnings);
    p.values = backend.roleValues();
    return p;
  }

  private Backend.RoleValues values() {
    Backend.RoleValues v = values;
    if (v == null) {
      synchronized (this) {
        v = values;
        if (v == null) {
          v = backend.roleValues();
          values = v;
        }
      }
    }
    return v;
  }

  /**
   * Builds predictions from parallel label lists, for small hand-made cases and tests.
   *
   * @param actual the true label of each example
   * @param predicted the predicted label of each example, same length
   */
  public static Predictions of(List<String> actual, List<String> predicted) {
    Table t =
        Table.create(
            "predictions",
            tech.tablesaw.api.StringColumn.create("actual", actual),
            tech.tablesaw.api.StringColumn.create("predicted", predicted));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
  }

  /** Returns where the rows live, for seams that need two predictions' engines together. */
  Backend backend() {
    return backend;
  }

  /** Returns where these predictions came from (a file name, or a table's name). */
  public String source() {
    return source;
  }

  /** Returns the column roles these predictions were read with. */
  public Roles roles() {
    return roles;
  }

  /** Returns the classes; codes index into this list. */
  public Labels labels() {
    return labels;
  }

  /** Returns the number of examples. */
  public int size() {
    return size;
  }

  /** Returns the actual class code of row {@code row}. */
  public int actual(int row) {
    return values().actual()[row];
  }

  /** Returns the predicted class code of row {@code row}. */
  public int predicted(int row) {
    return values().predicted()[row];
  }

  /** Returns whether rows carry weights. */
  public boolean hasWeights() {
    return weighted;
  }

  /** Returns the weight of row {@code row} (1 when there is no weight column). */
  public double weight(int row) {
    return weighted ? values().weights()[row] : 1.0;
  }

  /** Returns whether rows carry a score (the probability of the positive class). */
  public boolean hasScores() {
    return scored;
  }

  /** Returns the score of row {@code row}; throws if there is no score column. */
  public double score(int row) {
    if (!scored) {
      throw new IllegalStateException(
          "No score column in " + source + "; read it with .score(\"column\")");
    }
    return values().scores()[row];
  }

  /** Returns whether class code {@code code} has a probability column. */
  public boolean hasProbability(int code) {
    return probabilityFor[code];
  }

  /** Returns whether any class has a probability column. */
  public boolean hasProbabilities() {
    for (boolean has : probabilityFor) {
      if (has) {
        return true;
      }
    }
    return false;
  }

  /** Returns the probability of class code {@code code} for row {@code row}; throws without one. */
  public double probability(int row, int code) {
    if (!probabilityFor[code]) {
      throw new IllegalStateException(
          "No probability column for class \""
              + labels.name(code)
              + "\" in "
              + source
              + "; read them with .probabilities(...) or .probabilityPrefix(\"p_\")");
    }
    return values().probabilities()[code][row];
  }

  /** Returns warnings raised while loading (dropped rows, labels predicted but never actual). */
  public List<String> warnings() {
    return warnings;
  }

  /** Returns the labels that are predicted somewhere but never occur as an actual label. */
  public List<String> predictedOnlyLabels() {
    CountCube all = counts(List.of(), false);
    int k = labels.size();
    double[] cm = all.confusion(0);
    List<String> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double asActual = 0;
      double asPredicted = 0;
      for (int j = 0; j < k; j++) {
        asActual += cm[c * k + j];
        asPredicted += cm[j * k + c];
      }
      if (asPredicted > 0 && asActual == 0) {
        out.add(labels.name(c));
      }
    }
    return out;
  }

  static List<String> predictedOnly(Labels labels, int[] actual, int[] predicted) {
    boolean[] seenActual = new boolean[labels.size()];
    boolean[] seenPredicted = new boolean[labels.size()];
    for (int i = 0; i < actual.length; i++) {
      seenActual[actual[i]] = true;
      seenPredicted[predicted[i]] = true;
    }
    List<String> out = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      if (seenPredicted[c] && !seenActual[c]) {
        out.add(labels.name(c));
      }
    }
    return out;
  }

  /** Returns a copy of the source table (all columns, after any dropped rows). */
  public Table table() {
    return backend.table();
  }

  /**
   * Returns a copy of column {@code name}, or throws an error that lists the columns.
   *
   * @param what what the column is for, used in the message (e.g. "tag column")
   */
  public tech.tablesaw.columns.Column<?> column(String name, String what) {
    if (!backend.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "No column \"" + name + "\" (" + what + ") in " + source + "; columns are "
              + backend.columnNames());
    }
    return backend.column(name);
  }

  /** Returns a new table holding only the given rows, in the given order (all columns). */
  public Table rows(int... rows) {
    for (int r : rows) {
      if (r < 0 || r >= size) {
        throw new IndexOutOfBoundsException(
            "Row " + r + " is outside 0.." + (size - 1) + " of " + source);
      }
    }
    return backend.rows(rows);
  }

  /** Returns the number of rows and the column names, for messages. */
  public List<String> columnNames() {
    return backend.columnNames();
  }

  /**
   * Returns the categorical column {@code column} encoded to int codes, without copying the table;
   * an unknown column is an error that lists the columns.
   */
  public ColumnCodes codes(String column) {
    if (!backend.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "No column \"" + column + "\" in " + source + "; columns are " + backend.columnNames());
    }
    return backend.codes(column);
  }

  /**
   * Returns the distinct cells of each column, spelled as {@link #codes} spells them ({@link
   * ColumnCodes#MISSING} for an empty cell), in no particular order; files answer from one scan.
   */
  public List<java.util.Set<String>> distinctValues(List<String> columns) {
    columns.forEach(this::codesCheck);
    return backend.distinct(columns);
  }

  /**
   * Returns, for each column, the rows whose cell is one of {@code cells} (spelled as {@link
   * #distinctValues} spells them). Files answer from one scan that packs the rows into bits inside
   * the engine, so no cell is brought into the JVM.
   */
  public List<java.util.BitSet> rowsWhere(List<String> columns, java.util.Set<String> cells) {
    columns.forEach(this::codesCheck);
    List<java.util.BitSet> out = new ArrayList<>();
    for (long[] words : backend.rowsWhere(columns, cells, size)) {
      out.add(java.util.BitSet.valueOf(words));
    }
    return out;
  }

  /** Returns the misclassified rows (actual differs from predicted). */
  public java.util.BitSet errorRows() {
    long[] words = backend.errorRows(size);
    if (words != null) {
      return java.util.BitSet.valueOf(words);
    }
    java.util.BitSet out = new java.util.BitSet(size);
    for (int i = 0; i < size; i++) {
      if (actual(i) != predicted(i)) {
        out.set(i);
      }
    }
    return out;
  }

  /**
   * Returns the k×k counts (index {@code actual * k + predicted}, weighted when these predictions
   * have weights) of the given rows only: the seam for subsets that are no column, such as the rows
   * carrying an overlapping tag.
   */
  public double[] counts(java.util.BitSet rows) {
    if (rows.length() > size) {
      throw new IllegalArgumentException(
          "Row " + (rows.length() - 1) + " is past the last row of " + source + " (" + size + " rows)");
    }
    return InMemoryCounts.count(this, rows, weighted);
  }

  private void codesCheck(String column) {
    if (!backend.columnNames().contains(column)) {
      throw new IllegalArgumentException(
          "No column \"" + column + "\" in " + source + "; columns are " + backend.columnNames());
    }
  }

  /**
   * Returns the counts of (values of {@code columns}…, actual, predicted), weighted when these
   * predictions have weights: the one counting seam every analysis reads. Files are counted inside
   * the engine (DuckDB) without bringing rows into the JVM; tables in memory in one pass over codes.
   *
   * @param columns the group columns (none: one cell holding every row)
   */
  public CountCube counts(List<String> columns) {
    return counts(columns, weighted);
  }

  /** Returns the counts of {@link #counts(List)}, ignoring any weights when {@code weighted} is false. */
  public CountCube counts(List<String> columns, boolean weighted) {
    for (String c : columns) {
      if (!backend.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "No column \"" + c + "\" in " + source + "; columns are " + backend.columnNames());
      }
    }
    if (new java.util.HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("A column is named twice in " + columns);
    }
    List<Object> key = List.of(List.copyOf(columns), weighted && this.weighted);
    CountCube kept = cubes.get(key);
    if (kept != null) {
      return kept;
    }
    CountCube fromEngine = backend.counts(labels, columns, weighted && this.weighted);
    if (fromEngine != null) {
      cubes.put(key, fromEngine);
      return fromEngine;
    }
    List<ColumnCodes> codes = new ArrayList<>();
    for (String c : columns) {
      codes.add(backend.codes(c));
    }
    return InMemoryCounts.count(this, codes, weighted && this.weighted);
  }

  /**
   * Names the columns that play a role.
   *
   * @param actual the true label column
   * @param predicted the predicted label column
   * @param id the example id column, if any
   * @param score the positive-class score column, if any
   * @param weight the sample weight column, if any
   * @param positive the positive label for binary views, if given
   * @param probabilities the probability column of each class that has one, label to column
   */
  public record Roles(
      String actual,
      String predicted,
      Optional<String> id,
      Optional<String> score,
      Optional<String> weight,
      Optional<String> positive,
      java.util.Map<String, String> probabilities) {

    public Roles {
      probabilities =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
  }

  /**
   * Waits up to {@code timeout} for the columnar copy of a text file that loading started writing
   * in the background (see {@link FileCache}); returns whether reads now come from such a copy.
   * Predictions from a table or a Parquet file return false at once.
   */
  public boolean awaitCache(java.time.Duration timeout) {
    try {
      return backend.awaitCache(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return "Predictions[" + source + ": " + size() + " rows, classes " + labels.names() + "]";
  }
}
