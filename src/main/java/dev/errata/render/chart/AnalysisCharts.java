package dev.errata.render.chart;

import dev.errata.metrics.Interval;
import dev.errata.slices.Metric;
import dev.errata.slices.Slice;
import dev.errata.slices.SliceReport;
import dev.errata.tags.GapChartData;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Draws the charts of analysis results: gap to HLP, metrics per slice, a metric across runs. */
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
   * labelled by its {@code name} column; runs without the metric are left out.
   */
  public static Chart acrossRuns(Table runs, String metricColumn) {
    if (!runs.columnNames().contains(metricColumn)) {
      throw new IllegalArgumentException(
          "No column \"" + metricColumn + "\" in the runs table; columns are " + runs.columnNames());
    }
    NumericColumn<?> metric = runs.numberColumn(metricColumn);
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int r = 0; r < runs.rowCount(); r++) {
      if (!metric.isMissing(r)) {
        names.add(runs.column("name").getString(r));
        values.add(metric.getDouble(r));
      }
    }
    String label = metricColumn.startsWith("metrics.") ? metricColumn.substring(8) : metricColumn;
    return Charts.acrossRuns(label, names, values, List.of(), List.of());
  }
}
