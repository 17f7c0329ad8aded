package dev.errata.metrics;

import dev.errata.present.Presentable;
import java.util.List;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Views classification as positive vs. everything else, from the four counts of a 2×2 matrix.
 *
 * <p>For data with more than two classes this is one-vs-rest: {@code negative} is "not X". Ratios
 * with a zero denominator follow {@code zeroDivision}.
 *
 * @param positive the positive label
 * @param negative what the other examples are called
 * @param tp positives predicted positive
 * @param fp negatives predicted positive
 * @param fn positives predicted negative
 * @param tn negatives predicted negative
 * @param zeroDivision what an undefined ratio becomes
 */
public record BinaryMetrics(
    String positive,
    String negative,
    double tp,
    double fp,
    double fn,
    double tn,
    ZeroDivision zeroDivision) implements Presentable {

  public BinaryMetrics {
    Objects.requireNonNull(positive, "positive");
    Objects.requireNonNull(negative, "negative");
    Objects.requireNonNull(zeroDivision, "zeroDivision");
    for (double v : new double[] {tp, fp, fn, tn}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("Counts must be finite and >= 0, got " + v);
      }
    }
  }

  /** Returns the binary metrics of counts, with undefined ratios left undefined. */
  public static BinaryMetrics of(String positive, double tp, double fp, double fn, double tn) {
    return new BinaryMetrics(positive, "not " + positive, tp, fp, fn, tn, ZeroDivision.UNDEFINED);
  }

  /** Returns tp + fp + fn + tn. */
  public double total() {
    return tp + fp + fn + tn;
  }

  /** Returns tp / (tp + fp). */
  public double precision() {
    return zeroDivision.divide(tp, tp + fp);
  }

  /** Returns tp / (tp + fn), also called sensitivity or true-positive rate. */
  public double recall() {
    return zeroDivision.divide(tp, tp + fn);
  }

  /** Returns tn / (tn + fp), the true-negative rate. */
  public double specificity() {
    return zeroDivision.divide(tn, tn + fp);
  }

  /** Returns fp / (fp + tn), the false-positive rate. */
  public double falsePositiveRate() {
    return zeroDivision.divide(fp, fp + tn);
  }

  /** Returns tn / (tn + fn), the negative predictive value. */
  public double negativePredictiveValue() {
    return zeroDivision.divide(tn, tn + fn);
  }

  /** Returns (tp + tn) / total, the accuracy of the positive-vs-rest decision. */
  public double accuracy() {
    return zeroDivision.divide(tp + tn, total());
  }

  /** Returns (tp + fn) / total, the share of positives. */
  public double prevalence() {
    return zeroDivision.divide(tp + fn, total());
  }

  /** Returns F1, as {@link ClassificationMetrics#f1(int)} defines it. */
  public double f1() {
    return fBeta(1);
  }

  /** Returns F-beta, as {@link ClassificationMetrics#fBeta(int, double)} defines it. */
  public double fBeta(double beta) {
    ConfusionMatrix cm =
        new ConfusionMatrix(
            new dev.errata.load.Labels(java.util.List.of(negative, positive)),
            new double[] {tn, fp, fn, tp});
    return new ClassificationMetrics(cm, zeroDivision).fBeta(1, beta);
  }

  /** Returns the counts and rates as a two-column table (metric, value). */
  public Table toTable() {
    StringColumn name =
        StringColumn.create(
            "metric",
            "true positives",
            "false positives",
            "false negatives",
            "true negatives",
            "precision",
            "recall",
            "F1",
            "specificity",
            "false-positive rate",
            "accuracy");
    DoubleColumn value =
        DoubleColumn.create(
            "value",
            new double[] {
              tp,
              fp,
              fn,
              tn,
              precision(),
              recall(),
              f1(),
              specificity(),
              falsePositiveRate(),
              accuracy()
            });
    return Table.create("Binary metrics, positive = \"" + positive + "\"", name, value);
  }

  /** Shows the four counts, then the rates as percentages. */
  @Override
  public Presentation present() {
    return section(toTable()).present();
  }

  /** Returns {@code table} (this result's {@link #toTable} shape) with its rows' kinds. */
  static Section section(Table table) {
    List<ColumnKind> rows = new java.util.ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      rows.add(i < 4 ? ColumnKind.COUNT : ColumnKind.PROPORTION);
    }
    return Section.of(table).with(ColumnKind.LABEL, "metric").byRow("value", rows);
  }
}
