package dev.errata.metrics;

import dev.errata.load.ClassLimit;
import dev.errata.load.Predictions;

/**
 * Counts in one tight pass over int codes: the seam where counts could come from elsewhere (SQL,
 * Spark) later. No boxing, no string hashing per row.
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

  /**
   * Returns groups×k×k counts, index {@code (group * k + actual) * k + predicted}; a row whose
   * group code is negative is left out.
   *
   * @param groupCodes each row's group, or null for one group holding every row
   */
  static double[] grouped(Predictions p, int[] groupCodes, int groups) {
    int k = classes(p);
    int n = p.size();
    int cells = k * k;
    if (groupCodes != null && groupCodes.length != n) {
      throw new IllegalArgumentException(
          "Expected one group code per row (" + n + "), got " + groupCodes.length);
    }
    if ((long) groups * cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          groups + " groups × " + cells + " cells is too many counts for one array");
    }
    double[] out = new double[groups * cells];
    if (!p.hasWeights()) {
      long[] counts = new long[groups * cells];
      if (groupCodes == null) {
        for (int i = 0; i < n; i++) {
          counts[p.actual(i) * k + p.predicted(i)]++;
        }
      } else {
        for (int i = 0; i < n; i++) {
          int g = groupCodes[i];
          if (g >= 0) {
            counts[g * cells + p.actual(i) * k + p.predicted(i)]++;
          }
        }
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = counts[i];
      }
      return out;
    }
    for (int i = 0; i < n; i++) {
      int g = groupCodes == null ? 0 : groupCodes[i];
      if (g >= 0) {
        out[g * cells + p.actual(i) * k + p.predicted(i)] += p.weight(i);
      }
    }
    return out;
  }

  /**
   * Returns the number of classes, or refuses more than k×k cells of one array hold (a load path
   * refuses far fewer, {@link ClassLimit#DEFAULT}, unless told otherwise).
   */
  private static int classes(Predictions p) {
    ClassLimit.check(
        p.source(), p.roles().actual(), "actual label", p.labels().names(), p.size(), ClassLimit.MAX);
    return p.labels().size();
  }
}
