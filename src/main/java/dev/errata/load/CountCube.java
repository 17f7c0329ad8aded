package dev.errata.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Weighted counts of (group values…, actual, predicted): the one thing every analysis counts, and
 * what a counting backend (in memory, DuckDB, Spark) answers with. Small even for 10^9 rows:
 * cells × classes², not rows.
 *
 * <p>Cells are every combination of the group columns' values in mixed radix: cell {@code
 * (v0 * n1 + v1) * n2 + v2} for value indexes {@code vi} into {@link #values()}. Values of a column
 * are sorted as {@link ColumnCodes} sorts them (numerically when all are numbers; the missing value
 * {@value ColumnCodes#MISSING} last). With no group columns there is one cell: the whole set.
 *
 * @param labels the classes; counts are indexed by class code
 * @param columns the group columns, in order
 * @param values the sorted distinct values of each group column
 * @param counts index {@code (cell * k + actual) * k + predicted}, possibly weighted
 */
public record CountCube(
    Labels labels, List<String> columns, List<List<String>> values, double[] counts) {

  public CountCube {
    Objects.requireNonNull(labels, "labels");
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> v : values) {
      copy.add(List.copyOf(v));
    }
    values = List.copyOf(copy);
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          "Expected the values of " + columns.size() + " columns, got " + values.size());
    }
    long cells = cells(values);
    int k = labels.size();
    if (counts.length != cells * k * k) {
      throw new IllegalArgumentException(
          "Expected " + cells + "×" + k + "×" + k + " counts, got " + counts.length);
    }
  }

  private static long cells(List<List<String>> values) {
    long cells = 1;
    for (List<String> v : values) {
      cells *= v.size();
    }
    return cells;
  }

  /** Returns the number of cells: every combination of group values, occupied or not. */
  public int cells() {
    return (int) cells(values);
  }

  /** Returns the k×k counts of cell {@code cell}, index {@code actual * k + predicted}. */
  public double[] confusion(int cell) {
    int kk = labels.size() * labels.size();
    return Arrays.copyOfRange(counts, cell * kk, (cell + 1) * kk);
  }

  /** Returns the k×k counts summed over every cell. */
  public double[] total() {
    int kk = labels.size() * labels.size();
    double[] out = new double[kk];
    for (int i = 0; i < counts.length; i++) {
      out[i % kk] += counts[i];
    }
    return out;
  }

  /** Returns the value of each group column in cell {@code cell}. */
  public List<String> cellValues(int cell) {
    String[] out = new String[columns.size()];
    int rest = cell;
    for (int c = columns.size() - 1; c >= 0; c--) {
      int radix = values.get(c).size();
      out[c] = values.get(c).get(rest % radix);
      rest /= radix;
    }
    return List.of(out);
  }

  @Override
  public double[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountCube c
        && c.labels.equals(labels)
        && c.columns.equals(columns)
        && c.values.equals(values)
        && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, columns, values, Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "CountCube[" + columns + ", " + cells() + " cells, classes " + labels.names() + "]";
  }
}
