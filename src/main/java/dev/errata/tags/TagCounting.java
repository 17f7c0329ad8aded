package dev.errata.tags;

import dev.errata.baseline.BaselineSource;
import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import java.util.List;

/**
 * Counts, in one pass over the bitset words, everything the per-tag table needs: for each tag, the
 * "untagged" row and the "all data" row — examples, errors, examples and errors where the tag is
 * known, and each reference's known and correct labels. The seam where counts could come from
 * elsewhere (SQL, Spark) later.
 */
final class TagCounting {

  private TagCounting() {}

  /**
   * Counts per row, index {@code t} for tag {@code t}, then untagged, then all data.
   *
   * @param examples examples (or weight) carrying the tag, within scope
   * @param errors misclassified ones among them
   * @param known examples where the tag is known
   * @param knownErrors misclassified examples where the tag is known
   * @param referenceKnown [reference][row]: examples of the row where the reference has a label
   * @param referenceCorrect [reference][row]: examples of the row where its label is right
   */
  record Counts(
      double[] examples,
      double[] errors,
      double[] known,
      double[] knownErrors,
      double[][] referenceKnown,
      double[][] referenceCorrect) {}

  static Counts count(Tags tags, List<BaselineSource.Reference> references) {
    List<Tag> list = tags.tagList();
    int k = list.size();
    int rows = k + 2;
    int refs = references.size();
    long[][] bits = new long[k][];
    long[][] known = new long[k][];
    boolean[] base = new boolean[k];
    for (int t = 0; t < k; t++) {
      bits[t] = list.get(t).bits().words();
      known[t] = list.get(t).known().words();
      base[t] = !list.get(t).derived();
    }
    long[][] refKnown = new long[refs][];
    long[][] refCorrect = new long[refs][];
    for (int r = 0; r < refs; r++) {
      BaselineSource.Reference ref = references.get(r);
      refKnown[r] = RowBits.of(ref.rows(), ref.known()).words();
      refCorrect[r] = RowBits.of(ref.rows(), ref.correct()).words();
    }
    long[] scope = tags.scope().words();
    long[] err = tags.errors().words();
    Predictions p = tags.predictions();
    double[] weights = null;
    if (p.hasWeights()) {
      weights = new double[p.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = p.weight(i);
      }
    }
    double[] ex = new double[rows];
    double[] er = new double[rows];
    double[] kn = new double[rows];
    double[] ke = new double[rows];
    double[][] rk = new double[refs][rows];
    double[][] rc = new double[refs][rows];
    int untagged = k;
    int all = k + 1;
    for (int w = 0; w < scope.length; w++) {
      long s = scope[w];
      if (s == 0) {
        continue;
      }
      long e = err[w] & s;
      long anyTag = 0;
      long anyKnown = 0;
      for (int t = 0; t < k; t++) {
        long x = bits[t][w] & s;
        long kx = known[t][w] & s;
        ex[t] += count(x, w, weights);
        er[t] += count(x & e, w, weights);
        kn[t] += count(kx, w, weights);
        ke[t] += count(kx & e, w, weights);
        for (int r = 0; r < refs; r++) {
          rk[r][t] += count(x & refKnown[r][w], w, weights);
          rc[r][t] += count(x & refCorrect[r][w], w, weights);
        }
        if (base[t]) {
          anyTag |= x;
          anyKnown |= kx;
        }
      }
      long u = anyKnown & ~anyTag;
      ex[untagged] += count(u, w, weights);
      er[untagged] += count(u & e, w, weights);
      kn[untagged] += count(anyKnown, w, weights);
      ke[untagged] += count(anyKnown & e, w, weights);
      ex[all] += count(s, w, weights);
      er[all] += count(e, w, weights);
      for (int r = 0; r < refs; r++) {
        rk[r][untagged] += count(u & refKnown[r][w], w, weights);
        rc[r][untagged] += count(u & refCorrect[r][w], w, weights);
        rk[r][all] += count(s & refKnown[r][w], w, weights);
        rc[r][all] += count(s & refCorrect[r][w], w, weights);
      }
    }
    kn[all] = ex[all];
    ke[all] = er[all];
    return new Counts(ex, er, kn, ke, rk, rc);
  }

  /** Returns the number of set bits of word {@code w}, or their total weight. */
  private static double count(long bits, int w, double[] weights) {
    if (weights == null) {
      return Long.bitCount(bits);
    }
    double sum = 0;
    long b = bits;
    while (b != 0) {
      sum += weights[(w << 6) + Long.numberOfTrailingZeros(b)];
      b &= b - 1;
    }
    return sum;
  }
}
