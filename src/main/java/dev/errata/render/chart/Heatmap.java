package dev.errata.render.chart;

import java.util.Arrays;
import java.util.List;

/**
 * A matrix of counts drawn as coloured cells: each cell shows its count as text and is coloured
 * by its share of its row (for a confusion matrix, of the actual class), or, with {@code byRow}
 * false, by where its value lies between the smallest and the largest cell. Rows run top to
 * bottom, columns left to right.
 *
 * @param rows the row labels
 * @param columns the column labels
 * @param counts {@code counts[row][column]}, copied
 * @param rowAxis what the rows are (e.g. "actual")
 * @param columnAxis what the columns are (e.g. "predicted")
 * @param byRow whether colour is the share of the row (else the place in the whole range)
 */
public record Heatmap(
    List<String> rows,
    List<String> columns,
    double[][] counts,
    String rowAxis,
    String columnAxis,
    boolean byRow)
    implements Plot {

  /** Returns a heatmap coloured by each cell's share of its row. */
  public Heatmap(
      List<String> rows, List<String> columns, double[][] counts, String rowAxis, String columnAxis) {
    this(rows, columns, counts, rowAxis, columnAxis, true);
  }

  public Heatmap {
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
    if (counts.length != rows.size()) {
      throw new IllegalArgumentException(
          "Heatmap has " + rows.size() + " row labels but " + counts.length + " rows of counts");
    }
    double[][] copy = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != columns.size()) {
        throw new IllegalArgumentException(
            "Heatmap row " + i + " has " + counts[i].length + " counts, expected " + columns.size());
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /** Returns the count in row {@code r}, column {@code c}. */
  public double count(int r, int c) {
    return counts[r][c];
  }

  /** Returns the counts, copied ({@code counts[row][column]}). */
  public double[][] counts() {
    double[][] copy = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** Returns the sum of row {@code r}. */
  public double rowTotal(int r) {
    return Arrays.stream(counts[r]).sum();
  }

  /**
   * Returns the cell's shade in [0, 1]: its share of its row, or with {@code byRow} false its
   * place between the smallest and largest finite cell; NaN for an empty row or a missing value.
   */
  public double shade(int r, int c) {
    if (byRow) {
      return rate(r, c);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : counts) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double v = counts[r][c];
    return !Double.isFinite(v) ? Double.NaN : hi > lo ? (v - lo) / (hi - lo) : 0.5;
  }

  /** Returns the cell's share of its row, NaN when the row is empty. */
  public double rate(int r, int c) {
    double total = rowTotal(r);
    return total == 0 ? Double.NaN : counts[r][c] / total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Heatmap h
        && h.rows.equals(rows)
        && h.columns.equals(columns)
        && Arrays.deepEquals(h.counts, counts)
        && h.rowAxis.equals(rowAxis)
        && h.columnAxis.equals(columnAxis)
        && h.byRow == byRow;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows.hashCode() + columns.hashCode()) + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "Heatmap[" + rows.size() + "×" + columns.size() + ", " + rowAxis + " × " + columnAxis + "]";
  }
}
