package dev.errata.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names one number computed from a confusion matrix: what is measured ({@link Kind}), over what
 * (the whole data, one class, or an {@link Average} over classes) and what a ratio with a zero
 * denominator becomes ({@link ZeroDivision}). It is the one vocabulary of metrics: {@code %slices
 * --metrics}, {@code %compare --metrics}, audit rules, business targets of {@code %milestones} and
 * the keys of the experiment log all read and write it, so "macro f1" is the same number and the
 * same spelling everywhere.
 *
 * <p>Written names ({@link #parse}): {@code accuracy}, {@code error rate}, {@code balanced
 * accuracy}, {@code matthews}, {@code kappa}; and for the per-class measures {@code precision},
 * {@code recall}, {@code f1}, {@code false positive rate}, {@code false negative rate}: {@code
 * "f1 of hernia"} (one class), {@code "macro f1"}, {@code "weighted recall"}, {@code "micro
 * precision"} (averages), or the bare name, which means the positive class when the data names one
 * and the macro average otherwise. Case, {@code _} and {@code -} do not matter.
 *
 * <p>Definitions follow scikit-learn: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2TP
 * / (2TP + FP + FN), false positive rate = FP / (FP + TN), false negative rate = FN / (FN + TP).
 * Under the default {@link ZeroDivision#UNDEFINED} a ratio with a zero denominator is NaN and
 * averages are taken over the classes where it is defined (scikit-learn's {@code
 * zero_division=np.nan}).
 *
 * @param kind what is measured
 * @param className the class, for a per-class measure of one class
 * @param average how per-class values are combined, for a per-class measure over all classes
 * @param zeroDivision what a ratio with a zero denominator becomes
 */
public record Metric(
    Kind kind, Optional<String> className, Optional<Average> average, ZeroDivision zeroDivision) {

  /** What a metric measures. */
  public enum Kind {
    ACCURACY("accuracy", false, true),
    ERROR_RATE("error rate", false, false),
    BALANCED_ACCURACY("balanced accuracy", false, true),
    MATTHEWS("matthews", false, true),
    KAPPA("kappa", false, true),
    PRECISION("precision", true, true),
    RECALL("recall", true, true),
    F1("f1", true, true),
    /** Of one class: predicted as the class among examples of other classes, FP / (FP + TN). */
    FALSE_POSITIVE_RATE("false positive rate", true, false),
    /** Of one class: predicted as another class among the class's examples, FN / (FN + TP). */
    FALSE_NEGATIVE_RATE("false negative rate", true, false);

    private final String label;
    private final boolean perClass;
    private final boolean higherIsBetter;

    Kind(String label, boolean perClass, boolean higherIsBetter) {
      this.label = label;
      this.perClass = perClass;
      this.higherIsBetter = higherIsBetter;
    }

    /** Returns the name a person writes, e.g. "error rate". */
    public String label() {
      return label;
    }

    /** Returns whether the kind is measured per class (and so needs a class or an average). */
    public boolean perClass() {
      return perClass;
    }
  }

  /** Other spellings people write for a kind, mapped to it. */
  private static final List<String[]> ALIASES =
      List.of(
          new String[] {"f1 score", "f1"},
          new String[] {"f1score", "f1"},
          new String[] {"f measure", "f1"},
          new String[] {"fpr", "false positive rate"},
          new String[] {"fnr", "false negative rate"},
          new String[] {"mcc", "matthews"},
          new String[] {"matthews correlation", "matthews"},
          new String[] {"cohen kappa", "kappa"},
          new String[] {"cohen's kappa", "kappa"},
          new String[] {"error", "error rate"});

  public Metric {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(average, "average");
    Objects.requireNonNull(zeroDivision, "zeroDivision");
    if (!kind.perClass && (className.isPresent() || average.isPresent())) {
      throw new IllegalArgumentException(
          kind.label + " is not per class; drop the class or the average");
    }
    if (kind.perClass && className.isPresent() == average.isPresent()) {
      throw new IllegalArgumentException(
          kind.label + " needs either one class or an average over classes (macro, weighted, micro)");
    }
  }

  /** Returns accuracy: correct / all. */
  public static Metric accuracy() {
    return of(Kind.ACCURACY);
  }

  /** Returns the error rate: wrong / all. */
  public static Metric errorRate() {
    return of(Kind.ERROR_RATE);
  }

  /** Returns {@code kind} of class {@code className}. */
  public static Metric of(Kind kind, String className) {
    return new Metric(kind, Optional.of(className), Optional.empty(), ZeroDivision.UNDEFINED);
  }

  /** Returns {@code kind} over the whole data, or macro-averaged over classes for a per-class kind. */
  public static Metric of(Kind kind) {
    return kind.perClass ? of(kind, Average.MACRO) : new Metric(
        kind, Optional.empty(), Optional.empty(), ZeroDivision.UNDEFINED);
  }

  /** Returns the per-class {@code kind} combined over classes by {@code average}. */
  public static Metric of(Kind kind, Average average) {
    return new Metric(kind, Optional.empty(), Optional.of(average), ZeroDivision.UNDEFINED);
  }

  /**
   * Returns {@code kind} of the {@code positive} class when there is one, else its macro average
   * (the whole-data kinds ignore {@code positive}).
   */
  public static Metric of(Kind kind, Optional<String> positive) {
    return kind.perClass && positive.isPresent() ? of(kind, positive.get()) : of(kind);
  }

  /** Returns the same metric under another zero-division policy. */
  public Metric withZeroDivision(ZeroDivision policy) {
    return new Metric(kind, className, average, policy);
  }

  /**
   * Reads a written metric name (see the class comment); {@code positive} is the data's positive
   * class, which a bare per-class name refers to. An unknown name is an error listing the known
   * ones.
   */
  public static Metric parse(String text, Optional<String> positive) {
    Objects.requireNonNull(text, "text");
    String written = text.trim();
    String className = null;
    String name = written;
    int of = indexOfWord(written, "of");
    if (of >= 0) {
      className = written.substring(of + 2).trim();
      name = written.substring(0, of).trim();
      if (className.length() >= 2
          && (className.startsWith("\"") && className.endsWith("\"")
              || className.startsWith("'") && className.endsWith("'"))) {
        className = className.substring(1, className.length() - 1);
      }
      if (className.isEmpty()) {
        throw new IllegalArgumentException(
            "The metric \"" + text + "\" names no class after \"of\"; " + knownNames());
      }
    }
    String key = normalise(name);
    Average average = null;
    for (Average a : Average.values()) {
      String prefix = a.name().toLowerCase(Locale.ROOT) + " ";
      String suffix = " (" + a.name().toLowerCase(Locale.ROOT) + ")";
      if (key.startsWith(prefix)) {
        average = a;
        key = key.substring(prefix.length()).trim();
      } else if (key.endsWith(suffix)) {
        average = a;
        key = key.substring(0, key.length() - suffix.length()).trim();
      }
    }
    Kind kind = kind(key, text);
    if (!kind.perClass && (average != null || className != null)) {
      throw new IllegalArgumentException(
          "The metric \""
              + text
              + "\": "
              + kind.label
              + " is not per class, so it takes no class and no average; per-class metrics are "
              + perClassNames());
    }
    if (average != null && className != null) {
      throw new IllegalArgumentException(
          "The metric \"" + text + "\" names both an average and a class; write one of them");
    }
    if (className != null) {
      return of(kind, className);
    }
    if (average != null) {
      return of(kind, average);
    }
    return of(kind, positive);
  }

  /** Reads a list of written metric names, each as {@link #parse}. */
  public static List<Metric> parseAll(List<String> texts, Optional<String> positive) {
    List<Metric> out = new ArrayList<>();
    for (String t : texts) {
      out.add(parse(t, positive));
    }
    return out;
  }

  /** Returns the kind written as {@code key} (normalised), or throws listing the known names. */
  private static Kind kind(String key, String text) {
    for (Kind k : Kind.values()) {
      if (k.label.equals(key)) {
        return k;
      }
    }
    for (String[] alias : ALIASES) {
      if (alias[0].equals(key)) {
        return kind(alias[1], text);
      }
    }
    throw new IllegalArgumentException("Unknown metric \"" + text + "\"; " + knownNames());
  }

  /** Returns the sentence listing every written form, for error messages and help. */
  public static String knownNames() {
    return "metrics are "
        + Arrays.stream(Kind.values()).map(Kind::label).toList()
        + "; a per-class one may say its class (\"f1 of hernia\") or an average (\"macro f1\","
        + " \"weighted recall\", \"micro precision\"); alone it means the positive class, or the"
        + " macro average when there is none";
  }

  /** Returns the names of the kinds, e.g. "accuracy", "false positive rate". */
  public static List<String> kindNames() {
    return Arrays.stream(Kind.values()).map(Kind::label).toList();
  }

  private static List<String> perClassNames() {
    return Arrays.stream(Kind.values()).filter(k -> k.perClass).map(Kind::label).toList();
  }

  private static String normalise(String name) {
    return name.trim()
        .toLowerCase(Locale.ROOT)
        .replace('_', ' ')
        .replace('-', ' ')
        .replaceAll("\\s+", " ");
  }

  /** Returns where {@code word} stands alone in {@code text} (case-insensitive), or -1. */
  private static int indexOfWord(String text, String word) {
    String lower = text.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf(word, from);
      if (at < 0) {
        return -1;
      }
      boolean before = at == 0 || Character.isWhitespace(lower.charAt(at - 1));
      int end = at + word.length();
      boolean after = end == lower.length() || Character.isWhitespace(lower.charAt(end));
      if (before && after) {
        return at;
      }
      from = at + 1;
    }
  }

  /**
   * Returns the metric's one spelling, used as table label and as the experiment log's key:
   * "accuracy", "macro f1", "recall of hernia"; a policy other than undefined is appended as
   * " (zero_division=0)".
   */
  public String key() {
    String base =
        className
            .map(c -> kind.label + " of " + c)
            .orElseGet(
                () ->
                    average
                        .map(a -> a.name().toLowerCase(Locale.ROOT) + " " + kind.label)
                        .orElse(kind.label));
    return zeroDivision == ZeroDivision.UNDEFINED
        ? base
        : base + " (zero_division=" + (int) zeroDivision.value() + ")";
  }

  /** Returns {@link #key()}: the name shown in tables. */
  public String label() {
    return key();
  }

  /** Returns whether a larger value is better (all but the error and false positive/negative rates). */
  public boolean higherIsBetter() {
    return kind.higherIsBetter;
  }

  /**
   * Returns whether this metric is a proportion of examples (successes over trials), so it has a
   * Wilson interval and a two-proportion test: accuracy, error rate, and precision, recall and the
   * false positive and negative rates of one class.
   */
  public boolean isProportion() {
    return switch (kind) {
      case ACCURACY, ERROR_RATE -> true;
      case PRECISION, RECALL, FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE -> className.isPresent();
      default -> false;
    };
  }

  /**
   * Returns whether this metric's values are rates in [0, 1], read as percentages: every kind but
   * Matthews' correlation and Cohen's kappa, which range over [-1, 1].
   */
  public boolean isRate() {
    return kind != Kind.MATTHEWS && kind != Kind.KAPPA;
  }

  /**
   * Returns whether {@code key} names a rate of this vocabulary ({@link #parse}, e.g. {@code
   * "accuracy"}, {@code "recall of 1"}, {@code "macro f1"}); false for any other name, such as a
   * loss a user logged.
   */
  public static boolean isRateKey(String key) {
    try {
      return parse(key, Optional.empty()).isRate();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the value on {@code counts}; NaN when undefined. Throws on an unknown class. */
  public double value(ConfusionMatrix counts) {
    ClassificationMetrics m = new ClassificationMetrics(counts, zeroDivision);
    return switch (kind) {
      case ACCURACY -> m.accuracy();
      case ERROR_RATE -> zeroDivision.divide(Math.max(0, counts.total() - counts.correct()), counts.total());
      case BALANCED_ACCURACY -> m.balancedAccuracy();
      case MATTHEWS -> m.matthews();
      case KAPPA -> m.kappa();
      case PRECISION, RECALL, F1 -> {
        Measure measure =
            kind == Kind.PRECISION ? Measure.PRECISION : kind == Kind.RECALL ? Measure.RECALL : Measure.F1;
        yield className.isPresent()
            ? m.perClass(measure, classCode(counts))
            : m.average(average.orElseThrow(), measure);
      }
      case FALSE_POSITIVE_RATE, FALSE_NEGATIVE_RATE ->
          className.isPresent() ? rate(counts, classCode(counts)) : averagedRate(counts);
    };
  }

  /**
   * Returns the metric as successes over trials on {@code counts}, or empty when it is not a
   * proportion (see {@link #isProportion()}).
   */
  public Optional<Proportion> proportion(ConfusionMatrix counts) {
    if (!isProportion()) {
      return Optional.empty();
    }
    double total = counts.total();
    int c = className.isPresent() ? classCode(counts) : -1;
    return Optional.of(
        switch (kind) {
          case ACCURACY -> new Proportion(counts.correct(), total);
          case ERROR_RATE -> new Proportion(Math.max(0, total - counts.correct()), total);
          case PRECISION -> new Proportion(counts.count(c, c), counts.predictedTotal(c));
          case RECALL -> new Proportion(counts.count(c, c), counts.actualTotal(c));
          case FALSE_POSITIVE_RATE ->
              new Proportion(
                  Math.max(0, counts.predictedTotal(c) - counts.count(c, c)),
                  Math.max(0, total - counts.actualTotal(c)));
          case FALSE_NEGATIVE_RATE ->
              new Proportion(
                  Math.max(0, counts.actualTotal(c) - counts.count(c, c)), counts.actualTotal(c));
          default -> throw new IllegalStateException(kind + " is not a proportion");
        });
  }

  /** Returns the class's code in {@code counts}; an unknown class is an error listing them. */
  public int classCode(ConfusionMatrix counts) {
    return className
        .map(c -> counts.labels().require(c, "class"))
        .orElseThrow(() -> new IllegalStateException(key() + " is not of one class"));
  }

  private double rate(ConfusionMatrix cm, int c) {
    double[] q = rateCounts(cm, c);
    return zeroDivision.divide(q[0], q[1]);
  }

  /** FP and FP + TN (false positive rate) or FN and FN + TP (false negative rate) of class c. */
  private double[] rateCounts(ConfusionMatrix cm, int c) {
    double tp = cm.count(c, c);
    if (kind == Kind.FALSE_POSITIVE_RATE) {
      return new double[] {
        Math.max(0, cm.predictedTotal(c) - tp), Math.max(0, cm.total() - cm.actualTotal(c))
      };
    }
    return new double[] {Math.max(0, cm.actualTotal(c) - tp), cm.actualTotal(c)};
  }

  /**
   * Averages the false positive or negative rate: macro over the classes where it is defined (or
   * all, under a policy that fills undefined ratios), weighted by support, or micro from summed
   * counts.
   */
  private double averagedRate(ConfusionMatrix cm) {
    Average a = average.orElseThrow();
    if (a == Average.MICRO) {
      double num = 0;
      double den = 0;
      for (int c = 0; c < cm.classes(); c++) {
        double[] q = rateCounts(cm, c);
        num += q[0];
        den += q[1];
      }
      return zeroDivision.divide(num, den);
    }
    double sum = 0;
    double weights = 0;
    for (int c = 0; c < cm.classes(); c++) {
      double v = rate(cm, c);
      if (Double.isNaN(v)) {
        continue;
      }
      double w = a == Average.WEIGHTED ? cm.actualTotal(c) : 1;
      sum += w * v;
      weights += w;
    }
    return weights == 0 ? (zeroDivision == ZeroDivision.UNDEFINED ? Double.NaN : zeroDivision.value())
        : sum / weights;
  }

  @Override
  public String toString() {
    return key();
  }
}
