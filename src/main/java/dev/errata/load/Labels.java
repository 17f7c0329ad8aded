package dev.errata.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the classes of a predictions set; code {@code i} is the {@code i}-th name.
 *
 * <p>Classes are sorted the way scikit-learn's {@code unique_labels} sorts them: numerically when
 * every label is a number, otherwise by string order. The list is the union of actual and predicted
 * labels, so a class that is only ever predicted still has a code.
 */
public record Labels(List<String> names) {

  public Labels {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("A predictions set needs at least one class label");
    }
    if (new java.util.HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("Class labels must be distinct, got " + names);
    }
  }

  /** Sorts the given distinct labels as scikit-learn would and returns them as classes. */
  public static Labels sorted(java.util.Collection<String> distinct) {
    List<String> list = new ArrayList<>(distinct);
    boolean numeric = list.stream().allMatch(Labels::isNumber);
    list.sort(
        numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
    return new Labels(list);
  }

  /** Returns how many classes there are. */
  public int size() {
    return names.size();
  }

  /** Returns the label of class code {@code code}. */
  public String name(int code) {
    return names.get(code);
  }

  /** Returns the code of {@code label}, if it is one of these classes. */
  public Optional<Integer> code(String label) {
    int i = names.indexOf(label);
    return i < 0 ? Optional.empty() : Optional.of(i);
  }

  /**
   * Returns the code of {@code label}, or throws an error that lists the known classes.
   *
   * @param what what the label is for, used in the message (e.g. "positive label")
   */
  public int require(String label, String what) {
    int i = names.indexOf(label);
    if (i < 0) {
      throw new IllegalArgumentException(
          "Unknown " + what + " \"" + label + "\"; classes are " + names);
    }
    return i;
  }

  Map<String, Integer> index() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return index;
  }

  /**
   * Returns the label text of a cell value: whole numbers without ".0", as scikit-learn compares 1
   * == 1.0.
   */
  static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (value instanceof Float f && f == Math.rint(f) && Math.abs(f) < 1e15) {
      return Long.toString(f.longValue());
    }
    return String.valueOf(value);
  }

  /**
   * Finds labels that are the same number written differently ({@code 1}, {@code 1.0}, {@code
   * 01}, {@code 1e0}): each such spelling mapped to the group's representative, the shortest
   * spelling (then the first in string order). Empty when no two labels are the same number.
   */
  public static Map<String, String> numericTwins(java.util.Collection<String> distinct) {
    Map<Double, java.util.TreeSet<String>> byValue = new HashMap<>();
    for (String s : distinct) {
      if (Columns.NUMBER.matcher(s).matches()) {
        byValue
            .computeIfAbsent(
                Double.parseDouble(s) + 0.0,
                k ->
                    new java.util.TreeSet<>(
                        Comparator.comparingInt(String::length)
                            .thenComparing(Comparator.naturalOrder())))
            .add(s);
      }
    }
    Map<String, String> out = new java.util.TreeMap<>();
    for (java.util.TreeSet<String> spellings : byValue.values()) {
      if (spellings.size() > 1) {
        for (String s : spellings) {
          if (!s.equals(spellings.first())) {
            out.put(s, spellings.first());
          }
        }
      }
    }
    return out;
  }

  /** Returns the warning for labels that are one number spelled differently, or null. */
  static String twinsWarning(String source, Map<String, String> twins) {
    if (twins.isEmpty()) {
      return null;
    }
    Map<String, List<String>> groups = new java.util.TreeMap<>();
    twins.forEach(
        (spelling, first) ->
            groups.computeIfAbsent(first, k -> new ArrayList<>(List.of(k))).add(spelling));
    List<String> shown = new ArrayList<>();
    groups.values().forEach(g -> shown.add(String.join(" = ", g.stream().map(x -> "\"" + x + "\"").toList())));
    return "Labels of "
        + source
        + " that are the same number written differently are kept as separate classes, as"
        + " written: "
        + String.join("; ", shown)
        + ". To count each number as one class, read with mergeNumericLabels(true)"
        + " (magic: --merge-numbers)";
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    try {
      double d = Double.parseDouble(s);
      return !Double.isNaN(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
