package dev.errata.slices;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.metrics.Metric;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import dev.errata.significance.BenjaminiHochberg;
import dev.errata.significance.ProportionTests;
import dev.errata.significance.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Metrics for every slice of the data by one column or the intersection of two or three, with
 * Wilson intervals, a flag on slices under the minimum support, each slice's significance against
 * the rest of the data, and the disparity per metric. Only occupied slices are listed.
 *
 * @param source where the predictions came from
 * @param columns the sliced columns
 * @param metrics the metrics reported, in column order
 * @param tested the proportion metric each slice is tested on against the rest
 * @param overall the confusion matrix of all the data (rows = actual, columns = predicted)
 * @param slices the occupied slices, in value order
 * @param minSupport slices with fewer examples are flagged small and left out of disparities
 * @param level the confidence level of intervals, e.g. 0.95
 */
public record SliceReport(
    String source,
    List<String> columns,
    List<Metric> metrics,
    Metric tested,
    ConfusionMatrix overall,
    List<Slice> slices,
    int minSupport,
    double level) implements Presentable {

  /** Adjusted p-values at or below this mark a slice as significantly different. */
  public static final double ALPHA = 0.05;

  public SliceReport {
    columns = List.copyOf(columns);
    metrics = List.copyOf(metrics);
    slices = List.copyOf(slices);
    if (!tested.isProportion()) {
      throw new IllegalArgumentException(
          "Only a proportion can be tested against the rest (accuracy, error rate, or precision"
              + " or recall of a class), got "
              + tested.label());
    }
  }

  /** Returns whether {@code slice} has fewer examples than the minimum support. */
  public boolean isSmall(Slice slice) {
    return slice.support() < minSupport;
  }

  /** Returns {@code metric} on all the data. */
  public double overallValue(Metric metric) {
    return metric.value(overall);
  }

  /** Returns the slice with these values (one per sliced column), if it has any examples. */
  public Optional<Slice> slice(String... values) {
    List<String> wanted = List.of(values);
    return slices.stream().filter(s -> s.values().equals(wanted)).findFirst();
  }

  /**
   * Tests each slice's {@link #tested()} metric against the rest of the data and adjusts the
   * p-values with Benjamini–Hochberg across all slices listed.
   */
  public List<SliceSignificance> significance() {
    List<TestResult> results = new ArrayList<>();
    List<Double> rest = new ArrayList<>();
    Proportion all = tested.proportion(overall).orElseThrow();
    for (Slice s : slices) {
      Proportion in = tested.proportion(s.counts()).orElseThrow();
      double x2 = Math.max(0, all.successes() - in.successes());
      double n2 = Math.max(x2, all.trials() - in.trials());
      rest.add(n2 == 0 ? Double.NaN : x2 / n2);
      results.add(ProportionTests.compare(in.successes(), in.trials(), x2, n2));
    }
    double[] adjusted =
        BenjaminiHochberg.adjust(results.stream().mapToDouble(TestResult::p).toArray());
    List<SliceSignificance> out = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      out.add(new SliceSignificance(slices.get(i), rest.get(i), results.get(i), adjusted[i]));
    }
    return out;
  }

  /** Returns, per metric, the worst and best slice with enough support and the gaps. */
  public List<Disparity> disparities() {
    List<Disparity> out = new ArrayList<>();
    for (Metric m : metrics) {
      Slice worst = null;
      Slice best = null;
      int compared = 0;
      int small = 0;
      for (Slice s : slices) {
        double v = s.value(m);
        if (isSmall(s)) {
          small++;
        } else if (!Double.isNaN(v)) {
          compared++;
          if (worst == null || better(m, worst.value(m), v)) {
            worst = s;
          }
          if (best == null || better(m, v, best.value(m))) {
            best = s;
          }
        }
      }
      out.add(
          new Disparity(
              m,
              overallValue(m),
              worst == null ? "" : worst.describe(),
              worst == null ? Double.NaN : worst.value(m),
              best == null ? "" : best.describe(),
              best == null ? Double.NaN : best.value(m),
              compared,
              small));
    }
    return out;
  }

  private static boolean better(Metric m, double a, double b) {
    return m.higherIsBetter() ? a > b : a < b;
  }

  /** Returns the interval of {@code metric} on {@code slice} at this report's level. */
  public Interval interval(Slice slice, Metric metric) {
    return slice.interval(metric, level);
  }

  /**
   * Returns one row for all the data, then one per slice: the sliced values, n, share of data, a
   * small-support flag, each metric (with its interval when it is a proportion), and the test
   * against the rest: p, BH-adjusted p, and "worse"/"better" when the adjusted p is at most 0.05.
   */
  public Table toTable() {
    return SliceTables.slices(this);
  }

  /** Returns one row per metric: overall, worst and best slice, gaps and ratios. */
  public Table disparityTable() {
    return SliceTables.disparities(this);
  }

  /** Returns the sliced columns joined as a person reads them, e.g. "accent × gender". */
  public String by() {
    return String.join(" × ", columns);
  }

  String percentLevel() {
    return String.format(Locale.ROOT, "%.0f %%", level * 100);
  }

  /**
   * Shows one row per slice (the overall row first): size, share, each metric (a proportion with
   * its interval, else a number), the test against the rest with its p-values; then the
   * disparities, gaps between proportions in percentage points.
   */
  @Override
  public Presentation present() {
    Section slices =
        Section.of(toTable())
            .with(ColumnKind.LABEL, columns)
            .with(ColumnKind.COUNT, "n")
            .with(ColumnKind.PROPORTION, "share of data")
            .with(ColumnKind.P_VALUE, "p", "p (BH)");
    for (Metric m : metrics) {
      slices = slices.with(m.isRate() ? ColumnKind.PROPORTION : ColumnKind.NUMBER, m.label());
      if (m.isProportion()) {
        slices = slices.interval(m.label(), m.label() + " low", m.label() + " high");
      }
    }
    List<ColumnKind> values = new java.util.ArrayList<>();
    List<ColumnKind> gaps = new java.util.ArrayList<>();
    for (Disparity d : disparities()) {
      boolean proportion = d.metric().isRate();
      values.add(proportion ? ColumnKind.PROPORTION : ColumnKind.NUMBER);
      gaps.add(proportion ? ColumnKind.PERCENTAGE_POINT : ColumnKind.NUMBER);
    }
    Section disparities =
        Section.of(disparityTable())
            .with(ColumnKind.LABEL, "metric", "worst slice", "best slice")
            .byRow("overall", values)
            .byRow("worst", values)
            .byRow("best", values)
            .byRow("gap to overall", gaps)
            .byRow("gap to best", gaps)
            .with(ColumnKind.NUMBER, "ratio to overall", "ratio to best")
            .with(ColumnKind.COUNT, "slices compared", "small slices left out");
    return Presentation.of(slices, disparities);
  }
}
