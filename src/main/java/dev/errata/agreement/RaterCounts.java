package dev.errata.agreement;

import dev.errata.load.ColumnCodes;
import dev.errata.load.CountCube;
import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads annotator-vs-annotator tables from the counting seam, {@link Predictions#counts}. */
final class RaterCounts {

  private final Predictions p;
  private final Labels classes;

  private RaterCounts(Predictions p, Labels classes) {
    this.p = p;
    this.classes = classes;
  }

  /** Returns the counts of {@code raters}' columns over the union of the classes they use. */
  static RaterCounts of(Predictions p, List<String> raters) {
    TreeSet<String> union = new TreeSet<>();
    for (String r : raters) {
      CountCube cube = p.counts(List.of(r), false);
      List<String> values = cube.values().get(0);
      int missing = values.indexOf(ColumnCodes.MISSING);
      if (missing >= 0) {
        double n = sum(cube.confusion(missing));
        throw new IllegalArgumentException(
            "Annotator column \""
                + r
                + "\" has "
                + String.format(java.util.Locale.ROOT, "%,.0f", n)
                + " examples without a rating; every annotator must rate every example (drop or"
                + " fill them first)");
      }
      union.addAll(values);
    }
    return new RaterCounts(p, Labels.sorted(union));
  }

  Labels classes() {
    return classes;
  }

  /**
   * Returns the table {@code [class of r][class of s]} for each value of {@code group} in its
   * sorted order, or for the key "" (every example) when {@code group} is null.
   */
  Map<String, double[][]> pair(String group, String r, String s) {
    List<String> columns = new ArrayList<>();
    if (group != null) {
      columns.add(group);
    }
    columns.add(r);
    columns.add(s);
    CountCube cube = p.counts(columns, false);
    int k = classes.size();
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (String v : group == null ? List.of("") : cube.values().get(0)) {
      out.put(v, new double[k][k]);
    }
    int last = columns.size() - 1;
    for (int cell = 0; cell < cube.cells(); cell++) {
      double n = sum(cube.confusion(cell));
      if (n == 0) {
        continue;
      }
      List<String> values = cube.cellValues(cell);
      double[][] table = out.get(group == null ? "" : values.get(0));
      table[classes.require(values.get(last - 1), "class")][
              classes.require(values.get(last), "class")] +=
          n;
    }
    return out;
  }

  static double sum(double[] counts) {
    double n = 0;
    for (double c : counts) {
      n += c;
    }
    return n;
  }
}
