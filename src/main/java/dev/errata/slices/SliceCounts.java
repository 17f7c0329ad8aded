package dev.errata.slices;

/**
 * Counts examples by (slice, actual, predicted) in one tight pass over int codes; the seam where a
 * grouped counting engine (or an SQL GROUP BY) can take over. No boxing, no string per row.
 */
final class SliceCounts {

  private SliceCounts() {}

  /**
   * Returns, per cell, the number of rows ({@code [0][cell]}) and of wrong predictions ({@code
   * [1][cell]}): the counts slice discovery needs. Weights are not used.
   */
  static long[][] errors(SliceCodes slices, byte[] wrong) {
    long[] size = new long[slices.cells()];
    long[] errors = new long[slices.cells()];
    for (int i = 0; i < wrong.length; i++) {
      int c = slices.code(i);
      size[c]++;
      errors[c] += wrong[i];
    }
    return new long[][] {size, errors};
  }
}
