package dev.errata.course;

import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of examples per class (actual label) and per value of some columns: what a data check
 * measures drift against. Unweighted: each example counts once.
 *
 * @param source where the counts come from (a file, a table, a logged run)
 * @param classes examples per actual class, in the source's order
 * @param columns examples per value of each column, by column name
 */
public record DataShares(
    String source, Map<String, Double> classes, Map<String, Map<String, Double>> columns) {

  public DataShares {
    classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    columns.forEach((c, v) -> copy.put(c, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    columns = Collections.unmodifiableMap(copy);
    check(source, "class", classes);
    columns.forEach((c, v) -> check(source, "column \"" + c + "\"", v));
  }

  /** Counts the classes of {@code p} and the values of {@code columns} (one count each). */
  public static DataShares of(Predictions p, List<String> columns) {
    double[] total = p.counts(List.of(), false).total();
    int k = p.labels().size();
    Map<String, Double> classes = new LinkedHashMap<>();
    for (int a = 0; a < k; a++) {
      double n = 0;
      for (int j = 0; j < k; j++) {
        n += total[a * k + j];
      }
      classes.put(p.labels().name(a), n);
    }
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    for (String c : columns) {
      requireColumn(p, c);
      CountCube cube = p.counts(List.of(c), false);
      Map<String, Double> counts = new LinkedHashMap<>();
      for (int cell = 0; cell < cube.cells(); cell++) {
        double n = 0;
        for (double x : cube.confusion(cell)) {
          n += x;
        }
        if (n > 0) {
          counts.put(cube.cellValues(cell).get(0), n);
        }
      }
      values.put(c, counts);
    }
    return new DataShares(p.source(), classes, values);
  }

  /** Returns the counts of column {@code name}, or throws naming the columns counted. */
  public Map<String, Double> column(String name) {
    Map<String, Double> v = columns.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "The reference "
              + source
              + " has no counts for column \""
              + name
              + "\"; it has counts for "
              + columns.keySet());
    }
    return v;
  }

  /** Throws listing the columns when {@code p} has no column {@code name} (copies nothing). */
  static void requireColumn(Predictions p, String name) {
    if (!p.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "No column \""
              + name
              + "\" (data check column) in "
              + p.source()
              + "; columns are "
              + p.columnNames());
    }
  }

  private static void check(String source, String what, Map<String, Double> counts) {
    counts.forEach(
        (value, n) -> {
          if (!(n >= 0) || n != Math.rint(n)) {
            throw new IllegalArgumentException(
                "The reference "
                    + source
                    + " counts "
                    + n
                    + " examples for "
                    + what
                    + " value \""
                    + value
                    + "\"; counts of examples are whole numbers >= 0 (weighted counts cannot be"
                    + " tested for drift)");
          }
        });
  }
}
