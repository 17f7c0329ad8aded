package dev.errata.kernel;

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
import java.util.Set;

/**
 * Metrics magics: {@code %metrics}, {@code %confusion}, {@code %threshold}, {@code %roc}, {@code
 * %pr}. Each takes the name of a predictions variable, displays its result and returns it.
 */
final class MetricsMagics implements MagicGroup {

  private final Notebook notebook;

  MetricsMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  @Override
  public void registerInto(Magics magics) {
    magics.registerLineMagic("metrics", this::metrics);
    magics.registerLineMagic("confusion", this::confusion);
    magics.registerLineMagic("threshold", this::threshold);
    magics.registerLineMagic("roc", this::roc);
    magics.registerLineMagic("pr", this::precisionRecall);
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp(
            "%metrics",
            "%metrics PREDICTIONS [--positive LABEL] [--zero-division 0|1|undefined]"
                + " [--level 0.95] [--resamples 1000] [--seed 42]",
            "Shows the classification report: per-class precision, recall, F1 with intervals,"
                + " averages, baselines and skew warnings"),
        new MagicHelp(
            "%confusion",
            "%confusion PREDICTIONS [--normalize true|pred|all] [--no-chart]",
            "Shows the confusion matrix (rows = actual, columns = predicted), counts or shares,"
                + " and its heatmap (counts as text, colour by share of the actual class)"),
        new MagicHelp(
            "%threshold",
            "%threshold PREDICTIONS (--recall R | --precision P | --at T) [--positive LABEL]",
            "Finds the score threshold reaching a recall or precision, with every metric there"),
        new MagicHelp(
            "%roc", "%roc PREDICTIONS [--positive LABEL]", "Shows the ROC curve and its AUC"),
        new MagicHelp(
            "%pr",
            "%pr PREDICTIONS [--positive LABEL]",
            "Shows the precision-recall curve and average precision"));
  }

  /** {@code %metrics PREDICTIONS [options]}: the classification report. */
  public ClassificationReport metrics(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("metrics")
            .positionals("PREDICTIONS")
            .options("positive", "zero-division", "level", "resamples", "seed")
            .parse(args);
    Predictions p = predictions("metrics", a);
    ReportOptions options = ReportOptions.defaults();
    if (a.option("zero-division").isPresent()) {
      options = options.withZeroDivision(ZeroDivision.parse(a.option("zero-division").get()));
    }
    if (a.option("level").isPresent()) {
      options = options.withLevel(MagicArgs.number("metrics", "level", a.option("level").get()));
    }
    if (a.option("resamples").isPresent()) {
      options =
          options.withResamples((int) MagicArgs.whole("metrics", "resamples", a.option("resamples").get()));
    }
    if (a.option("seed").isPresent()) {
      options = options.withSeed(MagicArgs.whole("metrics", "seed", a.option("seed").get()));
    }
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
    MagicArgs a =
        MagicArgs.of("confusion")
            .positionals("PREDICTIONS")
            .options("normalize")
            .flags("no-chart")
            .parse(args);
    Predictions p = predictions("confusion", a);
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    Object result =
        a.option("normalize").isPresent()
            ? cm.normalized(Normalization.parse(a.option("normalize").get()))
            : cm;
    notebook.display(result);
    if (!a.flag("no-chart")) {
      notebook.display(Charts.confusion(cm));
    }
    return result;
  }

  /** {@code %threshold PREDICTIONS --recall R | --precision P | --at T}. */
  public Object threshold(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("threshold")
            .positionals("PREDICTIONS")
            .options("recall", "precision", "at", "positive")
            .parse(args);
    Predictions p = predictions("threshold", a);
    Scores scores = Scores.of(p, a.option("positive").orElse(null));
    long targets =
        Set.of("recall", "precision", "at").stream().filter(o -> a.option(o).isPresent()).count();
    if (targets != 1) {
      throw new IllegalArgumentException(
          "%threshold: give exactly one of --recall R, --precision P or --at T");
    }
    Object result;
    if (a.option("recall").isPresent()) {
      result = scores.forRecall(MagicArgs.number("threshold", "recall", a.option("recall").get()));
    } else if (a.option("precision").isPresent()) {
      result = scores.forPrecision(MagicArgs.number("threshold", "precision", a.option("precision").get()));
    } else {
      BinaryMetrics at = scores.at(MagicArgs.number("threshold", "at", a.option("at").get()));
      result = at;
    }
    notebook.display(result);
    return result;
  }

  /** {@code %roc PREDICTIONS [--positive LABEL]}. */
  public RocCurve roc(List<String> args) throws Exception {
    MagicArgs a = MagicArgs.of("roc").positionals("PREDICTIONS").options("positive").parse(args);
    RocCurve curve = Scores.of(predictions("roc", a), a.option("positive").orElse(null)).roc();
    notebook.display(Charts.roc(curve.falsePositiveRate(), curve.truePositiveRate(), curve.auc()));
    notebook.display(curve);
    return curve;
  }

  /** {@code %pr PREDICTIONS [--positive LABEL]}. */
  public PrecisionRecallCurve precisionRecall(List<String> args) throws Exception {
    MagicArgs a = MagicArgs.of("pr").positionals("PREDICTIONS").options("positive").parse(args);
    PrecisionRecallCurve curve =
        Scores.of(predictions("pr", a), a.option("positive").orElse(null)).precisionRecall();
    notebook.display(
        Charts.precisionRecall(curve.recall(), curve.precision(), curve.averagePrecision()));
    notebook.display(curve);
    return curve;
  }

  private Predictions predictions(String magic, MagicArgs a) throws Exception {
    return notebook.variable(
        magic,
        a.positional(0, "PREDICTIONS (a variable)"),
        Predictions.class,
        "predictions (from %predictions or Errata.read(...).load())");
  }
}
