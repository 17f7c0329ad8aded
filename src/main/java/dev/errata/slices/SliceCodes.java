package dev.errata.slices;

import dev.errata.load.ColumnCodes;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Gives every row one int: the cell of the intersection of up to three categorical columns, in
 * mixed radix ({@code code = (c0 * k1 + c1) * k2 + c2} for value codes {@code ci} of columns with
 * {@code ki} values), so cells run in the order of the first column, then the second. No string
 * keys are built.
 */
final class SliceCodes {

  /** At most this many columns are crossed at once. */
  static final int MAX_COLUMNS = 3;

  private final List<ColumnCodes> columns;
  private final ColumnCodes single;
  private final int[] radix;
  private final int cells;
  private final int[] codes;

  private SliceCodes(List<ColumnCodes> columns) {
    this.columns = List.copyOf(columns);
    this.radix = columns.stream().mapToInt(c -> c.values().size()).toArray();
    long product = 1;
    for (int r : radix) {
      product *= r;
    }
    if (product > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Too many slices: " + shape() + " = " + product);
    }
    this.cells = (int) product;
    this.single = columns.size() == 1 ? columns.get(0) : null;
    this.codes = single != null ? null : mix(columns, radix);
  }

  /** Encodes {@code columns} of {@code p}; errors name an unknown or repeated column. */
  static SliceCodes of(Predictions p, List<String> columns) {
    requireColumns(p, columns);
    List<ColumnCodes> encoded = new ArrayList<>();
    for (String c : columns) {
      encoded.add(p.codes(c));
    }
    return new SliceCodes(encoded);
  }

  /** Throws unless {@code columns} names 1 to {@link #MAX_COLUMNS} distinct columns. */
  static void requireColumns(Predictions p, List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "Name a column to slice by; columns are " + p.columnNames());
    }
    if (columns.size() > MAX_COLUMNS) {
      throw new IllegalArgumentException(
          "Slice by at most "
              + MAX_COLUMNS
              + " columns at once, got "
              + columns.size()
              + ": "
              + columns);
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("A column is named twice in " + columns);
    }
  }

  /** Crosses columns that are already encoded. */
  static SliceCodes of(List<ColumnCodes> columns) {
    return new SliceCodes(columns);
  }

  private static int[] mix(List<ColumnCodes> columns, int[] radix) {
    int n = columns.get(0).size();
    int[] out = new int[n];
    for (int k = 0; k < columns.size(); k++) {
      ColumnCodes c = columns.get(k);
      int r = radix[k];
      for (int i = 0; i < n; i++) {
        out[i] = out[i] * r + c.code(i);
      }
    }
    return out;
  }

  /** Returns the names of the crossed columns. */
  List<String> columns() {
    return columns.stream().map(ColumnCodes::column).toList();
  }

  /** Returns the number of cells (every combination of values, occupied or not). */
  int cells() {
    return cells;
  }

  /** Returns the cell of row {@code row}. */
  int code(int row) {
    return single != null ? single.code(row) : codes[row];
  }

  /** Returns the value of each column in cell {@code cell}. */
  List<String> values(int cell) {
    String[] out = new String[columns.size()];
    int rest = cell;
    for (int k = columns.size() - 1; k >= 0; k--) {
      out[k] = columns.get(k).values().get(rest % radix[k]);
      rest /= radix[k];
    }
    return List.of(out);
  }

  private String shape() {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      parts.add(columns.get(k).column() + " (" + radix[k] + ")");
    }
    return String.join(" × ", parts);
  }

  /** Throws when {@code cells × perCell} numbers would not fit in memory comfortably. */
  void requireAtMost(long perCell, long limit) {
    if ((long) cells * perCell > limit) {
      throw new IllegalArgumentException(
          "Too many slices to count: "
              + shape()
              + " = "
              + cells
              + " combinations; slice by fewer columns or by columns with fewer values");
    }
  }
}
