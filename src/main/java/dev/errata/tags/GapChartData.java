package dev.errata.tags;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Holds what a chart of model accuracy vs baseline (HLP) per tag needs: one bar pair per tag,
 * annotated with the gap and the share of data. Fractions in [0, 1]; NaN where undefined. A chart
 * renderer draws it; {@link #toTable()} shows the same numbers.
 *
 * @param title the chart title
 * @param bars one entry per tag, in the per-tag table's order
 */
public record GapChartData(String title, List<Bar> bars) {

  public GapChartData {
    bars = List.copyOf(bars);
  }

  /**
   * One category of the chart.
   *
   * @param category the tag
   * @param accuracy the model's accuracy on it
   * @param hlp the baseline accuracy (NaN when none)
   * @param gap hlp − accuracy
   * @param shareOfData the share of examples carrying the tag
   * @param potentialGain gap × share of data
   * @param baseline which baseline the gap is measured against ("" when none)
   */
  public record Bar(
      String category,
      double accuracy,
      double hlp,
      double gap,
      double shareOfData,
      double potentialGain,
      String baseline) {}

  static GapChartData of(TagReport report) {
    List<Bar> bars =
        report.tagRows().stream()
            .map(
                r ->
                    new Bar(
                        r.name(),
                        r.accuracy().value(),
                        r.hlp(),
                        r.gap(),
                        r.shareOfData().value(),
                        r.potentialGain(),
                        r.baseline().map(b -> b.source()).orElse("")))
            .toList();
    return new GapChartData("Accuracy vs HLP per tag (gap; % of data)", bars);
  }

  /** Returns the categories in order. */
  public List<String> categories() {
    return bars.stream().map(Bar::category).toList();
  }

  /** Returns one row per category; rates are proportions (the gap too: 0.04 is four points). */
  public Table toTable() {
    StringColumn category = StringColumn.create("tag");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    DoubleColumn hlp = DoubleColumn.create("HLP");
    DoubleColumn gap = DoubleColumn.create("gap to HLP");
    DoubleColumn share = DoubleColumn.create("share of data");
    DoubleColumn gain = DoubleColumn.create("potential gain");
    StringColumn baseline = StringColumn.create("baseline");
    for (Bar b : bars) {
      category.append(b.category());
      accuracy.append(b.accuracy());
      hlp.append(b.hlp());
      gap.append(b.gap());
      share.append(b.shareOfData());
      gain.append(b.potentialGain());
      baseline.append(b.baseline());
    }
    return Table.create(title, category, accuracy, hlp, gap, share, gain, baseline);
  }
}
