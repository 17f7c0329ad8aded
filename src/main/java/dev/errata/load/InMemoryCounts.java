package dev.errata.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts (group codes…, actual, predicted) in one tight pass over int codes, for predictions held
 * in memory. No boxing, no string per row.
 */
final class InMemoryCounts {

  private InMemoryCounts() {}

  static CountCube count(Predictions p, List<ColumnCodes> groups, boolean weighted) {
    int k = p.labels().size();
    int kk = k * k;
    long cells = 1;
    List<List<String>> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ColumnCodes g : groups) {
      cells *= g.values().size();
      values.add(g.values());
      names.add(g.column());
    }
    if (cells * kk > Predictions.MAX_CUBE) {
      throw tooMany(names, values, cells, k);
    }
    int n = p.size();
    int[] cell = null;
    if (groups.size() == 1) {
      cell = groups.get(0).codesArray();
    } else if (groups.size() > 1) {
      cell = new int[n];
      for (ColumnCodes g : groups) {
        int radix = g.values().size();
        for (int i = 0; i < n; i++) {
          cell[i] = cell[i] * radix + g.code(i);
        }
      }
    }
    double[] out = new double[(int) cells * kk];
    if (weighted) {
      for (int i = 0; i < n; i++) {
        int c = cell == null ? 0 : cell[i];
        out[c * kk + p.actual(i) * k + p.predicted(i)] += p.weight(i);
      }
    } else {
      long[] counts = new long[out.length];
      if (cell == null) {
        for (int i = 0; i < n; i++) {
          counts[p.actual(i) * k + p.predicted(i)]++;
        }
      } else {
        for (int i = 0; i < n; i++) {
          counts[cell[i] * kk + p.actual(i) * k + p.predicted(i)]++;
        }
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = counts[i];
      }
    }
    return new CountCube(p.labels(), names, values, out);
  }

  /** Counts actual × predicted over the set rows of {@code rows} only (weighted if asked). */
  static double[] count(Predictions p, java.util.BitSet rows, boolean weighted) {
    int k = p.labels().size();
    double[] out = new double[k * k];
    for (int i = rows.nextSetBit(0); i >= 0 && i < p.size(); i = rows.nextSetBit(i + 1)) {
      out[p.actual(i) * k + p.predicted(i)] += weighted ? p.weight(i) : 1;
    }
    return out;
  }

  static IllegalArgumentException tooMany(
      List<String> names, List<List<String>> values, long cells, int k) {
    List<String> parts = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      parts.add(names.get(c) + " (" + values.get(c).size() + " values)");
    }
    return new IllegalArgumentException(
        "Too many groups to count: "
            + String.join(" × ", parts)
            + " = "
            + cells
            + " combinations × "
            + k
            + "² classes; group by fewer columns or by columns with fewer values");
  }
}
