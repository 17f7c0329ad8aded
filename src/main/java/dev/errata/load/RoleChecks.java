package dev.errata.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Validates the optional role columns: scores and probabilities in [0, 1], unique ids. */
final class RoleChecks {

  private RoleChecks() {}

  /** Returns the column as numbers, each checked to lie in [0, 1]. */
  static double[] unitInterval(Column<?> c, String source, String what, String expected) {
    double[] values = Columns.numbers(c, source, expected);
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new IllegalArgumentException(
            Columns.rowMessage(source, i, c.name())
                + ": "
                + what
                + " "
                + values[i]
                + " is outside [0, 1]");
      }
    }
    return values;
  }

  /**
   * Resolves the probability column of each class: from an explicit label-to-column map, or as
   * prefix + label for every class. Columns naming no known class are ignored with a warning.
   */
  static Map<String, String> probabilityColumns(
      List<String> names,
      String source,
      Labels labels,
      Map<String, String> byLabel,
      String prefix,
      List<String> warnings) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : byLabel.entrySet()) {
      labels.require(e.getKey(), "class in probabilities");
      DuckReader.require(names, source, e.getValue(), "probability of \"" + e.getKey() + "\"");
      out.put(e.getKey(), e.getValue());
    }
    if (prefix != null) {
      for (String label : labels.names()) {
        if (!out.containsKey(label)) {
          DuckReader.require(names, source, prefix + label, "probability of \"" + label + "\"");
          out.put(label, prefix + label);
        }
      }
      for (String name : names) {
        if (name.startsWith(prefix) && !out.containsValue(name)) {
          warnings.add(
              "Probability column \""
                  + name
                  + "\" names no class seen in the labels "
                  + labels.names()
                  + "; ignored");
        }
      }
    }
    return out;
  }

  /** Throws naming the first id that is missing or repeated, and where it was first seen. */
  static void uniqueIds(Column<?> ids, String source) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.isMissing(i)) {
        throw new IllegalArgumentException(
            Columns.rowMessage(source, i, ids.name()) + ": missing id; every example needs one");
      }
    }
    int repeat = Columns.firstRepeat(ids);
    if (repeat < 0) {
      return;
    }
    String value = ids.getString(repeat);
    int first = 0;
    while (!ids.getString(first).equals(value)) {
      first++;
    }
    throw new IllegalArgumentException(
        Columns.rowMessage(source, repeat, ids.name())
            + ": duplicate id \""
            + value
            + "\" (first seen at row "
            + String.format(java.util.Locale.ROOT, "%,d", first + 1)
            + "); ids must be unique");
  }
}
