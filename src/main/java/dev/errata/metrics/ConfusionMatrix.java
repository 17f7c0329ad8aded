package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts examples by (actual, predicted) class. Rows are actual classes, columns are predicted
 * classes, as in scikit-learn's {@code confusion_matrix}.
 *
 * <p>Counts are doubles so that weighted counts fit the same shape; unweighted counts are exact
 * integers (below 2^53).
 */
public record ConfusionMatrix(Labels labels, double[] counts) implements Presentable {

  public ConfusionMatrix {
    counts = counts.clone();
    for (double c : counts) {
      if (!(c >= 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("Counts must be finite and >= 0, got " + c);
      }
    }
    if (counts.length != labels.size() * labels.size()) {
      throw new IllegalArgumentException(
          "Expected " + labels.size() + "×" + labels.size() + " counts, got " + counts.length);
    }
  }

  /** Counts the predictions in one pass (weighted when the predictions carry weights). */
  public static ConfusionMatrix of(Predictions p) {
    return new ConfusionMatrix(p.labels(), Counting.confusion(p));
  }

  /** Returns a copy of the counts, index {@code actual * classes() + predicted}. */
  @Override
  public double[] counts() {
    return counts.clone();
  }

  /** Builds a matrix from {@code counts[actual][predicted]}, e.g. counted elsewhere (SQL). */
  public static ConfusionMatrix of(Labels labels, double[][] counts) {
    int k = labels.size();
    double[] flat = new double[k * k];
    if (counts.length != k) {
      throw new IllegalArgumentException("Expected " + k + " rows of counts, got " + counts.length);
    }
    for (int i = 0; i < k; i++) {
      if (counts[i].length != k) {
        throw new IllegalArgumentException(
            "Expected " + k + " counts in row " + i + ", got " + counts[i].length);
      }
      System.arraycopy(counts[i], 0, flat, i * k, k);
    }
    return new ConfusionMatrix(labels, flat);
  }

  /** Returns this matrix divided by its row sums, column sums or total. */
  public NormalizedConfusion normalized(Normalization over) {
    return new NormalizedConfusion(this, over);
  }

  /** Returns the number of classes. */
  public int classes() {
    return labels.size();
  }

  /**
   * Returns the count of examples of actual class {@code actual} predicted as {@code predicted}.
   */
  public double count(int actual, int predicted) {
    return counts[actual * labels.size() + predicted];
  }

  /** Returns the number of examples whose actual class is {@code actual} (its support). */
  public double actualTotal(int actual) {
    double s = 0;
    for (int j = 0; j < classes(); j++) {
      s += count(actual, j);
    }
    return s;
  }

  /** Returns the number of examples predicted as {@code predicted}. */
  public double predictedTotal(int predicted) {
    double s = 0;
    for (int i = 0; i < classes(); i++) {
      s += count(i, predicted);
    }
    return s;
  }

  /** Returns the total number (or weight) of examples. */
  public double total() {
    return Arrays.stream(counts).sum();
  }

  /** Returns the number (or weight) of correctly classified examples, the diagonal's sum. */
  public double correct() {
    double s = 0;
    for (int i = 0; i < classes(); i++) {
      s += count(i, i);
    }
    return s;
  }

  /**
   * Returns the matrix as a table: one row per actual class, one column per predicted class, and a
   * "total" row and column. Whole counts are integers; weighted counts are doubles.
   */
  public Table toTable() {
    int k = classes();
    boolean whole = Arrays.stream(counts).allMatch(c -> c == Math.rint(c) && c < Integer.MAX_VALUE);
    Table t = Table.create("Confusion matrix (rows = actual, columns = predicted)");
    StringColumn names = StringColumn.create("actual \\ predicted");
    for (int i = 0; i < k; i++) {
      names.append(labels.name(i));
    }
    names.append("total");
    t.addColumns(names);
    for (int j = 0; j <= k; j++) {
      String header = j < k ? labels.name(j) : "total";
      double[] col = new double[k + 1];
      for (int i = 0; i <= k; i++) {
        col[i] =
            i < k && j < k
                ? count(i, j)
                : i < k ? actualTotal(i) : j < k ? predictedTotal(j) : total();
      }
      if (whole) {
        int[] ints = Arrays.stream(col).mapToInt(d -> (int) d).toArray();
        t.addColumns(IntColumn.create(uniqueHeader(t, header), ints));
      } else {
        t.addColumns(DoubleColumn.create(uniqueHeader(t, header), col));
      }
    }
    return t;
  }

  /**
   * Returns the matrix in long form, one row per (actual, predicted) pair in class order, zeros
   * included: columns "actual", "predicted" and "count" (a double, so weighted counts fit), the
   * shape a jsplot {@code HeatmapTrace} or grouped bars are built from.
   */
  public Table toLongTable() {
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    DoubleColumn count = DoubleColumn.create("count");
    for (int i = 0; i < classes(); i++) {
      for (int j = 0; j < classes(); j++) {
        actual.append(labels.name(i));
        predicted.append(labels.name(j));
        count.append(count(i, j));
      }
    }
    return Table.create("Confusion matrix, long (one row per actual, predicted pair)", actual,
        predicted, count);
  }

  static String uniqueHeader(Table t, String header) {
    String h = header;
    while (t.columnNames().contains(h)) {
      h = h + " ";
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m
        && m.labels.equals(labels)
        && Arrays.equals(m.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + labels.names() + Arrays.toString(counts);
  }

  /** Shows the matrix: actual classes down, predicted across, counts in the cells. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).with(ColumnKind.LABEL, "actual \\ predicted")
        .numbersAs(ColumnKind.COUNT).present();
  }
}
