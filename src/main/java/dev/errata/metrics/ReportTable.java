package dev.errata.metrics;

import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds the numeric tables of a report: each value beside its interval's bounds. */
final class ReportTable {

  private final StringColumn name = StringColumn.create("class");
  private final DoubleColumn[] columns = new DoubleColumn[Measure.values().length * 3];
  private final DoubleColumn support = DoubleColumn.create("support");
  private final StringColumn metric = StringColumn.create("metric");
  private final DoubleColumn value = DoubleColumn.create("value");
  private final DoubleColumn low = DoubleColumn.create("low");
  private final DoubleColumn high = DoubleColumn.create("high");

  ReportTable() {
    String[] names = {"precision", "recall", "f1-score"};
    for (int m = 0; m < names.length; m++) {
      columns[3 * m] = DoubleColumn.create(names[m]);
      columns[3 * m + 1] = DoubleColumn.create(names[m] + " low");
      columns[3 * m + 2] = DoubleColumn.create(names[m] + " high");
    }
  }

  void row(
      String label,
      Function<Measure, Double> values,
      Function<Measure, Interval> intervals,
      double rowSupport) {
    name.append(label);
    for (Measure m : Measure.values()) {
      Interval interval = intervals.apply(m);
      columns[3 * m.ordinal()].append(values.apply(m));
      columns[3 * m.ordinal() + 1].append(interval.lower());
      columns[3 * m.ordinal() + 2].append(interval.upper());
    }
    support.append(rowSupport);
  }

  void accuracy(double accuracy, Interval interval, double total) {
    row(
        "accuracy",
        m -> m == Measure.F1 ? accuracy : Double.NaN,
        m -> m == Measure.F1 ? interval : Interval.undefined(interval.level()),
        total);
  }

  Table build(String title) {
    Table t = Table.create(title, name);
    t.addColumns(columns);
    t.addColumns(support);
    return t;
  }

  ReportTable single(String label, double v, Interval interval) {
    metric.append(label);
    value.append(v);
    low.append(interval.lower());
    high.append(interval.upper());
    return this;
  }

  Table buildSingles(String title) {
    return Table.create(title, metric, value, low, high);
  }
}
