package dev.errata.course;

import dev.errata.internal.Where;

import dev.errata.internal.Csv;
import dev.errata.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of each (actual, predicted) pair; pairs not listed cost 0. Read from a CSV with columns
 * {@code actual, predicted, cost}.
 *
 * @param source where the costs came from, for messages
 * @param costs cost by actual label, then predicted label
 */
public record CostMatrix(String source, Map<String, Map<String, Double>> costs) {

  public CostMatrix {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    costs.forEach((a, m) -> copy.put(a, Map.copyOf(m)));
    costs = java.util.Collections.unmodifiableMap(copy);
  }

  /** Reads {@code file}: a header {@code actual,predicted,cost} and one row per pair. */
  public static CostMatrix read(Path file) {
    Csv csv = Csv.read(file);
    String name = file.getFileName().toString();
    List<String> need = List.of("actual", "predicted", "cost");
    int[] at = new int[3];
    for (int i = 0; i < 3; i++) {
      at[i] = csv.header().indexOf(need.get(i));
      if (at[i] < 0) {
        throw new IllegalArgumentException(
            "No column \""
                + need.get(i)
                + "\" in cost matrix "
                + name
                + "; it needs columns "
                + need
                + ", has "
                + csv.header());
      }
    }
    Map<String, Map<String, Double>> costs = new LinkedHashMap<>();
    for (int r = 0; r < csv.rows().size(); r++) {
      String actual = csv.cell(r, at[0]).trim();
      String predicted = csv.cell(r, at[1]).trim();
      String cost = csv.cell(r, at[2]).trim();
      double value;
      try {
        value = Double.parseDouble(cost);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            Where.row(r + 1L, name) + ": cost \"" + cost + "\" is not a number", e);
      }
      Double before =
          costs.computeIfAbsent(actual, a -> new LinkedHashMap<>()).put(predicted, value);
      if (before != null) {
        throw new IllegalArgumentException(
            Where.row(r + 1L, name)
                + ": the pair ("
                + actual
                + ", "
                + predicted
                + ") is listed twice");
      }
    }
    return new CostMatrix(name, costs);
  }

  /**
   * Returns the mean cost per example of {@code cm}; a label of the cost matrix that is no class of
   * {@code cm} is an error listing the classes.
   */
  public double expectedCost(ConfusionMatrix cm) {
    double total = 0;
    for (var a : costs.entrySet()) {
      int i = cm.labels().require(a.getKey(), "actual label of cost matrix " + source);
      for (var p : a.getValue().entrySet()) {
        int j = cm.labels().require(p.getKey(), "predicted label of cost matrix " + source);
        total += cm.count(i, j) * p.getValue();
      }
    }
    return total / cm.total();
  }
}
