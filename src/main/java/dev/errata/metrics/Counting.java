package dev.errata.metrics;

import dev.errata.load.Predictions;

/**
 * Counts in one tight pass over int codes: the seam where counts could come from elsewhere (SQL,
 * Spark) later. No boxing, no string hashing per row.
 */
final class Counting {

  private Counting() {}

  /** Returns k×k counts, index {@code actual * k + predicted}. */
  static double[] confusion(Predictions p) {
    int k = p.labels().size();
    int n = p.size();
    if (!p.hasWeights()) {
      long[] counts = new long[k * k];
      for (int i = 0; i < n; i++) {
        counts[p.actual(i) * k + p.predicted(i)]++;
      }
      double[] out = new double[k * k];
      for (int i = 0; i < out.length; i++) {
        out[i] = counts[i];
      }
      return out;
    }
    double[] out = new double[k * k];
    for (int i = 0; i < n; i++) {
      out[p.actual(i) * k + p.predicted(i)] += p.weight(i);
    }
    return out;
  }
}
