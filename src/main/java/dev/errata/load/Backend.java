package dev.errata.load;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Where a predictions set's rows live: in memory (a Tablesaw table) or in an engine that answers
 * queries (embedded DuckDB over files). Counting goes through {@link #counts}; per-example views
 * ({@link #rows}, {@link #column}, {@link #codes}) fetch what they need on demand.
 */
interface Backend {

  /** Returns the column names, in order. */
  List<String> columnNames();

  /** Returns every row and column as a new table. */
  Table table();

  /** Returns the given rows (0-based, in the given order), every column, as a new table. */
  Table rows(int... rows);

  /** Returns a copy of one column. */
  Column<?> column(String name);

  /** Returns one column encoded to int codes. */
  ColumnCodes codes(String column);

  /**
   * Returns the counts of (group values…, actual, predicted), or null when this backend has no
   * engine of its own and the caller should count over the role codes in memory.
   */
  CountCube counts(Labels labels, List<String> columns, boolean weighted);

  /**
   * Waits up to {@code millis} for a columnar copy being written in the background; returns
   * whether reads now come from such a copy.
   */
  default boolean awaitCache(long millis) throws InterruptedException {
    return false;
  }

  /**
   * Returns the distinct cells of each column, as {@link #codes} spells them ({@link
   * ColumnCodes#MISSING} for an empty or missing cell), in no particular order.
   */
  default List<java.util.Set<String>> distinct(List<String> columns) {
    List<java.util.Set<String>> out = new java.util.ArrayList<>();
    for (String c : columns) {
      out.add(new java.util.HashSet<>(codes(c).values()));
    }
    return out;
  }

  /**
   * Returns, for each column, the rows (as 64-bit words, row i at bit i % 64 of word i / 64) whose
   * cell is one of {@code cells}, spelled as {@link #distinct} spells them.
   */
  default List<long[]> rowsWhere(List<String> columns, java.util.Set<String> cells, int size) {
    List<long[]> out = new java.util.ArrayList<>();
    for (String c : columns) {
      ColumnCodes codes = codes(c);
      boolean[] wanted = new boolean[codes.values().size()];
      for (int v = 0; v < wanted.length; v++) {
        wanted[v] = cells.contains(codes.values().get(v));
      }
      long[] words = new long[(size + 63) / 64];
      for (int i = 0; i < size; i++) {
        if (wanted[codes.code(i)]) {
          words[i >>> 6] |= 1L << i;
        }
      }
      out.add(words);
    }
    return out;
  }

  /**
   * Returns the misclassified rows as 64-bit words, or null when this backend has no engine of its
   * own and the caller should compare the role codes in memory.
   */
  default long[] errorRows(int size) {
    return null;
  }

  /**
   * Joins these rows (the first run) with {@code after}'s by id and counts what a comparison needs
   * inside the engine (see {@link PairedCounts}), or returns null when this backend cannot do so
   * with {@code after} and the caller should join in memory.
   *
   * @param fromBefore for each slice column, whether it is read from these rows (else from after's)
   */
  default PairedCounts.Grouped pairedById(
      Backend after,
      String beforeId,
      String afterId,
      List<String> columns,
      List<Boolean> fromBefore,
      int shown) {
    return null;
  }

  /** Returns the per-row role values, fetching them on first use. */
  RoleValues roleValues();

  /**
   * The per-row values of the role columns.
   *
   * @param actual actual class code per row
   * @param predicted predicted class code per row
   * @param weights weight per row, or null
   * @param scores positive-class score per row, or null
   * @param probabilities per class code, the probability per row, or null for a class without one
   */
  record RoleValues(
      int[] actual, int[] predicted, double[] weights, double[] scores, double[][] probabilities) {}
}
