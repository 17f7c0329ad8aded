package dev.errata;

import dev.errata.baseline.Baselines;
import dev.errata.audit.AuditRules;
import dev.errata.compare.Compare;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Normalization;
import dev.errata.metrics.NormalizedConfusion;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import dev.errata.slices.SliceDiscovery;
import dev.errata.slices.Slices;
import dev.errata.log.ExperimentLog;
import dev.errata.metrics.Metric;
import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.render.chart.AnalysisCharts;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.Charts;
import dev.errata.slices.SliceReport;
import dev.errata.tags.GapChartData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.errata.metrics.ReportOptions;
import dev.errata.metrics.Scores;
import dev.errata.metrics.ZeroDivision;
import tech.tablesaw.api.Table;

/**
 * Starts every Errata task from one name: read predictions, then ask for results. Only chains and
 * delegates; the work lives in the packages.
 *
 * <p>Predictions in a Spark {@code Dataset<Row>} start at {@link
 * dev.errata.load.SparkPredictions#from}: no method here names a Spark type, so this class loads
 * and lists its methods without Spark on the class path.
 */
public final class Errata {

  private Errata() {}

  /** Starts reading predictions from a CSV, TSV or JSON Lines ({@code .jsonl}) file. */
  public static PredictionsReader read(String file) {
    return PredictionsReader.file(file);
  }

  /** Starts reading predictions from a table already in memory. */
  public static PredictionsReader from(Table table) {
    return PredictionsReader.fromTable(table);
  }

  /**
   * Starts from a Tribuo classification model's predictions: {@code
   * Errata.fromTribuo(model.predict(test)).load()}. Needs Tribuo on the class path; nothing else
   * in Errata does.
   */
  public static dev.errata.tribuo.TribuoPredictions fromTribuo(
      java.util.List<org.tribuo.Prediction<org.tribuo.classification.Label>> predictions) {
    return dev.errata.tribuo.TribuoPredictions.from(predictions);
  }

  /**
   * Starts from one Tribuo model's predictions on several splits, the split's name in a {@code
   * split} column for {@code %milestones}: {@code Errata.fromTribuo(Map.of("train",
   * model.predict(train), "test", model.predict(test))).load()}.
   */
  public static dev.errata.tribuo.TribuoPredictions fromTribuo(
      java.util.Map<
              String, java.util.List<org.tribuo.Prediction<org.tribuo.classification.Label>>>
          bySplit) {
    return dev.errata.tribuo.TribuoPredictions.fromSplits(bySplit);
  }

  /** Returns rows, classes with counts and the majority-class baseline. */
  public static PredictionsSummary summary(Predictions p) {
    return PredictionsSummary.of(p);
  }

  /** Returns the confusion matrix (rows = actual, columns = predicted). */
  public static ConfusionMatrix confusion(Predictions p) {
    return ConfusionMatrix.of(p);
  }

  /** Reads boolean tag columns of {@code p} (more sources: {@link Tags}). */
  public static Tags tags(Predictions p, String... columns) {
    return Tags.fromColumns(p, columns);
  }

  /** Returns the per-tag table sorted by potential gain, gaps measured against {@code baselines}. */
  public static TagReport tagReport(Tags tags, Baselines baselines) {
    return TagReport.of(tags, baselines);
  }

  /** Starts a per-slice report: {@code Errata.slices(p).by("accent", "gender").report()}. */
  public static Slices slices(Predictions p) {
    return Slices.of(p);
  }

  /** Parses audit rules, one per line; {@code Errata.audit(rules).check(p)} checks them. */
  public static AuditRules audit(String rules) {
    return AuditRules.parse(rules);
  }

  /** Starts comparing two runs on the same examples, joined by id. */
  public static Compare compare(Predictions before, Predictions after) {
    return Compare.runs(before, after);
  }

  /** Starts searching for the slices with the most errors for their size. */
  public static SliceDiscovery discover(Predictions p) {
    return SliceDiscovery.of(p);
  }

  /** Returns the confusion matrix as a heatmap chart (counts as text, colour by row share). */
  public static Chart heatmap(ConfusionMatrix cm) {
    return Charts.confusion(cm);
  }

  /**
   * Returns the runs' parameters against a metric as parallel coordinates, one line per run:
   * {@code Errata.parallel(log.runs(), "metrics.recall")} (see {@link
   * dev.errata.render.chart.AnalysisCharts#parallel}).
   */
  public static Chart parallel(Table runs, String metricColumn) {
    return dev.errata.render.chart.AnalysisCharts.parallel(runs, metricColumn);
  }

  /** Returns the confusion matrix divided by row sums, column sums or the total. */
  public static NormalizedConfusion confusion(Predictions p, Normalization over) {
    return ConfusionMatrix.of(p).normalized(over);
  }

  /** Returns every classification metric, with undefined ratios left undefined. */
  public static ClassificationMetrics metrics(Predictions p) {
    return ClassificationMetrics.of(p);
  }

  /** Returns every classification metric under a zero-division policy. */
  public static ClassificationMetrics metrics(Predictions p, ZeroDivision zeroDivision) {
    return ClassificationMetrics.of(p).withZeroDivision(zeroDivision);
  }

  /** Returns the classification report: per class, averages, intervals, baselines, warnings. */
  public static ClassificationReport report(Predictions p) {
    return ClassificationReport.of(p);
  }

  /** Returns the classification report made with {@code options}. */
  public static ClassificationReport report(Predictions p, ReportOptions options) {
    return ClassificationReport.of(p, options);
  }

  /** Returns the scores of the positive label, for curves, AUC and thresholds. */
  public static Scores scores(Predictions p) {
    return Scores.of(p);
  }

  /** Returns the scores of {@code positive} (one-vs-rest), for curves, AUC and thresholds. */
  public static Scores scores(Predictions p, String positive) {
    return Scores.of(p, positive);
  }

  /**
   * Logs {@code p}'s results on {@code run}: overall metrics (accuracy, balanced accuracy, macro /
   * weighted / micro precision, recall and F1, MCC, kappa) and the report and confusion tables.
   */
  public static dev.errata.log.Run log(dev.errata.log.Run run, Predictions p) {
    return RunResults.log(run, p);
  }

  /**
   * Returns the class and slice counts {@code run} logged with {@link #log}, as the reference of a
   * data check: {@code DataCheck.of(p).reference(Errata.dataShares(log.run("3")))}. Slice columns
   * with more than 30 values are not logged, so they cannot be checked against a run.
   */
  public static dev.errata.course.DataShares dataShares(dev.errata.log.RunRecord run) {
    return RunShares.of(run);
  }

  /**
   * Reads a filled relabelling sheet (from {@code Agreement.writeDisagreements}) back: {@code p}
   * with the corrected actual labels, and what changed.
   */
  public static dev.errata.agreement.Relabelling relabel(Predictions p, java.nio.file.Path sheet) {
    return dev.errata.agreement.Relabelling.read(p, sheet);
  }

  /**
   * Runs the overfit-a-small-set check on predictions of a tiny training set: passes when their
   * accuracy reaches {@code expect}, else says what failed.
   */
  public static dev.errata.course.SanityReport sanity(Predictions p, double expect) {
    return dev.errata.course.SanityCheck.of(p, expect);
  }

  /** Starts the good-data checklist: coverage, label consistency, size and drift. */
  public static dev.errata.course.DataCheck dataCheck(Predictions p) {
    return dev.errata.course.DataCheck.of(p);
  }

  /** Returns predictions made in code from two label lists of equal length (no file). */
  public static Predictions predictions(List<String> actual, List<String> predicted) {
    return Predictions.of(actual, predicted);
  }

  /** Returns every classification metric of a confusion matrix (e.g. one built from counts). */
  public static ClassificationMetrics metrics(ConfusionMatrix cm) {
    return ClassificationMetrics.of(cm);
  }

  /** Reads human-level performance per category from a CSV of category and accuracy. */
  public static Baselines hlp(Path csv) {
    return Baselines.hlp(csv);
  }

  /** Returns human-level performance per category from a map of category to accuracy. */
  public static Baselines hlp(Map<String, Double> accuracyByCategory) {
    return Baselines.hlp(accuracyByCategory);
  }

  /** Returns no baseline yet; add sources with {@code withAnnotator}, {@code withOlderSystem}. */
  public static Baselines baselines() {
    return Baselines.none();
  }

  /** Reads tags from a tagging sheet (one row per example, joined by id). */
  public static Tags tagsFromSheet(Predictions p, Path sheet) {
    return Tags.fromSheet(p, sheet);
  }

  /** Turns metadata columns into tags, one per value ({@code device=phone}). */
  public static Tags tagsFromMetadata(Predictions p, String... columns) {
    return Tags.fromMetadata(p, columns);
  }

  /**
   * Opens (or creates) the experiment log: a SQLite file path or a JDBC URL. Its comparisons and
   * compact tables show the rates of the metric vocabulary as percentages.
   */
  public static ExperimentLog openLog(String fileOrJdbcUrl) {
    // The log stores names and numbers; the metric vocabulary says which names are rates.
    return ExperimentLog.open(fileOrJdbcUrl).readingRates(Metric::isRateKey);
  }

  /** Returns the per-tag gap to human-level performance as a bar chart. */
  public static Chart chart(GapChartData gaps) {
    return AnalysisCharts.gapToHlp(gaps);
  }

  /** Returns the precision-recall curve with its prevalence baseline. */
  public static Chart chart(PrecisionRecallCurve curve) {
    return AnalysisCharts.precisionRecall(curve);
  }

  /** Returns the report's tested metric per slice, with its interval as a whisker. */
  public static Chart chart(SliceReport report) {
    return AnalysisCharts.slices(report);
  }

  /** Returns one metric column of a runs table (from the experiment log) as a chart across runs. */
  public static Chart chartAcrossRuns(Table runs, String metricColumn) {
    return AnalysisCharts.acrossRuns(runs, metricColumn);
  }

  /**
   * Returns {@code table} as a section whose column kinds you declare, so it reads like Errata's
   * own results: {@code Errata.section(t).with(ColumnKind.PROPORTION, "precision", "recall")}
   * shows those columns as percentages. A table displayed as it is reads by its column types.
   */
  public static dev.errata.present.Section section(Table table) {
    return dev.errata.present.Section.of(table);
  }
}
