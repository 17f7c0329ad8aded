package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reports a classifier the way the course reads one: per-class precision, recall, F1 and support
 * with intervals, the averages, accuracy, and the baselines and warnings beside them.
 *
 * <p>Precision, recall and accuracy get Wilson intervals (their support is the number of rows
 * behind the ratio); F1, the macro and weighted averages, balanced accuracy, MCC and kappa get
 * percentile bootstrap intervals from resampled counts. Micro averages equal accuracy here.
 *
 * @param source where the predictions came from
 * @param metrics the model's metrics (weighted when the predictions are)
 * @param rows the unweighted row counts behind {@code metrics}, the sample size of each interval
 * @param bootstrap the bootstrap intervals, empty when resampling is off
 * @param baselines the majority-class and stratified-random baselines, in that order
 * @param warnings what to be careful about when reading the numbers
 * @param options the choices the report was made with
 */
public record ClassificationReport(
    String source,
    ClassificationMetrics metrics,
    ConfusionMatrix rows,
    Optional<Bootstrap> bootstrap,
    List<Baseline> baselines,
    List<String> warnings,
    ReportOptions options) implements Presentable {

  public ClassificationReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(options, "options");
    baselines = List.copyOf(baselines);
    warnings = List.copyOf(warnings);
  }

  /** Reports {@code p} with the default options. */
  public static ClassificationReport of(Predictions p) {
    return of(p, ReportOptions.defaults());
  }

  /** Reports {@code p}: counts once (twice when weighted, for the interval sample sizes). */
  public static ClassificationReport of(Predictions p, ReportOptions options) {
    ConfusionMatrix model = ConfusionMatrix.of(p);
    ConfusionMatrix rows =
        p.hasWeights() ? new ConfusionMatrix(p.labels(), Counting.unweighted(p)) : model;
    ReportOptions o =
        options.positive().isEmpty() && p.roles().positive().isPresent()
            ? options.withPositive(p.roles().positive().get())
            : options;
    return of(p.source(), model, rows, o, p.warnings());
  }

  /** Reports counts computed elsewhere; each count is taken as that many rows. */
  public static ClassificationReport of(
      String source, ConfusionMatrix counts, ReportOptions options) {
    return of(source, counts, counts, options, List.of());
  }

  private static ClassificationReport of(
      String source,
      ConfusionMatrix model,
      ConfusionMatrix rows,
      ReportOptions options,
      List<String> loadWarnings) {
    options.positive().ifPresent(label -> model.labels().require(label, "positive label"));
    ClassificationMetrics metrics = new ClassificationMetrics(model, options.zeroDivision());
    Optional<Bootstrap> bootstrap =
        options.resamples() == 0
            ? Optional.empty()
            : Optional.of(
                Bootstrap.of(
                    metrics,
                    Math.round(rows.total()),
                    options.resamples(),
                    options.seed(),
                    options.level()));
    Baseline majority = Baseline.majority(model, options.zeroDivision());
    Baseline stratified = Baseline.stratified(model, options.zeroDivision());
    List<String> warnings = new ArrayList<>(ReportWarnings.of(metrics, majority));
    warnings.addAll(loadWarnings);
    return new ClassificationReport(
        source, metrics, rows, bootstrap, List.of(majority, stratified), warnings, options);
  }

  /** Returns the classes. */
  public Labels labels() {
    return metrics.labels();
  }

  /** Returns the positive label's code: the option, else the second of two classes, else empty. */
  public Optional<Integer> positiveCode() {
    if (options.positive().isPresent()) {
      return Optional.of(labels().require(options.positive().get(), "positive label"));
    }
    return labels().size() == 2 ? Optional.of(1) : Optional.empty();
  }

  /** Returns the Wilson interval of accuracy. */
  public Interval accuracyInterval() {
    return wilson(metrics.accuracy(), rows.total());
  }

  /** Returns the Wilson interval of class {@code c}'s precision (trials: rows predicted c). */
  public Interval precisionInterval(int c) {
    return wilson(metrics.precision(c), rows.predictedTotal(c));
  }

  /** Returns the Wilson interval of class {@code c}'s recall (trials: rows of class c). */
  public Interval recallInterval(int c) {
    return wilson(metrics.recall(c), rows.actualTotal(c));
  }

  /** Returns the bootstrap interval of class {@code c}'s F1 (undefined without resampling). */
  public Interval f1Interval(int c) {
    return bootstrap.map(b -> b.f1().get(c)).orElse(Interval.undefined(options.level()));
  }

  /** Returns the interval of an average: bootstrap for macro and weighted, Wilson for micro. */
  public Interval averageInterval(Average average, Measure measure) {
    if (average == Average.MICRO) {
      return accuracyInterval();
    }
    return bootstrap
        .map(b -> b.average(average, measure))
        .orElse(Interval.undefined(options.level()));
  }

  /** Returns the interval of {@code measure} for class {@code c}. */
  public Interval interval(Measure measure, int c) {
    return switch (measure) {
      case PRECISION -> precisionInterval(c);
      case RECALL -> recallInterval(c);
      case F1 -> f1Interval(c);
    };
  }

  private Interval wilson(double value, double trials) {
    if (Double.isNaN(value) || trials == 0) {
      return Interval.undefined(options.level());
    }
    return new Proportion(value * trials, trials).wilson(options.level());
  }

  /**
   * Returns the report as numbers: one row per class, then "macro avg", "weighted avg", "micro avg"
   * and "accuracy" (its value in the f1-score column, as scikit-learn prints it); each measure with
   * its interval's low and high bounds, and the support.
   */
  public Table toTable() {
    ReportTable table = new ReportTable();
    for (int c = 0; c < labels().size(); c++) {
      final int code = c;
      table.row(
          labels().name(c),
          m -> metrics.perClass(m, code),
          m -> interval(m, code),
          metrics.support(c));
    }
    for (Average a : Average.values()) {
      table.row(
          a.label(),
          m -> metrics.average(a, m),
          m -> averageInterval(a, m),
          metrics.confusion().total());
    }
    table.accuracy(metrics.accuracy(), accuracyInterval(), metrics.confusion().total());
    return table.build(
        "Classification report for "
            + source
            + " ("
            + Math.round(100 * options.level())
            + " % intervals)");
  }

  /**
   * Returns the model beside its baselines: accuracy, balanced accuracy, macro F1 and, when the
   * data names a positive class, its precision, recall and F1; columns named by {@link Metric#key()}.
   */
  public Table baselineTable() {
    List<Metric> shown = new ArrayList<>();
    shown.add(Metric.accuracy());
    shown.add(Metric.of(Metric.Kind.BALANCED_ACCURACY));
    shown.add(Metric.of(Metric.Kind.F1, Average.MACRO));
    positiveCode()
        .ifPresent(
            c -> {
              for (Metric.Kind k : List.of(Metric.Kind.PRECISION, Metric.Kind.RECALL, Metric.Kind.F1)) {
                shown.add(Metric.of(k, labels().name(c)));
              }
            });
    StringColumn name = StringColumn.create("predictor");
    List<DoubleColumn> columns = new ArrayList<>();
    for (Metric metric : shown) {
      columns.add(DoubleColumn.create(metric.key()));
    }
    List<Baseline> all = new ArrayList<>();
    all.add(new Baseline("this model", metrics));
    all.addAll(baselines);
    for (Baseline b : all) {
      name.append(b.name());
      for (int i = 0; i < shown.size(); i++) {
        columns.get(i).append(shown.get(i).withZeroDivision(b.metrics().zeroDivision()).value(b.metrics().confusion()));
      }
    }
    Table t = Table.create("Model and baselines on " + source, name);
    columns.forEach(t::addColumns);
    return t;
  }

  /** Returns accuracy, balanced accuracy, MCC and kappa with their intervals. */
  public Table overallTable() {
    Interval none = Interval.undefined(options.level());
    Optional<Bootstrap> b = bootstrap;
    return new ReportTable()
        .single("accuracy", metrics.accuracy(), accuracyInterval())
        .single(
            "balanced accuracy",
            metrics.balancedAccuracy(),
            b.map(Bootstrap::balancedAccuracy).orElse(none))
        .single("Matthews correlation", metrics.matthews(), b.map(Bootstrap::matthews).orElse(none))
        .single("Cohen's kappa", metrics.kappa(), b.map(Bootstrap::kappa).orElse(none))
        .buildSingles("Overall metrics for " + source);
  }

  /**
   * Shows the report as scikit-learn prints it, each rate with its interval ({@code 83.4 % [79.9,
   * 86.5]}), then the model beside its baselines and the overall metrics, then the warnings.
   */
  @Override
  public Presentation present() {
    Table report = toTable();
    report.column("f1-score").setName("F1");
    report.setName(
        String.format(
            java.util.Locale.ROOT,
            "Classification report for %s (%d %% intervals: Wilson for precision, recall and"
                + " accuracy; bootstrap of %s resamples for F1 and averages)",
            source,
            Math.round(100 * options.level()),
            bootstrap.map(b -> String.format(java.util.Locale.ROOT, "%,d", b.resamples()))
                .orElse("no")));
    // The accuracy row has one number, under F1, as in scikit-learn: its other cells stay empty.
    List<ColumnKind> rates = new ArrayList<>();
    for (int i = 0; i < report.rowCount(); i++) {
      rates.add(i == report.rowCount() - 1 ? ColumnKind.TEXT : ColumnKind.PROPORTION);
    }
    Section perClass =
        Section.of(report)
            .with(ColumnKind.LABEL, "class")
            .byRow("precision", rates)
            .byRow("recall", rates)
            .with(ColumnKind.PROPORTION, "F1")
            .with(ColumnKind.COUNT, "support");
    for (String m : List.of("precision", "recall", "F1")) {
      String bounds = m.equals("F1") ? "f1-score" : m;
      perClass = perClass.interval(m, bounds + " low", bounds + " high");
    }
    Section overall =
        Section.of(overallTable())
            .with(ColumnKind.LABEL, "metric")
            .byRow("value", ClassificationMetrics.OVERALL_KINDS)
            .interval("value", "low", "high");
    return Presentation.of(
            perClass,
            Section.of(baselineTable())
                .with(ColumnKind.LABEL, "predictor")
                .numbersAs(ColumnKind.PROPORTION),
            overall)
        .warnings(warnings);
  }
}
