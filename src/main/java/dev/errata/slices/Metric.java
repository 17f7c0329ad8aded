package dev.errata.slices;

import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Proportion;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Names a metric computed from a confusion matrix: accuracy, error rate, or precision, recall or F1
 * of one class or macro-averaged over classes.
 *
 * <p>Definitions follow scikit-learn: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2TP
 * / (2TP + FP + FN). A ratio with a zero denominator is NaN (undefined), never 0; a macro average
 * is the mean over the classes whose value is defined in the data at hand, as scikit-learn's {@code
 * zero_division=np.nan}.
 *
 * @param kind which metric
 * @param className the class for precision, recall or F1; empty for accuracy, error rate and macro
 */
public record Metric(Kind kind, Optional<String> className) {

  /** The metrics Errata computes from counts. */
  public enum Kind {
    ACCURACY("accuracy"),
    ERROR_RATE("error rate"),
    PRECISION("precision"),
    RECALL("recall"),
    F1("f1"),
    /** Of one class: predicted as the class among examples of other classes, FP / (FP + TN). */
    FALSE_POSITIVE_RATE("false positive rate"),
    /** Of one class: predicted as another class among the class's examples, FN / (FN + TP). */
    FALSE_NEGATIVE_RATE("false negative rate");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the name a person writes, e.g. "error rate". */
    public String label() {
      return label;
    }
  }

  public Metric {
    if (className.isPresent() && (kind == Kind.ACCURACY || kind == Kind.ERROR_RATE)) {
      throw new IllegalArgumentException(kind.label + " is not per class; drop the class");
    }
  }

  /** Returns accuracy: correct / all. */
  public static Metric accuracy() {
    return new Metric(Kind.ACCURACY, Optional.empty());
  }

  /** Returns the error rate: wrong / all. */
  public static Metric errorRate() {
    return new Metric(Kind.ERROR_RATE, Optional.empty());
  }

  /** Returns {@code kind} for class {@code className}. */
  public static Metric of(Kind kind, String className) {
    return new Metric(kind, Optional.of(className));
  }

  /** Returns {@code kind} macro-averaged over classes (or plain, for accuracy and error rate). */
  public static Metric of(Kind kind) {
    return new Metric(kind, Optional.empty());
  }

  /**
   * Parses a metric name: accuracy, error rate (or error_rate), precision, recall, f1; an unknown
   * name is an error listing the known ones.
   */
  public static Kind kind(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    for (Kind k : Kind.values()) {
      if (k.label.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "Unknown metric \""
            + name
            + "\"; metrics are "
            + Arrays.stream(Kind.values()).map(Kind::label).toList());
  }

  /** Returns whether a larger value is better (every metric but the error rate). */
  public boolean higherIsBetter() {
    return kind != Kind.ERROR_RATE
        && kind != Kind.FALSE_POSITIVE_RATE
        && kind != Kind.FALSE_NEGATIVE_RATE;
  }

  /** Returns whether this metric is a proportion with a Wilson interval and a test. */
  public boolean isProportion() {
    return switch (kind) {
      case ACCURACY, ERROR_RATE -> true;
      case PRECISION, RECALL, FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> className.isPresent();
      case F1 -> false;
    };
  }

  /** Returns the metric's name as shown in tables, e.g. "recall of hernia" or "f1 (macro)". */
  public String label() {
    return switch (kind) {
      case ACCURACY, ERROR_RATE -> kind.label;
      default -> className.map(c -> kind.label + " of " + c).orElse(kind.label + " (macro)");
    };
  }

  /** Returns the value on {@code counts}; NaN when undefined. Throws on an unknown class. */
  public double value(ConfusionMatrix counts) {
    return CountMetrics.value(kind, counts, classCode(counts));
  }

  /**
   * Returns the metric as successes over trials on {@code counts}, or empty when it is not a
   * proportion (F1, macro averages).
   */
  public Optional<Proportion> proportion(ConfusionMatrix counts) {
    return isProportion()
        ? Optional.of(CountMetrics.proportion(kind, counts, classCode(counts)))
        : Optional.empty();
  }

  /**
   * Returns the class's code in {@code counts}, or -1 for no class; lists the classes if unknown.
   */
  int classCode(ConfusionMatrix counts) {
    return className.map(c -> counts.labels().require(c, "class")).orElse(-1);
  }

  @Override
  public String toString() {
    return label();
  }
}
