package dev.errata.render.chart;

import dev.errata.internal.LabelText;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.render.Numbers;
import dev.errata.present.ColumnKind;
import dev.errata.present.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds the charts Errata's analyses need, from plain data or from a result's table. */
public final class Charts {

  /** Points a curve keeps at most (a 10^6-point ROC curve becomes a few hundred). */
  static final int MAX_CURVE_POINTS = 250;

  /** Runs a chart across runs shows at most: the most recent ones. */
  static final int MAX_RUNS = 40;

  private Charts() {}

  /**
   * Returns the confusion matrix as a heatmap: counts as text, colour by share of the actual class
   * (the row). Above {@value ConfusionChart#MAX_CLASSES} classes it shows the most confused
   * classes and folds the rest into one "other" row and column.
   */
  public static Chart confusion(ConfusionMatrix cm) {
    return ConfusionChart.of(cm);
  }

  /** Returns a heatmap of {@code counts[row][column]}, coloured by each cell's share of its row. */
  public static Chart heatmap(
      String title, String rowAxis, String columnAxis, List<String> rows, List<String> columns,
      double[][] counts) {
    Heatmap h = new Heatmap(rows, columns, counts, rowAxis, columnAxis);
    return new Chart(title, h, oneLine(title) + ": " + rows.size() + " × " + columns.size() + " counts");
  }

  /**
   * Returns one bar per slice for a rate (shown 0–100 %) with its interval as a whisker; {@code
   * lower} and {@code upper} may be empty. The summary names the lowest and highest slice.
   */
  public static Chart sliceMetric(
      String title, String metric, List<String> slices, List<Double> values, List<Double> lower,
      List<Double> upper) {
    Bars b = new Bars(slices, List.of(new Bars.Series(metric, values, lower, upper)),
        Axis.percent(metric), List.of());
    return new Chart(title, b, oneLine(title) + ": " + extremes(slices, values, lower, upper, true, "slices"));
  }

  /**
   * Returns grouped bars of the model's accuracy against human-level performance per category,
   * with the gap drawn as a delta bar from the model to HLP, ordered by potential gain (the gap
   * times the category's share of the data: what closing it would add to overall accuracy), and
   * each group annotated with its gap, share of data and gain.
   *
   * @param model the model's accuracy per category, in [0, 1]
   * @param hlp human-level accuracy per category
   * @param shareOfData each category's share of all examples
   */
  public static Chart gapToHlp(
      String title,
      List<String> categories,
      List<Double> model,
      List<Double> hlp,
      List<Double> shareOfData) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      order.add(i);
    }
    // Largest gain first; an undefined gain last; ties keep the order given.
    order.sort(
        java.util.Comparator.comparingDouble(
            (Integer i) -> {
              double g = gain(hlp.get(i), model.get(i), shareOfData.get(i));
              return Double.isNaN(g) ? Double.POSITIVE_INFINITY : -g;
            }));
    List<String> cats = new ArrayList<>();
    List<Double> m = new ArrayList<>();
    List<Double> h = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int widest = -1;
    double widestGap = Double.NEGATIVE_INFINITY;
    for (int i : order) {
      double gap = hlp.get(i) - model.get(i);
      cats.add(categories.get(i));
      m.add(model.get(i));
      h.add(hlp.get(i));
      notes.add(
          (gap < 0 ? "beats the baseline by " + points(-gap) : "gap " + points(gap))
              + " · "
              + Numbers.percent(shareOfData.get(i))
              + " of data · gain "
              + Numbers.percentagePoints(gain(hlp.get(i), model.get(i), shareOfData.get(i))));
      if (gap > widestGap) {
        widestGap = gap;
        widest = i;
      }
    }
    Bars b =
        new Bars(
            cats,
            List.of(Bars.Series.of("model", m), Bars.Series.of("HLP", h)),
            Axis.percent("accuracy"),
            notes,
            true);
    String summary = oneLine(title) + ": "
        + (widest < 0 ? "no categories"
            : widestGap < 0 ? "the model beats the baseline everywhere, by " + points(-widestGap)
                + " at least (" + quote(categories.get(widest)) + ")"
            : "largest gap " + quote(categories.get(widest)) + " " + points(widestGap) + " (model "
                + Numbers.percent(model.get(widest)) + ", HLP " + Numbers.percent(hlp.get(widest))
                + ", " + Numbers.percent(shareOfData.get(widest)) + " of data)");
    return new Chart(title, b, summary);
  }

  /** Returns what closing a category's gap adds to overall accuracy: gap × share of data. */
  static double gain(double hlp, double model, double share) {
    return Math.max(0, hlp - model) * share;
  }

  /**
   * Returns bars of {@code valueColumns} per row of {@code table}, labelled by {@code
   * categoryColumn}, on a number axis: a plain table says nothing about its columns.
   */
  public static Chart bars(Table table, String categoryColumn, String... valueColumns) {
    return bars(Section.of(table), categoryColumn, valueColumns);
  }

  /**
   * Returns bars of {@code valueColumns} per row of the section's table, labelled by {@code
   * categoryColumn}: on a 0–100 % axis when every value column is a {@link
   * ColumnKind#PROPORTION}, with whiskers where the section declares an interval.
   */
  public static Chart bars(Section section, String categoryColumn, String... valueColumns) {
    Table table = section.table();
    if (valueColumns.length == 0) {
      throw new IllegalArgumentException("Name at least one value column; columns are " + table.columnNames());
    }
    List<String> categories = new ArrayList<>();
    Column<?> cat = column(table, categoryColumn);
    for (int r = 0; r < table.rowCount(); r++) {
      categories.add(cat.isMissing(r) ? "" : cat.getString(r));
    }
    List<Bars.Series> series = new ArrayList<>();
    boolean percent = true;
    for (String name : valueColumns) {
      NumericColumn<?> v = numeric(table, name);
      percent &= section.kind(name) == ColumnKind.PROPORTION;
      Section.Bounds ci = section.intervals().get(name);
      series.add(new Bars.Series(name, values(v),
          ci != null ? values(numeric(table, ci.low())) : List.of(),
          ci != null ? values(numeric(table, ci.high())) : List.of()));
    }
    String title = table.name() + ": " + String.join(", ", valueColumns);
    Axis axis = percent ? Axis.percent(String.join(", ", valueColumns)) : Axis.numbers(String.join(", ", valueColumns));
    Bars.Series first = series.get(0);
    return new Chart(title, new Bars(categories, series, axis, List.of()),
        oneLine(title) + ": " + extremes(categories, first.values(), first.lower(), first.upper(), percent, "rows"));
  }

  /**
   * Returns the precision-recall curve (recall across, precision up) with its average precision,
   * and the prevalence baseline when the curve's first point predicts every example positive
   * (recall 1, as scikit-learn's curve starts): its precision is then the share of positives.
   */
  public static Chart precisionRecall(
      double[] recall, double[] precision, double averagePrecision) {
    double prevalence =
        recall.length > 0 && recall[0] == 1 && precision.length > 0 ? precision[0] : Double.NaN;
    return precisionRecall(recall, precision, averagePrecision, prevalence, null);
  }

  /**
   * Returns the precision-recall curve with a dashed line at {@code prevalence} (what a classifier
   * without skill reaches; NaN for none) and a ringed point at {@code chosen} (null for none).
   */
  public static Chart precisionRecall(
      double[] recall,
      double[] precision,
      double averagePrecision,
      double prevalence,
      Lines.Mark chosen) {
    Lines.Curve c = thin("AP " + Numbers.format(round3(averagePrecision)), recall, precision);
    List<Lines.Level> levels =
        Double.isNaN(prevalence)
            ? List.of()
            : List.of(new Lines.Level("prevalence " + Numbers.percent(prevalence), prevalence));
    return new Chart(
        "Precision-recall curve",
        new Lines(
            List.of(c),
            Axis.percent("recall"),
            Axis.percent("precision"),
            List.of(),
            false,
            levels,
            chosen == null ? List.of() : List.of(chosen),
            List.of()),
        "Precision-recall curve: average precision "
            + Numbers.format(round3(averagePrecision))
            + " ("
            + recall.length
            + " points)"
            + (Double.isNaN(prevalence) ? "" : "; prevalence " + Numbers.percent(prevalence))
            + (chosen == null ? "" : "; " + chosen.label()));
  }

  /** Returns the ROC curve (false positive rate across, true positive rate up) with its AUC. */
  public static Chart roc(double[] falsePositiveRate, double[] truePositiveRate, double auc) {
    Lines.Curve c = thin("AUC " + Numbers.format(round3(auc)), falsePositiveRate, truePositiveRate);
    return new Chart("ROC curve",
        new Lines(List.of(c), Axis.percent("false positive rate"), Axis.percent("true positive rate"),
            List.of(), true),
        "ROC curve: AUC " + Numbers.format(round3(auc)) + " (" + falsePositiveRate.length + " points)");
  }

  /** Returns several curves on shared axes, each thinned to at most a few hundred points. */
  public static Chart curves(String title, Axis x, Axis y, boolean diagonal, List<Lines.Curve> curves) {
    List<Lines.Curve> thinned = curves.stream().map(c -> thin(c.name(), c.x(), c.y())).toList();
    return new Chart(title, new Lines(thinned, x, y, List.of(), diagonal),
        oneLine(title) + ": " + curves.size() + (curves.size() == 1 ? " curve" : " curves"));
  }

  /**
   * Returns a metric across logged runs, in the order given, with interval whiskers when {@code
   * lower} and {@code upper} are not empty. A rate of the metric vocabulary ({@link
   * dev.errata.metrics.Metric#isRateKey}) reads
   * as a percentage, on an axis that cannot make a change of one or two examples look large: it
   * spans the intervals, and at least {@link #MIN_RATE_SPAN} when there are none. A note under the
   * chart says when every change between consecutive runs lies within their intervals, or that
   * there are no intervals.
   */
  public static Chart acrossRuns(
      String metric,
      List<String> runs,
      List<Double> values,
      List<Double> lower,
      List<Double> upper) {
    int from = Math.max(0, runs.size() - MAX_RUNS);
    List<String> shownRuns = runs.subList(from, runs.size());
    List<Double> v = values.subList(from, values.size());
    List<Double> lo = lower.isEmpty() ? lower : lower.subList(from, lower.size());
    List<Double> hi = upper.isEmpty() ? upper : upper.subList(from, upper.size());
    double[] x = new double[shownRuns.size()];
    Arrays.setAll(x, i -> i);
    Lines.Curve c = new Lines.Curve(metric, x, doubles(v), doubles(lo), doubles(hi));
    boolean percent = dev.errata.metrics.Metric.isRateKey(metric);
    List<String> notes = new ArrayList<>();
    Axis y = new Axis(metric, percent, Double.NaN, Double.NaN);
    if (percent && lo.isEmpty()) {
      y = rateAxis(metric, v);
      notes.add(
          "No intervals were logged; the axis spans at least "
              + Numbers.format(MIN_RATE_SPAN * 100)
              + " percentage points.");
    } else if (!lo.isEmpty() && v.size() > 1 && changesWithinIntervals(v, lo, hi)) {
      notes.add("Every change between consecutive runs is within their intervals.");
    }
    String title = metric + " across runs";
    String count = from == 0 ? runs.size() + " runs" : "last " + shownRuns.size() + " of " + runs.size() + " runs";
    return new Chart(
        title,
        new Lines(
            List.of(c),
            new Axis("run", false, Double.NaN, Double.NaN),
            y,
            shownRuns,
            false,
            List.of(),
            List.of(),
            notes),
        oneLine(title) + ": " + count + "; " + extremes(shownRuns, v, lo, hi, percent, "runs"));
  }

  /**
   * The smallest span of a rate axis across runs without intervals: about the width of a 95 %
   * interval of an accuracy near 90 % measured on 130 examples, so that one example's change
   * (0.75 points there) stays a small step.
   */
  static final double MIN_RATE_SPAN = 0.10;

  /** Returns a percent axis around {@code values} spanning at least {@link #MIN_RATE_SPAN}. */
  static Axis rateAxis(String title, List<Double> values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi || hi - lo >= MIN_RATE_SPAN) {
      return new Axis(title, true, Double.NaN, Double.NaN);
    }
    double min = Math.max(0, (lo + hi) / 2 - MIN_RATE_SPAN / 2);
    double max = Math.min(1, min + MIN_RATE_SPAN);
    return new Axis(title, true, max - MIN_RATE_SPAN, max);
  }

  /** Returns whether each run's value lies within the previous run's interval and vice versa. */
  static boolean changesWithinIntervals(List<Double> v, List<Double> lo, List<Double> hi) {
    for (int i = 1; i < v.size(); i++) {
      if (!(within(v.get(i), lo.get(i - 1), hi.get(i - 1))
          && within(v.get(i - 1), lo.get(i), hi.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(double v, double lo, double hi) {
    return v >= lo && v <= hi;
  }

  static String extremes(List<String> names, List<Double> values, List<Double> lower, List<Double> upper,
      boolean percent, String noun) {
    int lo = -1;
    int hi = -1;
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i);
      if (!Double.isNaN(v)) {
        lo = lo < 0 || v < values.get(lo) ? i : lo;
        hi = hi < 0 || v > values.get(hi) ? i : hi;
      }
    }
    if (lo < 0) {
      return "no defined values";
    }
    return "lowest " + quote(names.get(lo)) + " " + value(lo, values, lower, upper, percent)
        + ", highest " + quote(names.get(hi)) + " " + value(hi, values, lower, upper, percent)
        + " (" + values.size() + " " + noun + ")";
  }

  private static String value(int i, List<Double> v, List<Double> lo, List<Double> hi, boolean percent) {
    return lo.isEmpty()
        ? (percent ? Numbers.percent(v.get(i)) : Numbers.format(v.get(i)))
        : Numbers.interval(v.get(i), lo.get(i), hi.get(i), percent);
  }

  /** Returns a rate difference in percentage points with a sign: 0.04 → "4.0 pp". */
  static String points(double gap) {
    if (Double.isNaN(gap)) {
      return Numbers.UNDEFINED;
    }
    String s = String.format(java.util.Locale.ROOT, "%.1f", gap * 100);
    return (s.equals("-0.0") ? "0.0" : s) + " pp";
  }

  static String quote(String label) {
    return "\"" + LabelText.oneLine(LabelText.cap(label, 40)) + "\"";
  }

  static String oneLine(String s) {
    return LabelText.oneLine(LabelText.cap(s, Style.TITLE_CHARS));
  }

  /** Keeps at most about {@value #MAX_CURVE_POINTS} points, evenly spaced along the curve. */
  static Lines.Curve thin(String name, double[] x, double[] y) {
    if (x.length <= MAX_CURVE_POINTS) {
      return Lines.Curve.of(name, x, y);
    }
    double length = 0;
    for (int i = 1; i < x.length; i++) {
      length += step(x, y, i);
    }
    List<Integer> keep = new ArrayList<>();
    keep.add(0);
    double walked = 0;
    double next = length / MAX_CURVE_POINTS;
    for (int i = 1; i < x.length - 1; i++) {
      walked += step(x, y, i);
      if (walked >= next) {
        keep.add(i);
        next = walked + length / MAX_CURVE_POINTS;
      }
    }
    keep.add(x.length - 1);
    return Lines.Curve.of(name, keep.stream().mapToDouble(i -> x[i]).toArray(),
        keep.stream().mapToDouble(i -> y[i]).toArray());
  }

  private static double step(double[] x, double[] y, int i) {
    double d = Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    return Double.isFinite(d) ? d : 0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double[] doubles(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> values(NumericColumn<?> c) {
    List<Double> out = new ArrayList<>();
    for (int r = 0; r < c.size(); r++) {
      out.add(c.isMissing(r) ? Double.NaN : c.getDouble(r));
    }
    return Collections.unmodifiableList(out);
  }

  private static Column<?> column(Table t, String name) {
    if (!t.columnNames().contains(name)) {
      throw new IllegalArgumentException(
          "No column \"" + name + "\" in table \"" + t.name() + "\"; columns are " + t.columnNames());
    }
    return t.column(name);
  }

  private static NumericColumn<?> numeric(Table t, String name) {
    if (column(t, name) instanceof NumericColumn<?> n) {
      return n;
    }
    throw new IllegalArgumentException(
        "Column \"" + name + "\" of table \"" + t.name() + "\" is not numeric; columns are " + t.columnNames());
  }
}
