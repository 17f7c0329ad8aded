package dev.errata.significance;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusts p-values for the false discovery rate across many tests (Benjamini and Hochberg 1995), as
 * R's {@code p.adjust(p, "BH")}: a test is a discovery at level q when its adjusted p is at most q.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /**
   * Returns the adjusted p-values in the order given. The i-th smallest of m defined p-values
   * becomes {@code min over j >= i of (m / j) p(j)}, capped at 1. NaN p-values (tests that could
   * not run) stay NaN and do not count towards m.
   */
  public static double[] adjust(double[] p) {
    Integer[] order =
        java.util.stream.IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .toArray(Integer[]::new);
    for (int i : order) {
      if (p[i] < 0 || p[i] > 1) {
        throw new IllegalArgumentException(
            "p-values must lie in [0, 1], got " + p[i] + " at index " + i);
      }
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }
}
