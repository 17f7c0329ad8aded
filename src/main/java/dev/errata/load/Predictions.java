package dev.errata.load;

import java.util.ArrayList;
import java.util.List;
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

  private final String source;
  private final Table table;
  private final Roles roles;
  private final Labels labels;
  private final int[] actual;
  private final int[] predicted;
  private final double[] weights;
  private final double[] scores;
  private final double[][] probabilities;
  private final List<String> warnings;

  Predictions(
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
    this.source = source;
    this.table = table;
    this.roles = roles;
    this.labels = labels;
    this.actual = actual;
    this.predicted = predicted;
    this.weights = weights;
    this.scores = scores;
    this.probabilities = probabilities == null ? new double[labels.size()][] : probabilities;
    this.warnings = List.copyOf(warnings);
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
    return actual.length;
  }

  /** Returns the actual class code of row {@code row}. */
  public int actual(int row) {
    return actual[row];
  }

  /** Returns the predicted class code of row {@code row}. */
  public int predicted(int row) {
    return predicted[row];
  }

  /** Returns whether rows carry weights. */
  public boolean hasWeights() {
    return weights != null;
  }

  /** Returns the weight of row {@code row} (1 when there is no weight column). */
  public double weight(int row) {
    return weights == null ? 1.0 : weights[row];
  }

  /** Returns whether rows carry a score (the probability of the positive class). */
  public boolean hasScores() {
    return scores != null;
  }

  /** Returns the score of row {@code row}; throws if there is no score column. */
  public double score(int row) {
    if (scores == null) {
      throw new IllegalStateException(
          "No score column in " + source + "; read it with .score(\"column\")");
    }
    return scores[row];
  }

  /** Returns whether class code {@code code} has a probability column. */
  public boolean hasProbability(int code) {
    return probabilities[code] != null;
  }

  /** Returns whether any class has a probability column. */
  public boolean hasProbabilities() {
    for (double[] column : probabilities) {
      if (column != null) {
        return true;
      }
    }
    return false;
  }

  /** Returns the probability of class code {@code code} for row {@code row}; throws without one. */
  public double probability(int row, int code) {
    if (probabilities[code] == null) {
      throw new IllegalStateException(
          "No probability column for class \""
              + labels.name(code)
              + "\" in "
              + source
              + "; read them with .probabilities(...) or .probabilityPrefix(\"p_\")");
    }
    return probabilities[code][row];
  }

  /** Returns warnings raised while loading (dropped rows, labels predicted but never actual). */
  public List<String> warnings() {
    return warnings;
  }

  /** Returns the labels that are predicted somewhere but never occur as an actual label. */
  public List<String> predictedOnlyLabels() {
    return predictedOnly(labels, actual, predicted);
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
    return table.copy();
  }

  /**
   * Returns a copy of column {@code name}, or throws an error that lists the columns.
   *
   * @param what what the column is for, used in the message (e.g. "tag column")
   */
  public tech.tablesaw.columns.Column<?> column(String name, String what) {
    if (!table.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "No column \"" + name + "\" (" + what + ") in " + source + "; columns are "
              + table.columnNames());
    }
    return table.column(name).copy();
  }

  /** Returns a new table holding only the given rows, in the given order (all columns). */
  public Table rows(int... rows) {
    return table.rows(rows);
  }

  /** Returns the number of rows and the column names, for messages. */
  public List<String> columnNames() {
    return table.columnNames();
  }

  /**
   * Returns the categorical column {@code column} encoded to int codes, without copying the table;
   * an unknown column is an error that lists the columns.
   */
  public ColumnCodes codes(String column) {
    return ColumnCodes.of(source, table, column);
  }

  Table sharedTable() {
    return table;
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

  @Override
  public String toString() {
    return "Predictions[" + source + ": " + size() + " rows, classes " + labels.names() + "]";
  }
}
