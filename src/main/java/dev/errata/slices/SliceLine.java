package dev.errata.slices;

import dev.errata.load.ColumnCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Searches conjunctions of up to three {@code column = value} predicates for the slices with the
 * best SliceLine score (Sagadeeva and Boehm, SIGMOD 2021): {@code α (ē_S / ē − 1) − (1 − α) (n /
 * |S| − 1)}, error lift traded against size. Level by level, a slice is a candidate only when every
 * parent (the slice without one predicate) survived, and it is counted only when its upper bound,
 * from its parents' sizes and errors, can beat the current k-th best score. Two refinements keep
 * the top free of twins: a slice with as many rows as a parent is that parent, and a predicate with
 * the same rows as another column's is searched once. Rows are counted, not weighted.
 */
final class SliceLine {

  private final List<ColumnCodes> columns;
  private final byte[] wrong;
  private final long n;
  private final double meanError;
  private final double alpha;
  private final long minSupport;
  private final int k;
  private final Map<Long, Level> levels = new HashMap<>();
  private final List<String> aliasNotes = new ArrayList<>();
  private final PriorityQueue<FoundSlice> best =
      new PriorityQueue<>(Comparator.comparingDouble(FoundSlice::score));
  long evaluated;
  long pruned;
  long setsCounted;
  long possible;

  /** The counts of one set of columns, and which of its cells survived. */
  private record Level(int[] cols, int[] radix, long[] size, long[] errors, boolean[] alive) {}

  SliceLine(
      List<ColumnCodes> columns, byte[] wrong, long errors, double alpha, long minSupport, int k) {
    this.columns = List.copyOf(columns);
    this.wrong = wrong;
    this.n = wrong.length;
    this.meanError = (double) errors / n;
    this.alpha = alpha;
    this.minSupport = Math.max(1, minSupport);
    this.k = k;
  }

  /** Runs up to {@code maxPredicates} levels and returns the best slices, best first. */
  List<FoundSlice> run(int maxPredicates) {
    if (meanError == 0) {
      return List.of();
    }
    List<Level> singles = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      singles.add(count(new int[] {c}));
    }
    boolean[][] alias = new boolean[singles.size()][];
    for (int c = 0; c < singles.size(); c++) {
      alias[c] = new boolean[singles.get(c).size().length];
    }
    for (int a = 0; a < singles.size(); a++) {
      for (int b = a + 1; b < singles.size(); b++) {
        markTwins(
            a,
            singles.get(a).size(),
            singles.get(a).errors(),
            b,
            singles.get(b).size(),
            singles.get(b).errors(),
            alias);
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      Level level = singles.get(c);
      for (int v = 0; v < level.size().length; v++) {
        if (alias[c][v]) {
          pruned++;
        } else {
          evaluate(level, v, n);
        }
      }
      levels.put(1L << c, level);
    }
    possible = singles.stream().mapToLong(l -> l.size().length).sum();
    for (int size = 2; size <= maxPredicates; size++) {
      for (int[] set : combinations(columns.size(), size)) {
        long cells = 1;
        for (int c : set) {
          cells *= columns.get(c).values().size();
        }
        possible += cells;
        countIfPromising(set);
      }
    }
    List<FoundSlice> out = new ArrayList<>(best);
    out.sort(Comparator.comparingDouble(FoundSlice::score).reversed());
    return out;
  }

  /** Returns the notes on predicates left out because another column's value has the same rows. */
  List<String> aliasNotes() {
    return List.copyOf(aliasNotes);
  }

  /**
   * Marks each value of column {@code b} whose rows equal a value's of the earlier column {@code a}
   * (e.g. {@code category = low_bandwidth} and {@code low_bandwidth = yes}): every slice using it
   * has a twin, so it is searched once.
   */
  private void markTwins(
      int a, long[] sizeA, long[] errorsA, int b, long[] sizeB, long[] errorsB, boolean[][] alias) {
    for (int va = 0; va < sizeA.length; va++) {
      for (int vb = 0; vb < sizeB.length; vb++) {
        if (!alias[a][va]
            && !alias[b][vb]
            && sizeA[va] == sizeB[vb]
            && sizeA[va] > 0
            && errorsA[va] == errorsB[vb]
            && SameRows.of(columns.get(a), va, columns.get(b), vb)) {
          alias[b][vb] = true;
          aliasNotes.add(
              "same rows, searched once: "
                  + columns.get(a).column()
                  + " = "
                  + columns.get(a).values().get(va)
                  + " ≡ "
                  + columns.get(b).column()
                  + " = "
                  + columns.get(b).values().get(vb));
        }
      }
    }
  }

  /** Returns the SliceLine score of a slice of {@code size} rows with {@code errors} errors. */
  double score(double size, double errors) {
    return alpha * ((errors / size) / meanError - 1) - (1 - alpha) * (n / size - 1);
  }

  /**
   * Returns the highest score any slice of at most {@code sizeBound} rows and {@code errorBound}
   * errors (and at least the minimum support) could reach. The score is monotone in size between
   * the minimum support, the error bound and the size bound, so those three points suffice.
   */
  double upperBound(long sizeBound, long errorBound) {
    if (sizeBound < minSupport || errorBound == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double bound = Double.NEGATIVE_INFINITY;
    long middle = Math.max(minSupport, Math.min(errorBound, sizeBound));
    for (long s : new long[] {minSupport, middle, sizeBound}) {
      bound = Math.max(bound, score(s, Math.min(errorBound, s)));
    }
    return bound;
  }

  private double threshold() {
    return best.size() < k ? 0 : Math.max(0, best.peek().score());
  }

  private Level count(int[] set) {
    int[] radix = new int[set.length];
    int cells = 1;
    List<ColumnCodes> crossed = new ArrayList<>();
    for (int j = 0; j < set.length; j++) {
      radix[j] = columns.get(set[j]).values().size();
      cells *= radix[j];
      crossed.add(columns.get(set[j]));
    }
    long[][] counts = SliceCounts.errors(SliceCodes.of(crossed), wrong);
    setsCounted++;
    return new Level(set, radix, counts[0], counts[1], new boolean[cells]);
  }

  private void countIfPromising(int[] set) {
    int[] radix = new int[set.length];
    for (int j = 0; j < set.length; j++) {
      radix[j] = columns.get(set[j]).values().size();
    }
    List<long[]> candidates = candidates(set, radix);
    if (candidates.isEmpty()) {
      return;
    }
    Level level = count(set);
    for (long[] candidate : candidates) {
      evaluate(level, (int) candidate[0], candidate[1]);
    }
    levels.put(mask(set), level);
  }

  /**
   * Scores one cell and marks it alive when its children could still make the top. A cell with as
   * many rows as its smallest parent is that parent (the extra predicate selects nothing new):
   * neither it nor its children are scored.
   */
  private void evaluate(Level level, int cell, long smallestParent) {
    long size = level.size()[cell];
    long errors = level.errors()[cell];
    if (size < minSupport || errors == 0 || size == smallestParent) {
      pruned++;
      return;
    }
    evaluated++;
    double score = score(size, errors);
    if (score > threshold()) {
      best.add(found(level.cols(), level.radix(), cell, size, errors, score));
      if (best.size() > k) {
        best.poll();
      }
    }
    level.alive()[cell] = upperBound(size, errors) > threshold();
  }

  /** Returns {cell, smallest parent size} for each cell whose parents all survived. */
  private List<long[]> candidates(int[] set, int[] radix) {
    int last = set[set.length - 1];
    Level base = levels.get(mask(set, set.length - 1));
    Level tail = levels.get(1L << last);
    List<long[]> out = new ArrayList<>();
    if (base == null || tail == null) {
      return out;
    }
    int kLast = radix[radix.length - 1];
    for (int b = 0; b < base.alive().length; b++) {
      if (!base.alive()[b]) {
        continue;
      }
      for (int v = 0; v < kLast; v++) {
        if (!tail.alive()[v]) {
          continue;
        }
        int cell = b * kLast + v;
        long size = Math.min(base.size()[b], tail.size()[v]);
        long errors = Math.min(base.errors()[b], tail.errors()[v]);
        boolean parentsAlive = true;
        for (int d = 0; d < set.length - 1 && parentsAlive; d++) {
          Level parent = levels.get(mask(set, d));
          int pc = parent == null ? -1 : project(cell, radix, d);
          parentsAlive = parent != null && parent.alive()[pc];
          if (parentsAlive) {
            size = Math.min(size, parent.size()[pc]);
            errors = Math.min(errors, parent.errors()[pc]);
          }
        }
        if (!parentsAlive) {
          continue;
        }
        if (upperBound(size, errors) > threshold()) {
          out.add(new long[] {cell, size});
        } else {
          pruned++;
        }
      }
    }
    return out;
  }

  /** Returns the cell of the parent that drops position {@code drop} from {@code cell}. */
  private static int project(int cell, int[] radix, int drop) {
    int[] digits = new int[radix.length];
    int rest = cell;
    for (int j = radix.length - 1; j >= 0; j--) {
      digits[j] = rest % radix[j];
      rest /= radix[j];
    }
    int out = 0;
    for (int j = 0; j < radix.length; j++) {
      if (j != drop) {
        out = out * radix[j] + digits[j];
      }
    }
    return out;
  }

  private FoundSlice found(int[] set, int[] radix, int cell, long size, long errors, double score) {
    String[] names = new String[set.length];
    String[] values = new String[set.length];
    int rest = cell;
    for (int j = set.length - 1; j >= 0; j--) {
      ColumnCodes c = columns.get(set[j]);
      names[j] = c.column();
      values[j] = c.values().get(rest % radix[j]);
      rest /= radix[j];
    }
    return new FoundSlice(List.of(names), List.of(values), size, errors, score);
  }

  private static long mask(int[] set) {
    return mask(set, -1);
  }

  /** Returns the bit mask of {@code set} without position {@code drop} (-1 keeps all). */
  private static long mask(int[] set, int drop) {
    long m = 0;
    for (int j = 0; j < set.length; j++) {
      if (j != drop) {
        m |= 1L << set[j];
      }
    }
    return m;
  }

  /** Returns every sorted {@code size}-subset of {@code 0..count-1}, in lexicographic order. */
  static List<int[]> combinations(int count, int size) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[size];
    for (int i = 0; i < size; i++) {
      c[i] = i;
    }
    while (size <= count) {
      out.add(c.clone());
      int i = size - 1;
      while (i >= 0 && c[i] == count - size + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      c[i]++;
      for (int j = i + 1; j < size; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
    return out;
  }
}
