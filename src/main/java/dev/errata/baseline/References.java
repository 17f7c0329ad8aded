package dev.errata.baseline;

import dev.errata.internal.RowBits;
import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** Builds per-example references from a label column or from another set of predictions. */
final class References {

  private References() {}

  /** Compares {@code column} (a blank cell = no label) with the actual label of each row. */
  static Built fromColumn(Predictions p, String column, BaselineKind kind, String what) {
    Column<?> c = p.column(column, what);
    int n = p.size();
    long[] known = new long[RowBits.wordCount(n)];
    long[] correct = new long[known.length];
    Map<String, Integer> strangers = new TreeMap<>();
    Labels labels = p.labels();
    for (int i = 0; i < n; i++) {
      if (c.isMissing(i)) {
        continue;
      }
      String label = label(c, i);
      if (label.isBlank()) {
        continue;
      }
      known[i >>> 6] |= 1L << i;
      Optional<Integer> code = labels.code(label);
      if (code.isEmpty()) {
        strangers.merge(label, 1, Integer::sum);
      } else if (code.get() == p.actual(i)) {
        correct[i >>> 6] |= 1L << i;
      }
    }
    String source = kind.label() + " (column \"" + column + "\")";
    List<String> notes =
        strangers.isEmpty()
            ? List.of()
            : List.of(
                source
                    + ": labels that are no class of "
                    + p.source()
                    + " count as disagreements: "
                    + strangers
                    + "; classes are "
                    + labels.names());
    return new Built(
        new BaselineSource.Reference(kind, source, n, BitSet.valueOf(correct), BitSet.valueOf(known)),
        notes);
  }

  /** Compares {@code older}'s predicted labels with {@code p}'s actual labels, joined by id. */
  static Built fromPredictions(Predictions p, Predictions older) {
    int n = p.size();
    int[] olderRow = join(p, older);
    long[] known = new long[RowBits.wordCount(n)];
    long[] correct = new long[known.length];
    int truthDiffers = 0;
    for (int i = 0; i < n; i++) {
      int j = olderRow[i];
      if (j < 0) {
        continue;
      }
      known[i >>> 6] |= 1L << i;
      String truth = p.labels().name(p.actual(i));
      if (older.labels().name(older.predicted(j)).equals(truth)) {
        correct[i >>> 6] |= 1L << i;
      }
      if (!older.labels().name(older.actual(j)).equals(truth)) {
        truthDiffers++;
      }
    }
    String source = BaselineKind.OLDER_SYSTEM.label() + " (" + older.source() + ")";
    List<String> notes = new java.util.ArrayList<>();
    int matched = RowBits.ofWords(n, known).count();
    if (matched < n) {
      notes.add(source + ": " + (n - matched) + " of " + n + " examples have no older prediction");
    }
    if (truthDiffers > 0) {
      notes.add(
          source
              + ": the actual label differs on "
              + truthDiffers
              + " examples; both systems are scored against "
              + p.source());
    }
    return new Built(
        new BaselineSource.Reference(
            BaselineKind.OLDER_SYSTEM, source, n, BitSet.valueOf(correct), BitSet.valueOf(known)),
        notes);
  }

  record Built(BaselineSource.Reference reference, List<String> notes) {}

  /** Returns, for each row of {@code p}, the matching row of {@code older} or -1. */
  private static int[] join(Predictions p, Predictions older) {
    int n = p.size();
    int[] out = new int[n];
    if (p.roles().id().isEmpty() || older.roles().id().isEmpty()) {
      if (older.size() != n) {
        throw new IllegalArgumentException(
            "The older system's predictions ("
                + older.source()
                + ") have "
                + older.size()
                + " rows and "
                + p.source()
                + " has "
                + n
                + "; give both an id column to join them by example");
      }
      for (int i = 0; i < n; i++) {
        out[i] = i;
      }
      return out;
    }
    Column<?> olderIds = older.column(older.roles().id().get(), "id");
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < older.size(); j++) {
      index.put(olderIds.getString(j), j);
    }
    Column<?> ids = p.column(p.roles().id().get(), "id");
    for (int i = 0; i < n; i++) {
      out[i] = index.getOrDefault(ids.getString(i), -1);
    }
    return out;
  }

  /** Returns the cell as a label; whole numbers in a numeric column lose their ".0". */
  private static String label(Column<?> c, int row) {
    if (c instanceof NumericColumn<?> num) {
      double d = num.getDouble(row);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    return c.getString(row).trim();
  }
}
