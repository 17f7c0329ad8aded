package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
import dev.errata.load.Predictions;
import dev.errata.metrics.BinaryMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Normalization;
import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.metrics.ReportOptions;
import dev.errata.metrics.RocCurve;
import dev.errata.metrics.Scores;
import dev.errata.metrics.ZeroDivision;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import dev.errata.render.chart.Charts;
import java.util.List;

/**
 * Metrics magics: {@code %metrics}, {@code %confusion}, {@code %threshold}, {@code %roc}, {@code
 * %pr}. Each takes the name of a predictions variable, displays its result and returns it.
 */
final class MetricsMagics implements MagicGroup {

  private final Notebook notebook;

  MetricsMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  private static final String PREDICTIONS = "a predictions variable (from %predictions)";
  private static final String POSITIVE = "the positive class (default: the one the predictions name)";

  static final Command METRICS =
      Command.line("metrics")
          .summary(
              "Shows the classification report: per-class precision, recall, F1 with intervals,"
                  + " averages, baselines and skew warnings")
          .positional("PREDICTIONS", PREDICTIONS)
          .text("positive", "LABEL", POSITIVE)
          .choice(
              "zero-division",
              "what a ratio over nothing shows (precision with nothing predicted positive), as"
                  + " scikit-learn's zero_division",
              "0", "1", "undefined")
          .byDefault("undefined")
          .number("level", "X", "confidence level of the intervals")
          .byDefault(ReportOptions.defaults().level())
          .whole("resamples", "N", "bootstrap resamples behind the intervals")
          .byDefault(ReportOptions.defaults().resamples())
          .whole("seed", "N", "random seed of the resampling, so intervals repeat")
          .byDefault(ReportOptions.defaults().seed())
          .example("%metrics p --level 0.9")
          .build();

  static final Command CONFUSION =
      Command.line("confusion")
          .summary(
              "Shows the confusion matrix (rows = actual, columns = predicted), counts or shares,"
                  + " and its heatmap (counts as text, colour by share of the actual class)")
          .positional("PREDICTIONS", PREDICTIONS)
          .choice(
              "normalize",
              "shows shares instead of counts: of each actual class (true: recall on the"
                  + " diagonal), of each predicted class (pred: precision) or of all examples",
              "true", "pred", "all")
          .flag("no-chart", "leaves out the heatmap")
          .example("%confusion p --normalize true")
          .build();

  static final Command THRESHOLD =
      Command.line("threshold")
          .summary(
              "Finds the score threshold reaching a recall or precision, with every metric there")
          .positional("PREDICTIONS", PREDICTIONS + ", with scores")
          .number("recall", "R", "the highest threshold whose recall is at least R")
          .number(
              "precision",
              "P",
              "the lowest threshold whose precision is at least P (so recall is as high as it"
                  + " allows)")
          .number("at", "T", "every metric when a score >= T counts as positive")
          .exactlyOne("recall", "precision", "at")
          .text("positive", "LABEL", POSITIVE)
          .example("%threshold p --recall 0.9")
          .build();

  static final Command ROC =
      Command.line("roc")
          .summary("Shows the ROC curve and its AUC")
          .positional("PREDICTIONS", PREDICTIONS + ", with scores")
          .text("positive", "LABEL", POSITIVE)
          .example("%roc p")
          .build();

  static final Command PR =
      Command.line("pr")
          .summary("Shows the precision-recall curve and average precision")
          .positional("PREDICTIONS", PREDICTIONS + ", with scores")
          .text("positive", "LABEL", POSITIVE)
          .example("%pr p --positive 1")
          .build();

  @Override
  public void bind(Binder binder) {
    binder.line(METRICS, this::metrics);
    binder.line(CONFUSION, this::confusion);
    binder.line(THRESHOLD, this::threshold);
    binder.line(ROC, this::roc);
    binder.line(PR, this::precisionRecall);
  }

  /** {@code %metrics PREDICTIONS [options]}: the classification report. */
  public ClassificationReport metrics(List<String> args) throws Exception {
    Args a = METRICS.parse(args);
    Predictions p = predictions("metrics", a);
    ReportOptions options =
        ReportOptions.defaults()
            .withZeroDivision(ZeroDivision.parse(a.choice("zero-division")))
            .withLevel(a.number("level"))
            .withResamples(a.integer("resamples"))
            .withSeed(a.whole("seed"));
    if (a.option("positive").isPresent()) {
      options = options.withPositive(a.option("positive").get());
    }
    ClassificationReport report = ClassificationReport.of(p, options);
    notebook.display(report);
    return report;
  }

  /**
   * {@code %confusion PREDICTIONS [--normalize true|pred|all] [--no-chart]}: counts, or shares of
   * 1, then the heatmap of the counts unless {@code --no-chart}.
   */
  public Object confusion(List<String> args) throws Exception {
    Args a = CONFUSION.parse(args);
    Predictions p = predictions("confusion", a);
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    Object result =
        a.option("normalize").isPresent()
            ? cm.normalized(Normalization.parse(a.choice("normalize")))
            : cm;
    notebook.display(result);
    if (!a.flag("no-chart")) {
      notebook.display(Charts.confusion(cm));
    }
    return result;
  }

  /** {@code %threshold PREDICTIONS --recall R | --precision P | --at T}. */
  public Object threshold(List<String> args) throws Exception {
    Args a = THRESHOLD.parse(args);
    Predictions p = predictions("threshold", a);
    Scores scores = Scores.of(p, a.option("positive").orElse(null));
    Object result;
    if (a.given("recall")) {
      result = scores.forRecall(a.number("recall"));
    } else if (a.given("precision")) {
      result = scores.forPrecision(a.number("precision"));
    } else {
      BinaryMetrics at = scores.at(a.number("at"));
      result = at;
    }
    notebook.display(result);
    return result;
  }

  /** {@code %roc PREDICTIONS [--positive LABEL]}. */
  public RocCurve roc(List<String> args) throws Exception {
    Args a = ROC.parse(args);
    RocCurve curve = Scores.of(predictions("roc", a), a.option("positive").orElse(null)).roc();
    notebook.display(Charts.roc(curve.falsePositiveRate(), curve.truePositiveRate(), curve.auc()));
    notebook.display(curve);
    return curve;
  }

  /** {@code %pr PREDICTIONS [--positive LABEL]}. */
  public PrecisionRecallCurve precisionRecall(List<String> args) throws Exception {
    Args a = PR.parse(args);
    PrecisionRecallCurve curve =
        Scores.of(predictions("pr", a), a.option("positive").orElse(null)).precisionRecall();
    notebook.display(
        Charts.precisionRecall(curve.recall(), curve.precision(), curve.averagePrecision()));
    notebook.display(curve);
    return curve;
  }

  private Predictions predictions(String magic, Args a) throws Exception {
    return notebook.variable(
        magic,
        a.required(0),
        Predictions.class,
        "predictions (from %predictions or Errata.read(...).load())");
  }
}
