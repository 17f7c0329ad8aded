package dev.errata.slices;

import dev.errata.metrics.Metric;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * One slice of the data (rows sharing a value of each sliced column) with its confusion matrix;
 * every metric is computed from those counts.
 *
 * @param columns the sliced columns
 * @param values the slice's value in each column, in the same order
 * @param counts the slice's confusion matrix (rows = actual, columns = predicted)
 */
public record Slice(List<String> columns, List<String> values, ConfusionMatrix counts) {

  public Slice {
    columns = List.copyOf(columns);
    values = List.copyOf(values);
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          "Columns " + columns + " and values " + values + " differ");
    }
  }

  /** Returns the number (or weight) of examples in the slice. */
  public double support() {
    return counts.total();
  }

  /** Returns {@code metric} on this slice; NaN when undefined. */
  public double value(Metric metric) {
    return metric.value(counts);
  }

  /** Returns the Wilson interval of a proportion metric, undefined for F1 and macro averages. */
  public Interval interval(Metric metric, double level) {
    return metric.proportion(counts).map(p -> p.wilson(level)).orElse(Interval.undefined(level));
  }

  /** Returns the slice as a person reads it, e.g. "accent = scottish, gender = male". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + " = " + values.get(i));
    }
    return String.join(", ", parts);
  }

  @Override
  public String toString() {
    return "Slice[" + describe() + ", n = " + support() + "]";
  }
}
