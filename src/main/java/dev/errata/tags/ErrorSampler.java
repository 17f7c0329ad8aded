package dev.errata.tags;

import dev.errata.internal.RowBits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Draws a reproducible sample of rows. {@link java.util.Random} is used because its sequence is
 * fixed by its specification, so a seed gives the same sample on every JDK.
 */
final class ErrorSampler {

  private ErrorSampler() {}

  /**
   * Returns up to {@code n} of {@code candidates}, sorted by row. With strata, takes one row from
   * each stratum in turn (each stratum shuffled), skipping rows already taken, until {@code n}
   * rows are taken or every stratum is used up.
   */
  static int[] sample(RowBits candidates, List<RowBits> strata, int n, long seed) {
    Random random = new Random(seed);
    if (strata.isEmpty()) {
      int[] rows = shuffled(candidates.rows(), random);
      return sorted(Arrays.copyOf(rows, Math.min(n, rows.length)));
    }
    List<int[]> pools = new ArrayList<>();
    for (RowBits s : strata) {
      pools.add(shuffled(s.and(candidates).rows(), random));
    }
    int[] next = new int[pools.size()];
    boolean[] taken = new boolean[candidates.size()];
    int[] out = new int[Math.min(n, candidates.count())];
    int k = 0;
    boolean progress = true;
    while (k < out.length && progress) {
      progress = false;
      for (int s = 0; s < pools.size() && k < out.length; s++) {
        int[] pool = pools.get(s);
        while (next[s] < pool.length && taken[pool[next[s]]]) {
          next[s]++;
        }
        if (next[s] < pool.length) {
          int row = pool[next[s]++];
          taken[row] = true;
          out[k++] = row;
          progress = true;
        }
      }
    }
    return sorted(Arrays.copyOf(out, k));
  }

  private static int[] shuffled(int[] rows, Random random) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    return rows;
  }

  private static int[] sorted(int[] rows) {
    Arrays.sort(rows);
    return rows;
  }
}
