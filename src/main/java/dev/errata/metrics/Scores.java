package dev.errata.metrics;

import dev.errata.load.Predictions;
import java.util.Arrays;
import java.util.Objects;

/**
 * Counts true and false positives at every distinct score, for curves and thresholds; the same
 * counts as scikit-learn's {@code _binary_clf_curve}.
 *
 * <p>An example is predicted positive when its score is {@code >= threshold}. Thresholds are
 * decreasing; {@code truePositives[i]} and {@code falsePositives[i]} count (or weigh) the examples
 * with score {@code >= thresholds[i]}. Examples of weight 0 are left out, as scikit-learn does.
 *
 * @param positive the positive label
 * @param negative what the other examples are called
 * @param thresholds distinct scores, decreasing
 * @param truePositives cumulative positive weight at each threshold
 * @param falsePositives cumulative negative weight at each threshold
 */
public record Scores(
    String positive,
    String negative,
    double[] thresholds,
    double[] truePositives,
    double[] falsePositives) {

  public Scores {
    Objects.requireNonNull(positive, "positive");
    Objects.requireNonNull(negative, "negative");
    thresholds = thresholds.clone();
    truePositives = truePositives.clone();
    falsePositives = falsePositives.clone();
    if (thresholds.length == 0
        || truePositives.length != thresholds.length
        || falsePositives.length != thresholds.length) {
      throw new IllegalArgumentException(
          "Scores need at least one threshold and one count of each kind per threshold");
    }
  }

  /** Scores the predictions' positive label (see {@link #of(Predictions, String)}). */
  public static Scores of(Predictions p) {
    return of(p, null);
  }

  /**
   * Scores {@code positive} one-vs-rest, from the score column or that class's probability column.
   *
   * @param positive the positive label; null means the predictions' positive label, or the second
   *     class of a two-class set
   */
  public static Scores of(Predictions p, String positive) {
    int code = positiveCode(p, positive);
    int n = p.size();
    boolean[] isPositive = new boolean[n];
    double[] score = new double[n];
    double[] weight = p.hasWeights() ? new double[n] : null;
    boolean fromProbabilities = p.hasProbability(code);
    if (!fromProbabilities) {
      if (!p.hasScores()) {
        throw new IllegalStateException(
            "No score or probability column for \""
                + p.labels().name(code)
                + "\" in "
                + p.source()
                + "; read it with .score(\"column\") or .probabilities(...)");
      }
      int scored = positiveCode(p, null);
      if (scored != code) {
        throw new IllegalArgumentException(
            "The score column \""
                + p.roles().score().orElse("score")
                + "\" scores \""
                + p.labels().name(scored)
                + "\", not \""
                + p.labels().name(code)
                + "\"; read one probability column per class to score another label");
      }
    }
    for (int i = 0; i < n; i++) {
      isPositive[i] = p.actual(i) == code;
      score[i] = fromProbabilities ? p.probability(i, code) : p.score(i);
      if (weight != null) {
        weight[i] = p.weight(i);
      }
    }
    String label = p.labels().name(code);
    String negative = p.labels().size() == 2 ? p.labels().name(1 - code) : "not " + label;
    return of(label, negative, isPositive, score, weight);
  }

  /** Returns the code of the positive label: given, the predictions' own, or the second of two. */
  static int positiveCode(Predictions p, String positive) {
    String label = positive != null ? positive : p.roles().positive().orElse(null);
    if (label != null) {
      return p.labels().require(label, "positive label");
    }
    if (p.labels().size() == 2) {
      return 1;
    }
    throw new IllegalArgumentException(
        "Name the positive label for scores over "
            + p.labels().size()
            + " classes; classes are "
            + p.labels().names());
  }

  /**
   * Counts scored examples; no per-row sort: distinct scores are sorted once and each row is placed
   * by binary search.
   *
   * @param weight per-row weights, or null for 1 each
   */
  public static Scores of(
      String positive, String negative, boolean[] isPositive, double[] score, double[] weight) {
    int n = score.length;
    double[] kept = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(score[i])) {
        throw new IllegalArgumentException("Score of row " + (i + 1) + " is NaN");
      }
      if (weight == null || weight[i] != 0) {
        kept[m++] = score[i] + 0.0; // -0.0 and 0.0 are one threshold
      }
    }
    if (m == 0) {
      throw new IllegalArgumentException("No scored example with a non-zero weight");
    }
    double[] distinct = Arrays.copyOf(kept, m);
    Arrays.sort(distinct);
    int d = 0;
    for (int i = 0; i < m; i++) {
      if (d == 0 || distinct[i] != distinct[d - 1]) {
        distinct[d++] = distinct[i];
      }
    }
    double[] pos = new double[d];
    double[] neg = new double[d];
    for (int i = 0; i < n; i++) {
      double w = weight == null ? 1 : weight[i];
      if (w == 0) {
        continue;
      }
      int at = Arrays.binarySearch(distinct, 0, d, score[i] + 0.0);
      if (isPositive[i]) {
        pos[at] += w;
      } else {
        neg[at] += w;
      }
    }
    double[] thresholds = new double[d];
    double[] tps = new double[d];
    double[] fps = new double[d];
    double tp = 0;
    double fp = 0;
    for (int i = 0; i < d; i++) {
      int at = d - 1 - i;
      tp += pos[at];
      fp += neg[at];
      thresholds[i] = distinct[at];
      tps[i] = tp;
      fps[i] = fp;
    }
    return new Scores(positive, negative, thresholds, tps, fps);
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public double[] truePositives() {
    return truePositives.clone();
  }

  @Override
  public double[] falsePositives() {
    return falsePositives.clone();
  }

  /** Returns the total positive weight. */
  public double positives() {
    return truePositives[truePositives.length - 1];
  }

  /** Returns the total negative weight. */
  public double negatives() {
    return falsePositives[falsePositives.length - 1];
  }

  /** Returns the ROC curve, with scikit-learn's {@code drop_intermediate=true}. */
  public RocCurve roc() {
    return RocCurve.of(this, true);
  }

  /** Returns the ROC curve with every threshold, or with collinear points dropped. */
  public RocCurve roc(boolean dropIntermediate) {
    return RocCurve.of(this, dropIntermediate);
  }

  /** Returns the area under the ROC curve; undefined unless both classes occur. */
  public double rocAuc() {
    return roc().auc();
  }

  /** Returns the precision-recall curve. */
  public PrecisionRecallCurve precisionRecall() {
    return PrecisionRecallCurve.of(this);
  }

  /**
   * Returns average precision (the step-wise area under the PR curve); undefined with no positive.
   */
  public double averagePrecision() {
    return precisionRecall().averagePrecision();
  }

  /** Returns the binary metrics when examples with score {@code >= threshold} are positive. */
  public BinaryMetrics at(double threshold) {
    int i = -1;
    while (i + 1 < thresholds.length && thresholds[i + 1] >= threshold) {
      i++;
    }
    return metricsAt(i);
  }

  BinaryMetrics metricsAt(int i) {
    double tp = i < 0 ? 0 : truePositives[i];
    double fp = i < 0 ? 0 : falsePositives[i];
    return new BinaryMetrics(
        positive, negative, tp, fp, positives() - tp, negatives() - fp, ZeroDivision.UNDEFINED);
  }

  /** Returns the highest threshold whose recall is at least {@code target}. */
  public ThresholdChoice forRecall(double target) {
    ThresholdChoice.check("recall", target);
    if (positives() == 0) {
      throw new IllegalArgumentException("Recall is undefined: no example is \"" + positive + "\"");
    }
    for (int i = 0; i < thresholds.length; i++) {
      if (truePositives[i] / positives() >= target) {
        return new ThresholdChoice("recall", target, thresholds[i], metricsAt(i));
      }
    }
    throw new IllegalStateException("Recall 1 is always reached at the lowest threshold");
  }

  /**
   * Returns the lowest threshold whose precision is at least {@code target}, so recall is as high
   * as that precision allows; throws when no threshold reaches it, naming the best precision.
   */
  public ThresholdChoice forPrecision(double target) {
    ThresholdChoice.check("precision", target);
    double best = Double.NaN;
    int bestAt = -1;
    for (int i = thresholds.length - 1; i >= 0; i--) {
      double precision = truePositives[i] / (truePositives[i] + falsePositives[i]);
      if (precision >= target) {
        return new ThresholdChoice("precision", target, thresholds[i], metricsAt(i));
      }
      if (!(precision <= best)) {
        best = precision;
        bestAt = i;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            java.util.Locale.ROOT,
            "No threshold reaches precision %s for \"%s\"; the highest is %s at threshold %s",
            target,
            positive,
            best,
            bestAt < 0 ? Double.NaN : thresholds[bestAt]));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scores s
        && s.positive.equals(positive)
        && s.negative.equals(negative)
        && Arrays.equals(s.thresholds, thresholds)
        && Arrays.equals(s.truePositives, truePositives)
        && Arrays.equals(s.falsePositives, falsePositives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(positive, Arrays.hashCode(thresholds), Arrays.hashCode(truePositives));
  }

  @Override
  public String toString() {
    return "Scores[positive=" + positive + ", " + thresholds.length + " thresholds]";
  }
}
