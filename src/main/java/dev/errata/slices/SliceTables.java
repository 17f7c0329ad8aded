package dev.errata.slices;

import dev.errata.metrics.Metric;
import dev.errata.metrics.Interval;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Lays out a {@link SliceReport} as Tablesaw tables. */
final class SliceTables {

  private SliceTables() {}

  static Table slices(SliceReport r) {
    Table t =
        Table.create(
            String.format(
                Locale.ROOT,
                "Metrics by %s (%s, n = %s): %s Wilson intervals; p = %s vs the rest,"
                    + " BH-adjusted across %d slices",
                r.by(),
                r.source(),
                count(r.overall().total()),
                r.percentLevel(),
                r.tested().label(),
                r.slices().size()));
    for (String c : r.columns()) {
      StringColumn col = StringColumn.create(c);
      col.append("(all)");
      r.slices().forEach(s -> col.append(s.values().get(r.columns().indexOf(c))));
      t.addColumns(col);
    }
    double total = r.overall().total();
    DoubleColumn n = DoubleColumn.create("n");
    DoubleColumn share = DoubleColumn.create("share of data");
    StringColumn small = StringColumn.create("small");
    n.append(total);
    share.append(total == 0 ? Double.NaN : 1);
    small.append(total < r.minSupport() ? "n < " + r.minSupport() : "");
    for (Slice s : r.slices()) {
      n.append(s.support());
      share.append(total == 0 ? Double.NaN : s.support() / total);
      small.append(r.isSmall(s) ? "n < " + r.minSupport() : "");
    }
    t.addColumns(n, share, small);
    for (Metric m : r.metrics()) {
      DoubleColumn value = DoubleColumn.create(m.label());
      DoubleColumn low = DoubleColumn.create(m.label() + " low");
      DoubleColumn high = DoubleColumn.create(m.label() + " high");
      value.append(r.overallValue(m));
      append(low, high, m.proportion(r.overall()).map(p -> p.wilson(r.level())));
      for (Slice s : r.slices()) {
        value.append(s.value(m));
        append(low, high, m.proportion(s.counts()).map(p -> p.wilson(r.level())));
      }
      t.addColumns(value);
      if (m.isProportion()) {
        t.addColumns(low, high);
      }
    }
    StringColumn test = StringColumn.create("test");
    DoubleColumn p = DoubleColumn.create("p");
    DoubleColumn adjusted = DoubleColumn.create("p (BH)");
    StringColumn verdict = StringColumn.create("vs rest");
    test.append("");
    p.append(Double.NaN);
    adjusted.append(Double.NaN);
    verdict.append("");
    for (SliceSignificance sig : r.significance()) {
      test.append(sig.result().test());
      p.append(sig.result().p());
      adjusted.append(sig.adjustedP());
      verdict.append(verdict(r.tested(), sig));
    }
    t.addColumns(test, p, adjusted, verdict);
    return t;
  }

  /** Returns "worse" or "better" when the adjusted p is at most {@link SliceReport#ALPHA}. */
  static String verdict(Metric tested, SliceSignificance sig) {
    if (!(sig.adjustedP() <= SliceReport.ALPHA)) {
      return "";
    }
    double v = sig.slice().value(tested);
    boolean above = v > sig.rest();
    return above == tested.higherIsBetter() ? "better" : "worse";
  }

  /** Formats a count: whole numbers with thousands separators, weights with two decimals. */
  static String count(double n) {
    return n == Math.rint(n)
        ? String.format(Locale.ROOT, "%,.0f", n)
        : String.format(Locale.ROOT, "%,.2f", n);
  }

  private static void append(
      DoubleColumn low, DoubleColumn high, java.util.Optional<Interval> interval) {
    low.append(interval.map(Interval::lower).orElse(Double.NaN));
    high.append(interval.map(Interval::upper).orElse(Double.NaN));
  }

  static Table disparities(SliceReport r) {
    StringColumn metric = StringColumn.create("metric");
    DoubleColumn overall = DoubleColumn.create("overall");
    StringColumn worst = StringColumn.create("worst slice");
    DoubleColumn worstValue = DoubleColumn.create("worst");
    StringColumn best = StringColumn.create("best slice");
    DoubleColumn bestValue = DoubleColumn.create("best");
    DoubleColumn gapOverall = DoubleColumn.create("gap to overall");
    DoubleColumn ratioOverall = DoubleColumn.create("ratio to overall");
    DoubleColumn gapBest = DoubleColumn.create("gap to best");
    DoubleColumn ratioBest = DoubleColumn.create("ratio to best");
    DoubleColumn compared = DoubleColumn.create("slices compared");
    DoubleColumn small = DoubleColumn.create("small slices left out");
    for (Disparity d : r.disparities()) {
      metric.append(d.metric().label());
      overall.append(d.overall());
      worst.append(d.worst().isEmpty() ? "(no slice with n ≥ " + r.minSupport() + ")" : d.worst());
      worstValue.append(d.worstValue());
      best.append(d.best());
      bestValue.append(d.bestValue());
      gapOverall.append(d.gapToOverall());
      ratioOverall.append(d.ratioToOverall());
      gapBest.append(d.gapToBest());
      ratioBest.append(d.ratioToBest());
      compared.append(d.compared());
      small.append(d.small());
    }
    return Table.create(
        "Disparities by " + r.by() + " (slices with n ≥ " + r.minSupport() + ")",
        metric,
        overall,
        worst,
        worstValue,
        best,
        bestValue,
        gapOverall,
        ratioOverall,
        gapBest,
        ratioBest,
        compared,
        small);
  }
}
