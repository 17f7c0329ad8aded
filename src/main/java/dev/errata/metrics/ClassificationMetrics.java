package dev.errata.metrics;

import dev.errata.present.Presentable;
import java.util.List;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Computes every classification metric from one confusion matrix, defined as scikit-learn 1.2
 * defines them.
 *
 * <p>Every number is a method over the counts, so none can disagree with them. Class {@code c} is
 * treated one-vs-rest: tp = cell (c, c), fp = predicted c but actually another class, fn = actual c
 * predicted as another class, tn = the rest. Ratios with a zero denominator follow {@link
 * #zeroDivision()}; under {@link ZeroDivision#UNDEFINED} they are NaN and averages skip them.
 *
 * @param confusion the counts (rows = actual, columns = predicted), possibly weighted
 * @param zeroDivision what an undefined ratio becomes
 */
public record ClassificationMetrics(ConfusionMatrix confusion, ZeroDivision zeroDivision) implements Presentable {

  public ClassificationMetrics {
    Objects.requireNonNull(confusion, "confusion");
    Objects.requireNonNull(zeroDivision, "zeroDivision");
  }

  /** Computes metrics over {@code cm} with undefined ratios left undefined. */
  public static ClassificationMetrics of(ConfusionMatrix cm) {
    return new ClassificationMetrics(cm, ZeroDivision.UNDEFINED);
  }

  /** Counts {@code p} in one pass and computes metrics with undefined ratios left undefined. */
  public static ClassificationMetrics of(Predictions p) {
    return of(ConfusionMatrix.of(p));
  }

  /** Returns the same metrics under another zero-division policy. */
  public ClassificationMetrics withZeroDivision(ZeroDivision policy) {
    return new ClassificationMetrics(confusion, policy);
  }

  /** Returns the classes; code {@code c} is {@code labels().name(c)}. */
  public Labels labels() {
    return confusion.labels();
  }

  /** Returns the number of classes. */
  public int classes() {
    return confusion.classes();
  }

  /** Returns the share of examples classified correctly. */
  public double accuracy() {
    return zeroDivision.divide(confusion.correct(), confusion.total());
  }

  /** Returns the true positives of class {@code c}. */
  public double truePositives(int c) {
    return confusion.count(c, c);
  }

  /** Returns the examples predicted as {@code c} that are another class. */
  public double falsePositives(int c) {
    return confusion.predictedTotal(c) - confusion.count(c, c);
  }

  /** Returns the examples of class {@code c} predicted as another class. */
  public double falseNegatives(int c) {
    return confusion.actualTotal(c) - confusion.count(c, c);
  }

  /** Returns the examples neither of class {@code c} nor predicted as {@code c}. */
  public double trueNegatives(int c) {
    return confusion.total()
        - confusion.actualTotal(c)
        - confusion.predictedTotal(c)
        + confusion.count(c, c);
  }

  /** Returns the number (or weight) of actual examples of class {@code c}. */
  public double support(int c) {
    return confusion.actualTotal(c);
  }

  /** Returns tp / (tp + fp) of class {@code c}; undefined when {@code c} is never predicted. */
  public double precision(int c) {
    return zeroDivision.divide(truePositives(c), confusion.predictedTotal(c));
  }

  /** Returns tp / (tp + fn) of class {@code c}; undefined when {@code c} never occurs. */
  public double recall(int c) {
    return zeroDivision.divide(truePositives(c), confusion.actualTotal(c));
  }

  /** Returns tn / (tn + fp) of class {@code c}; undefined when every example is class {@code c}. */
  public double specificity(int c) {
    double tn = trueNegatives(c);
    return zeroDivision.divide(tn, tn + falsePositives(c));
  }

  /** Returns the F1 score of class {@code c}, the harmonic mean of precision and recall. */
  public double f1(int c) {
    return fBeta(c, 1);
  }

  /**
   * Returns the F-beta score of class {@code c}: (1 + β²)·P·R / (β²·P + R), 0 when that denominator
   * is 0, computed from P and R with undefined ones counted as this policy's value; under {@link
   * ZeroDivision#UNDEFINED} it is undefined only when tp + fp + fn = 0.
   */
  public double fBeta(int c, double beta) {
    return fScore(truePositives(c), confusion.predictedTotal(c), confusion.actualTotal(c), beta);
  }

  private double fScore(double tp, double predicted, double actual, double beta) {
    if (!(beta >= 0)) {
      throw new IllegalArgumentException("beta must be >= 0, got " + beta);
    }
    double substitute = zeroDivision == ZeroDivision.ONE ? 1 : 0;
    double p = predicted == 0 ? substitute : tp / predicted;
    double r = actual == 0 ? substitute : tp / actual;
    if (zeroDivision == ZeroDivision.UNDEFINED && predicted == 0 && actual == 0) {
      return Double.NaN;
    }
    if (Double.isInfinite(beta)) {
      return r;
    }
    double b2 = beta * beta;
    double denominator = b2 * p + r;
    return (1 + b2) * p * r / (denominator == 0 ? 1 : denominator);
  }

  /** Returns the per-class value of {@code measure} for class {@code c}. */
  public double perClass(Measure measure, int c) {
    return switch (measure) {
      case PRECISION -> precision(c);
      case RECALL -> recall(c);
      case F1 -> f1(c);
    };
  }

  /**
   * Returns {@code measure} averaged over classes. Under {@link ZeroDivision#UNDEFINED}, macro and
   * weighted averages leave out the classes where it is undefined (scikit-learn 1.3+'s {@code
   * zero_division=np.nan}) and are undefined when every class is.
   */
  public double average(Average average, Measure measure) {
    return switch (measure) {
      case PRECISION, RECALL ->
          average == Average.MICRO
              ? zeroDivision.divide(confusion.correct(), confusion.total())
              : combine(average, c -> perClass(measure, c));
      case F1 -> averageFBeta(average, 1);
    };
  }

  /** Returns the F-beta score averaged over classes (see {@link #average(Average, Measure)}). */
  public double averageFBeta(Average average, double beta) {
    if (average == Average.MICRO) {
      double total = confusion.total();
      return fScore(confusion.correct(), total, total, beta);
    }
    return combine(average, c -> fBeta(c, beta));
  }

  private double combine(Average average, java.util.function.IntToDoubleFunction perClass) {
    double total = confusion.total();
    if (average == Average.WEIGHTED && total == 0) {
      return zeroDivision.value();
    }
    double sum = 0;
    double weights = 0;
    for (int c = 0; c < classes(); c++) {
      double v = perClass.applyAsDouble(c);
      if (!Double.isNaN(v)) {
        double w = average == Average.WEIGHTED ? support(c) : 1;
        sum += w * v;
        weights += w;
      }
    }
    return weights == 0 ? Double.NaN : sum / weights;
  }

  /** Returns the mean recall over classes that occur (scikit-learn's balanced accuracy). */
  public double balancedAccuracy() {
    return balancedAccuracy(false);
  }

  /**
   * Returns balanced accuracy; when {@code adjusted}, rescaled so that chance is 0 and perfect is
   * 1. Classes with no actual examples are left out, as in scikit-learn.
   */
  public double balancedAccuracy(boolean adjusted) {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < classes(); c++) {
      double support = support(c);
      if (support != 0) {
        sum += truePositives(c) / support;
        n++;
      }
    }
    double score = n == 0 ? Double.NaN : sum / n;
    if (adjusted) {
      double chance = 1.0 / n;
      score = (score - chance) / (1 - chance);
    }
    return score;
  }

  /**
   * Returns the Matthews correlation coefficient (multi-class form, Gorodkin 2004). When actual or
   * predicted labels are constant it is 0/0: NaN under {@link ZeroDivision#UNDEFINED}, otherwise 0
   * as scikit-learn returns.
   */
  public double matthews() {
    int k = classes();
    double n = confusion.total();
    double correct = confusion.correct();
    double tp = 0;
    double pp = 0;
    double tt = 0;
    for (int c = 0; c < k; c++) {
      double t = confusion.actualTotal(c);
      double p = confusion.predictedTotal(c);
      tp += t * p;
      pp += p * p;
      tt += t * t;
    }
    double covTp = correct * n - tp;
    double covPp = n * n - pp;
    double covTt = n * n - tt;
    if (covPp * covTt == 0) {
      return zeroDivision == ZeroDivision.UNDEFINED ? Double.NaN : 0.0;
    }
    return covTp / Math.sqrt(covTt * covPp);
  }

  /** Returns Cohen's kappa between actual and predicted labels (unweighted). */
  public double kappa() {
    return kappa(KappaWeighting.NONE);
  }

  /**
   * Returns Cohen's kappa with the given disagreement weights (linear and quadratic treat the class
   * order as ordinal); NaN when the expected disagreement is 0, as in scikit-learn.
   */
  public double kappa(KappaWeighting weighting) {
    int k = classes();
    double n = confusion.total();
    double[] actual = new double[k];
    for (int j = 0; j < k; j++) {
      actual[j] = confusion.actualTotal(j);
    }
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < k; i++) {
      double predictedI = confusion.predictedTotal(i);
      for (int j = 0; j < k; j++) {
        double w = weighting.weight(i, j);
        observed += w * confusion.count(i, j);
        expected += w * predictedI * actual[j] / n;
      }
    }
    return 1 - observed / expected;
  }

  /** Returns the one-vs-rest binary view with {@code positive} as the positive label. */
  public BinaryMetrics binary(String positive) {
    return binary(labels().require(positive, "positive label"));
  }

  /** Returns the one-vs-rest binary view with class code {@code positive} as positive. */
  public BinaryMetrics binary(int positive) {
    String negative =
        classes() == 2 ? labels().name(1 - positive) : "not " + labels().name(positive);
    return new BinaryMetrics(
        labels().name(positive),
        negative,
        truePositives(positive),
        falsePositives(positive),
        falseNegatives(positive),
        trueNegatives(positive),
        zeroDivision);
  }

  /**
   * Returns the per-class measures in long form: one row per class and measure (precision,
   * recall, F1, in that order per class) with columns "class", "measure" and "value" (NaN where
   * undefined), the shape grouped jsplot bars are built from.
   */
  public Table toLongTable() {
    StringColumn name = StringColumn.create("class");
    StringColumn measure = StringColumn.create("measure");
    DoubleColumn value = DoubleColumn.create("value");
    for (int c = 0; c < classes(); c++) {
      for (Measure m : Measure.values()) {
        name.append(labels().name(c));
        measure.append(m == Measure.F1 ? "F1" : m.name().toLowerCase(java.util.Locale.ROOT));
        value.append(perClass(m, c));
      }
    }
    return Table.create("Per-class measures, long (one row per class and measure)", name,
        measure, value);
  }

  /** Returns the single-number metrics: accuracy, balanced accuracy, MCC, kappa. */
  public Table overallTable() {
    return Table.create(
        "Classification metrics over all classes",
        StringColumn.create(
            "metric", "accuracy", "balanced accuracy", "Matthews correlation", "Cohen's kappa"),
        DoubleColumn.create(
            "value", new double[] {accuracy(), balancedAccuracy(), matthews(), kappa()}));
  }

  /**
   * Returns one row per class (precision, recall, F1, specificity, support) and a row per average
   * (macro, weighted, micro), as scikit-learn's {@code classification_report}.
   */
  public Table toTable() {
    StringColumn name = StringColumn.create("class");
    DoubleColumn precision = DoubleColumn.create("precision");
    DoubleColumn recall = DoubleColumn.create("recall");
    DoubleColumn f1 = DoubleColumn.create("f1-score");
    DoubleColumn specificity = DoubleColumn.create("specificity");
    DoubleColumn support = DoubleColumn.create("support");
    for (int c = 0; c < classes(); c++) {
      name.append(labels().name(c));
      precision.append(precision(c));
      recall.append(recall(c));
      f1.append(f1(c));
      specificity.append(specificity(c));
      support.append(support(c));
    }
    for (Average a : Average.values()) {
      name.append(a.label());
      precision.append(average(a, Measure.PRECISION));
      recall.append(average(a, Measure.RECALL));
      f1.append(average(a, Measure.F1));
      specificity.appendMissing();
      support.append(confusion.total());
    }
    return Table.create(
        "Classification metrics per class (one-vs-rest) and averaged",
        name,
        precision,
        recall,
        f1,
        specificity,
        support);
  }

  /** Shows the per-class table, then the overall metrics (rates as percentages). */
  @Override
  public Presentation present() {
    return Presentation.of(
        Section.of(toTable())
            .with(ColumnKind.LABEL, "class")
            .with(ColumnKind.PROPORTION, "precision", "recall", "f1-score", "specificity")
            .with(ColumnKind.COUNT, "support"),
        Section.of(overallTable()).with(ColumnKind.LABEL, "metric").byRow("value", OVERALL_KINDS));
  }

  /**
   * How the rows of an overall table read: accuracy and balanced accuracy are proportions,
   * Matthews' correlation and Cohen's kappa range over [-1, 1].
   */
  static final List<ColumnKind> OVERALL_KINDS =
      List.of(ColumnKind.PROPORTION, ColumnKind.PROPORTION, ColumnKind.NUMBER, ColumnKind.NUMBER);
}
