package dev.errata.slices;

import dev.errata.load.Predictions;

/**
 * Counts examples by (slice, actual, predicted) in one tight pass over int codes; the seam where a
 * grouped counting engine (or an SQL GROUP BY) can take over. No boxing, no string per row.
 */
final class SliceCounts {

  private SliceCounts() {}

  /**
   * Returns {@code cells × k × k} counts (weighted when {@code p} has weights), index {@code (cell
   * * k + actual) * k + predicted}: one confusion matrix per cell, rows = actual.
   */
  static double[] confusion(Predictions p, SliceCodes slices) {
    int k = p.labels().size();
    int kk = k * k;
    int n = p.size();
    double[] out = new double[slices.cells() * kk];
    if (p.hasWeights()) {
      for (int i = 0; i < n; i++) {
        out[slices.code(i) * kk + p.actual(i) * k + p.predicted(i)] += p.weight(i);
      }
      return out;
    }
    long[] counts = new long[out.length];
    for (int i = 0; i < n; i++) {
      counts[slices.code(i) * kk + p.actual(i) * k + p.predicted(i)]++;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = counts[i];
    }
    return out;
  }

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
