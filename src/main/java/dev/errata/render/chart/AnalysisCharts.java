package dev.errata.render.chart;

import dev.errata.metrics.Interval;
import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.metrics.Proportion;
import dev.errata.render.Numbers;
import dev.errata.metrics.Metric;
import dev.errata.slices.Slice;
import dev.errata.slices.SliceReport;
import dev.errata.tags.GapChartData;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Draws the charts of analysis results: gap to HLP, metrics per slice, a metric across runs, runs'
 * parameters against a metric (parallel coordinates).
 */
public final class AnalysisCharts {

  private AnalysisCharts() {}

  /** Returns model vs baseline accuracy per tag, annotated with the gap and the share of data. */
  public static Chart gapToHlp(GapChartData data) {
    List<String> categories = new ArrayList<>();
    List<Double> model = new ArrayList<>();
    List<Double> hlp = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    for (GapChartData.Bar bar : data.bars()) {
      if (Double.isNaN(bar.hlp())) {
        continue; // no baseline for this tag: nothing to compare against
      }
      categories.add(bar.category());
      model.add(bar.accuracy());
      hlp.add(bar.hlp());
      share.add(bar.shareOfData());
    }
    return Charts.gapToHlp(data.title(), categories, model, hlp, share);
  }

  /**
   * Returns the precision-recall curve with its prevalence baseline (the precision of predicting
   * every example positive, the curve's first point).
   */
  public static Chart precisionRecall(PrecisionRecallCurve curve) {
    return Charts.precisionRecall(curve.recall(), curve.precision(), curve.averagePrecision());
  }

  /**
   * Returns the precision-recall curve with its prevalence baseline and a ringed point where the
   * classifier operates at {@code threshold} (scores at or above it predicted positive).
   *
   * @throws IllegalArgumentException when no score reaches {@code threshold}
   */
  public static Chart precisionRecall(PrecisionRecallCurve curve, double threshold) {
    double[] t = curve.thresholds();
    double[] recall = curve.recall();
    double[] precision = curve.precision();
    int at = -1;
    for (int i = 0; i < t.length && at < 0; i++) {
      if (t[i] >= threshold) {
        at = i; // thresholds increase: the first one reached predicts the same as threshold
      }
    }
    if (at < 0) {
      throw new IllegalArgumentException(
          "No score reaches threshold "
              + Numbers.format(threshold)
              + "; the highest score is "
              + (t.length == 0 ? "undefined (no scores)" : Numbers.format(t[t.length - 1])));
    }
    double prevalence = recall.length > 0 && recall[0] == 1 ? precision[0] : Double.NaN;
    Lines.Mark mark =
        new Lines.Mark(
            "threshold "
                + Numbers.format(threshold)
                + ": precision "
                + Numbers.percent(precision[at])
                + ", recall "
                + Numbers.percent(recall[at]),
            recall[at],
            precision[at]);
    return Charts.precisionRecall(recall, precision, curve.averagePrecision(), prevalence, mark);
  }

  /** Returns the report's tested metric per slice, with its interval as a whisker. */
  public static Chart slices(SliceReport report) {
    return slices(report, report.tested());
  }

  /** Returns {@code metric} per slice of {@code report}, with intervals when it is a proportion. */
  public static Chart slices(SliceReport report, Metric metric) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    for (Slice s : report.slices()) {
      names.add(String.join(" × ", s.values()));
      values.add(s.value(metric));
      Interval ci = report.interval(s, metric);
      lower.add(ci.lower());
      upper.add(ci.upper());
    }
    boolean intervals = metric.isProportion();
    return Charts.sliceMetric(
        metric.label() + " by " + report.by(),
        metric.label(),
        names,
        values,
        intervals ? lower : List.of(),
        intervals ? upper : List.of());
  }

  /**
   * Returns {@code metricColumn} across the runs of a runs table (one row per run, oldest first),
   * labelled by its {@code name} column; runs without the metric are left out. Intervals come from
   * {@code "X low"} / {@code "X high"} columns when the table has them, else, for accuracy and
   * error rate, as 95 % Wilson intervals over the run's {@code metrics.examples}.
   */
  public static Chart acrossRuns(Table runs, String metricColumn) {
    if (!runs.columnNames().contains(metricColumn)) {
      throw new IllegalArgumentException(
          "No column \"" + metricColumn + "\" in the runs table; columns are " + runs.columnNames());
    }
    NumericColumn<?> metric = runs.numberColumn(metricColumn);
    String label = metricColumn.startsWith("metrics.") ? metricColumn.substring(8) : metricColumn;
    NumericColumn<?> low = numbers(runs, metricColumn + " low");
    NumericColumn<?> high = numbers(runs, metricColumn + " high");
    NumericColumn<?> examples = overEveryExample(label) ? numbers(runs, "metrics.examples") : null;
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      if (!metric.isMissing(r)) {
        names.add(runs.column("name").getString(r));
        double v = metric.getDouble(r);
        values.add(v);
        Interval ci = interval(v, r, low, high, examples);
        lower.add(ci.lower());
        upper.add(ci.upper());
      }
    }
    boolean any = lower.stream().anyMatch(d -> !Double.isNaN(d));
    return Charts.acrossRuns(
        label, names, values, any ? lower : List.of(), any ? upper : List.of());
  }

  /**
   * Returns parallel coordinates of the runs of a runs table (one row per run, oldest first; the
   * last {@value Charts#MAX_RUNS} with the metric are drawn): an axis per parameter whose value
   * varies between them ({@code params.*} columns; every parameter when none varies), then {@code
   * metricColumn}, each run a line coloured by the metric, as MLflow's run comparison draws it.
   * Text and yes/no parameters are axes of their values in order of first appearance; a run
   * without a parameter has a gap on that axis.
   *
   * @throws IllegalArgumentException if the metric column is missing or not numeric, no run has
   *     the metric, or the table has no {@code params.} column
   */
  public static Chart parallel(Table runs, String metricColumn) {
    if (!runs.columnNames().contains(metricColumn)
        || !(runs.column(metricColumn) instanceof NumericColumn<?>)) {
      throw new IllegalArgumentException(
          "No number column \""
              + metricColumn
              + "\" in the runs table; metrics are "
              + runs.columnNames().stream().filter(c -> c.startsWith("metrics.")).toList());
    }
    List<String> params =
        runs.columnNames().stream().filter(c -> c.startsWith("params.")).toList();
    if (params.isEmpty()) {
      throw new IllegalArgumentException(
          "The runs table has no params. column: parallel coordinates draw parameters against a"
              + " metric; log parameters with --params or run.param(...)");
    }
    NumericColumn<?> metric = runs.numberColumn(metricColumn);
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      if (!metric.isMissing(r)) {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "No run in the table has \"" + metricColumn + "\"; " + runs.rowCount() + " runs listed");
    }
    int total = rows.size();
    rows = rows.subList(Math.max(0, rows.size() - Charts.MAX_RUNS), rows.size());
    List<String> varying = new ArrayList<>();
    for (String p : params) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int r : rows) {
        seen.add(runs.column(p).isMissing(r) ? "" : runs.column(p).getString(r));
      }
      if (seen.size() > 1) {
        varying.add(p);
      }
    }
    List<Parallel.Dimension> dims = new ArrayList<>();
    for (String p : varying.isEmpty() ? params : varying) {
      dims.add(dimension(runs, p, p.substring("params.".length()), rows));
    }
    String label = metricColumn.startsWith("metrics.") ? metricColumn.substring(8) : metricColumn;
    double[] values = rows.stream().mapToDouble(metric::getDouble).toArray();
    boolean percent = dev.errata.metrics.Metric.isRateKey(label);
    dims.add(Parallel.Dimension.numbers(label, values, percent));
    List<String> names = rows.stream().map(r -> runs.column("name").getString(r)).toList();
    List<String> notes = new ArrayList<>();
    notes.add("Each line is a run; darker lines have a higher " + label + ".");
    if (varying.isEmpty()) {
      notes.add("No parameter varies between these runs: every parameter is drawn.");
    }
    String count = total > rows.size() ? "last " + rows.size() + " of " + total + " runs" : rows.size() + " runs";
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    Parallel.Dimension m = dims.get(dims.size() - 1);
    String title = "parameters and " + label + " across runs";
    return new Chart(
        title,
        new Parallel(dims, names, notes),
        title + ": " + count + ", " + (dims.size() - 1) + " parameters; highest " + label + " "
            + m.text(best) + " (" + names.get(best) + ")");
  }

  /** Returns the axis of parameter column {@code column} over {@code rows}. */
  private static Parallel.Dimension dimension(
      Table runs, String column, String label, List<Integer> rows) {
    tech.tablesaw.columns.Column<?> c = runs.column(column);
    double[] values = new double[rows.size()];
    if (c instanceof NumericColumn<?> n) {
      for (int i = 0; i < values.length; i++) {
        int r = rows.get(i);
        values[i] = n.isMissing(r) ? Double.NaN : n.getDouble(r);
      }
      return Parallel.Dimension.numbers(label, values, false);
    }
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int r = rows.get(i);
      if (c.isMissing(r)) {
        values[i] = Double.NaN;
        continue;
      }
      String v = c.getString(r);
      int k = categories.indexOf(v);
      if (k < 0) {
        categories.add(v);
        k = categories.size() - 1;
      }
      values[i] = k;
    }
    return new Parallel.Dimension(label, values, categories, false);
  }

  /**
   * Returns whether {@code label} names a metric of the vocabulary whose denominator is every
   * example (accuracy, error rate), so a Wilson interval over the run's examples holds.
   */
  static boolean overEveryExample(String label) {
    try {
      Metric.Kind kind = Metric.parse(label, java.util.Optional.empty()).kind();
      return kind == Metric.Kind.ACCURACY || kind == Metric.Kind.ERROR_RATE;
    } catch (IllegalArgumentException e) {
      return false; // a name outside the vocabulary: no interval is made up for it
    }
  }

  private static Interval interval(
      double value,
      int row,
      NumericColumn<?> low,
      NumericColumn<?> high,
      NumericColumn<?> examples) {
    if (low != null && high != null && !low.isMissing(row) && !high.isMissing(row)) {
      return new Interval(low.getDouble(row), high.getDouble(row), Proportion.DEFAULT_LEVEL);
    }
    if (examples != null
        && !examples.isMissing(row)
        && examples.getDouble(row) > 0
        && value >= 0
        && value <= 1) {
      double n = examples.getDouble(row);
      return new Proportion(Math.round(value * n), n).wilson();
    }
    return Interval.undefined(Proportion.DEFAULT_LEVEL);
  }

  private static NumericColumn<?> numbers(Table t, String name) {
    return t.columnNames().contains(name) && t.column(name) instanceof NumericColumn<?> n
        ? n
        : null;
  }
}
