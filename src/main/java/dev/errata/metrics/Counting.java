package dev.errata.metrics;

import dev.errata.load.Predictions;

/**
 * The overall confusion counts of a predictions set, from its one counting seam ({@link
 * Predictions#counts}): counted inside DuckDB for files, over int codes for tables in memory.
 */
final class Counting {

  private Counting() {}

  /** Returns k×k counts, index {@code actual * k + predicted}. */
  static double[] confusion(Predictions p) {
    return p.counts(java.util.List.of()).confusion(0);
  }

  /** Returns k×k row counts ignoring any weights, index {@code actual * k + predicted}. */
  static double[] unweighted(Predictions p) {
    return p.counts(java.util.List.of(), false).confusion(0);
  }
}
