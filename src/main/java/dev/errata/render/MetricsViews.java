package dev.errata.render;

import dev.errata.metrics.Average;
import dev.errata.metrics.BinaryMetrics;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Measure;
import dev.errata.metrics.NormalizedConfusion;
import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.metrics.RocCurve;
import dev.errata.metrics.ThresholdChoice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Views of the metrics results: reports as formatted cells such as {@code 83.4 % [79.9, 86.5]},
 * normalized matrices as percentages, the rest through their {@code toTable()}.
 */
public final class MetricsViews {

  /** The metrics result types this class renders. */
  public static final List<Class<?>> TYPES =
      List.of(
          ClassificationReport.class,
          ClassificationMetrics.class,
          NormalizedConfusion.class,
          BinaryMetrics.class,
          ThresholdChoice.class,
          RocCurve.class,
          PrecisionRecallCurve.class);

  /** A {@code metric | value} table: rates as percentages, counts as counts. */
  private static final TableFormat BY_METRIC = TableFormat.DEFAULT.byRow("metric", "value");

  private MetricsViews() {}

  /** Returns the view of a metrics result, or empty for any other object. */
  public static Optional<View> of(Object value) {
    if (value instanceof ClassificationReport r) {
      return Optional.of(report(r));
    }
    if (value instanceof ClassificationMetrics m) {
      return Optional.of(View.join(List.of(View.table(m.toTable()), View.table(m.overallTable()))));
    }
    if (value instanceof NormalizedConfusion n) {
      return Optional.of(View.table(percentages(n)));
    }
    if (value instanceof BinaryMetrics b) {
      return Optional.of(View.table(b.toTable(), BY_METRIC));
    }
    if (value instanceof ThresholdChoice t) {
      return Optional.of(View.table(t.toTable(), BY_METRIC));
    }
    if (value instanceof RocCurve c) {
      return Optional.of(View.table(c.toTable()));
    }
    if (value instanceof PrecisionRecallCurve c) {
      return Optional.of(View.table(c.toTable()));
    }
    return Optional.empty();
  }

  /** Formats a rate and its interval as {@code 83.4 % [79.9, 86.5]}; "undefined" for NaN. */
  public static String cell(double value, Interval interval) {
    if (Double.isNaN(value)) {
      return Numbers.UNDEFINED;
    }
    if (interval.isUndefined()) {
      return Numbers.percent(value);
    }
    return String.format(
        Locale.ROOT,
        "%s [%.1f, %.1f]",
        Numbers.percent(value),
        100 * interval.lower(),
        100 * interval.upper());
  }

  /** Returns the report as text cells: class, precision, recall, F1 (with intervals), support. */
  public static Table formatted(ClassificationReport r) {
    ClassificationMetrics m = r.metrics();
    StringColumn name = StringColumn.create("class");
    StringColumn[] cells = {
      StringColumn.create("precision"), StringColumn.create("recall"), StringColumn.create("F1")
    };
    StringColumn support = StringColumn.create("support");
    for (int c = 0; c < m.classes(); c++) {
      name.append(m.labels().name(c));
      for (Measure measure : Measure.values()) {
        cells[measure.ordinal()].append(cell(m.perClass(measure, c), r.interval(measure, c)));
      }
      support.append(Numbers.format(m.support(c)));
    }
    String total = Numbers.format(m.confusion().total());
    for (Average a : Average.values()) {
      name.append(a.label());
      for (Measure measure : Measure.values()) {
        cells[measure.ordinal()].append(cell(m.average(a, measure), r.averageInterval(a, measure)));
      }
      support.append(total);
    }
    name.append("accuracy");
    cells[0].append("");
    cells[1].append("");
    cells[2].append(cell(m.accuracy(), r.accuracyInterval()));
    support.append(total);
    String title =
        String.format(
            Locale.ROOT,
            "Classification report for %s (%d %% intervals: Wilson for precision, recall and"
                + " accuracy; bootstrap of %s resamples for F1 and averages)",
            r.source(),
            Math.round(100 * r.options().level()),
            r.bootstrap().map(b -> Numbers.count(b.resamples())).orElse("no"));
    return Table.create(title, name, cells[0], cells[1], cells[2], support);
  }

  private static View report(ClassificationReport r) {
    View tables =
        View.join(
            List.of(
                View.table(formatted(r)), View.table(r.baselineTable()), View.table(r.overallTable())));
    return View.noted(tables, r.warnings());
  }

  /** Returns a normalized matrix with each cell as a percentage ("undefined" for an empty row). */
  public static Table percentages(NormalizedConfusion n) {
    Table numbers = n.toTable();
    Table t = Table.create(n.title(), numbers.stringColumn(0).copy());
    for (int j = 1; j < numbers.columnCount(); j++) {
      StringColumn col = StringColumn.create(numbers.column(j).name());
      for (int i = 0; i < numbers.rowCount(); i++) {
        col.append(Numbers.percent(numbers.doubleColumn(j).getDouble(i)));
      }
      t.addColumns(col);
    }
    return t;
  }
}
