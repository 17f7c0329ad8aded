package dev.errata.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the rows of a GROUP BY (group values…, actual, predicted, count) that an engine answered
 * into a {@link CountCube}: the one place DuckDB's and Spark's grouped rows become cells.
 */
final class GroupedCounts {

  private final Labels labels;
  private final List<String> columns;
  private final List<String[]> keys = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();
  private final List<TreeSet<String>> distinct = new ArrayList<>();

  GroupedCounts(Labels labels, List<String> columns) {
    this.labels = labels;
    this.columns = List.copyOf(columns);
    for (int c = 0; c < columns.size(); c++) {
      distinct.add(new TreeSet<>());
    }
  }

  /**
   * Adds one grouped row: the group values (null or empty is the missing value), then the actual
   * and predicted label; a row whose label is null is no example and is not counted.
   */
  void add(String[] groupValues, String actual, String predicted, double count) {
    if (actual == null || predicted == null) {
      return;
    }
    int g = columns.size();
    String[] key = new String[g + 2];
    for (int c = 0; c < g; c++) {
      String cell = groupValues[c];
      key[c] = cell == null || cell.isEmpty() ? ColumnCodes.MISSING : cell;
      distinct.get(c).add(key[c]);
    }
    key[g] = actual;
    key[g + 1] = predicted;
    keys.add(key);
    values.add(count);
  }

  /** Returns the cube of every row added; refuses one larger than {@link Predictions#MAX_CUBE}. */
  CountCube cube() {
    int g = columns.size();
    List<List<String>> sortedValues = new ArrayList<>();
    List<Map<String, Integer>> index = new ArrayList<>();
    long cells = 1;
    for (TreeSet<String> d : distinct) {
      List<String> s = ColumnCodes.sorted(d);
      sortedValues.add(s);
      Map<String, Integer> at = new HashMap<>();
      for (int i = 0; i < s.size(); i++) {
        at.put(s.get(i), i);
      }
      index.add(at);
      cells *= s.size();
    }
    int k = labels.size();
    if (cells * k * k > Predictions.MAX_CUBE) {
      throw InMemoryCounts.tooMany(columns, sortedValues, cells, k);
    }
    Map<String, Integer> classes = labels.index();
    double[] out = new double[(int) cells * k * k];
    for (int i = 0; i < keys.size(); i++) {
      String[] key = keys.get(i);
      int cell = 0;
      for (int c = 0; c < g; c++) {
        cell = cell * sortedValues.get(c).size() + index.get(c).get(key[c]);
      }
      out[(cell * k + classes.get(key[g])) * k + classes.get(key[g + 1])] += values.get(i);
    }
    return new CountCube(labels, columns, sortedValues, out);
  }
}
