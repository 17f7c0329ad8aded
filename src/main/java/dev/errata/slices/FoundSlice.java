package dev.errata.slices;

import java.util.ArrayList;
import java.util.List;

/**
 * A slice found by discovery: a conjunction of {@code column = value} predicates with its size,
 * errors and SliceLine score.
 *
 * @param columns the predicates' columns
 * @param values the predicates' values, in the same order
 * @param size the number of rows in the slice
 * @param errors the number of wrong predictions in it
 * @param score the SliceLine score (higher is worse for the model)
 */
public record FoundSlice(
    List<String> columns, List<String> values, long size, long errors, double score) {

  public FoundSlice {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }

  /** Returns errors / size. */
  public double errorRate() {
    return (double) errors / size;
  }

  /** Returns the predicates as a person reads them, e.g. "accent = scottish ∧ device = web". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + " = " + values.get(i));
    }
    return String.join(" ∧ ", parts);
  }
}
