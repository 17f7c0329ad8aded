package dev.errata.examples;

import java.util.SplittableRandom;

/** Seeded choices that hit exact counts, so generated data reproduces the course's numbers. */
final class Sampling {

  private Sampling() {}

  /**
   * Marks exactly {@code k} of the rows in {@code candidates} (row indexes), choosing without
   * replacement with probability proportional to {@code weight[row]} (Efraimidis–Spirakis keys).
   */
  static boolean[] chooseExactly(int[] candidates, int k, double[] weight, int n, SplittableRandom rng) {
    if (k > candidates.length) {
      throw new IllegalArgumentException("Cannot choose " + k + " of " + candidates.length);
    }
    double[] key = new double[candidates.length];
    Integer[] order = new Integer[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      double u = rng.nextDouble();
      key[i] = Math.log(u == 0 ? Double.MIN_VALUE : u) / weight[candidates[i]];
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
    boolean[] chosen = new boolean[n];
    for (int i = 0; i < k; i++) {
      chosen[candidates[order[i]]] = true;
    }
    return chosen;
  }

  /** Picks an index with probability proportional to {@code weights}. */
  static int pick(double[] weights, SplittableRandom rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
