package dev.errata.course;

import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Metric;
import java.util.Locale;
import java.util.Optional;

/**
 * A project goal on one number: a metric of the vocabulary ({@code recall:1>=0.8}, {@code
 * accuracy>=0.95}) or the expected cost per example of a cost matrix ({@code cost<=0.05}).
 *
 * @param metric the metric, or empty for the expected cost
 * @param atLeast whether the value must be at least (else at most) the target
 * @param target the target value
 */
public record BusinessTarget(Optional<Metric> metric, boolean atLeast, double target) {

  static final String FORM =
      "METRIC>=X or METRIC<=X, METRIC a metric name (accuracy, error rate, macro f1, recall of 1;"
          + " also recall:1 for one class) or cost (with a cost matrix)";

  /**
   * Parses {@code recall:1>=0.8}, {@code accuracy>=0.95} or {@code cost<=0.05}; a bare per-class
   * metric ({@code recall>=0.8}) is macro-averaged.
   */
  public static BusinessTarget parse(String text) {
    return parse(text, Optional.empty());
  }

  /**
   * Parses a target as {@link #parse(String)}; a bare per-class metric means the {@code positive}
   * class when there is one, as everywhere in the metric vocabulary ({@link Metric#parse}).
   */
  public static BusinessTarget parse(String text, Optional<String> positive) {
    int ge = text.indexOf(">=");
    int le = text.indexOf("<=");
    if ((ge < 0) == (le < 0)) {
      throw new IllegalArgumentException(
          "A business target takes the form " + FORM + ", got \"" + text + "\"");
    }
    int at = ge >= 0 ? ge : le;
    String name = text.substring(0, at).trim();
    String value = text.substring(at + 2).trim();
    double target;
    try {
      target = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The business target \"" + text + "\" has no number after the comparison: " + FORM, e);
    }
    if (name.equalsIgnoreCase("cost")) {
      return new BusinessTarget(Optional.empty(), ge >= 0, target);
    }
    int colon = name.indexOf(':');
    // "recall:hernia" is the older spelling of "recall of hernia"; both read the metric vocabulary.
    Metric metric =
        colon < 0
            ? Metric.parse(name, positive)
            : Metric.parse(name.substring(0, colon), Optional.of(name.substring(colon + 1).trim()));
    return new BusinessTarget(Optional.of(metric), ge >= 0, target);
  }

  /** Returns whether this target is on the expected cost of a cost matrix. */
  public boolean isCost() {
    return metric.isEmpty();
  }

  /** Returns the metric's value on {@code cm}, or the expected cost per example under costs. */
  double value(ConfusionMatrix cm, CostMatrix costs) {
    if (metric.isPresent()) {
      return metric.get().value(cm);
    }
    if (costs == null) {
      throw new IllegalArgumentException(
          "The business target \"" + this + "\" is on cost: give a cost matrix (--costs FILE)");
    }
    return costs.expectedCost(cm);
  }

  /** Returns whether {@code value} meets the target. */
  boolean met(double value) {
    return atLeast ? value >= target : value <= target;
  }

  /** Returns the name of the number, e.g. "recall of 1" or "expected cost per example". */
  String label() {
    return metric.map(Metric::label).orElse("expected cost per example");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s %s %s", label(), atLeast ? ">=" : "<=", Double.toString(target));
  }
}
