package dev.errata.tags;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

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
public record GapChartData(String title, List<Bar> bars) implements Presentable {

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
   * @param potentialGain gap × share of data; 0 where the model beats the baseline
   * @param baseline which baseline the gap is measured against ("" when none)
   */
  public record Bar(
      String category,
      double accuracy,
      double hlp,
      double gap,
      double shareOfData,
      double potentialGain,
      String baseline) {

    /** Returns whether the model is above the baseline: a negative gap. */
    public boolean beatsBaseline() {
      return gap < 0;
    }
  }

  /**
   * Returns one bar per tag and, when a baseline names all data (a literature number, an older
   * system, a second annotator), a last bar "all data" comparing the model overall with it.
   */
  static GapChartData of(TagReport report) {
    List<TagRow> rows = new java.util.ArrayList<>(report.tagRows());
    if (report.all().baseline().isPresent()) {
      rows.add(report.all());
    }
    List<Bar> bars =
        rows.stream()
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

  /**
   * Returns one row per category; rates are proportions (the gap too: 0.04 is four points). A
   * column "vs baseline" says "beats the baseline" where the gap is negative, when any is.
   */
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
    Table t = Table.create(title, category, accuracy, hlp, gap, share, gain, baseline);
    if (bars.stream().anyMatch(Bar::beatsBaseline)) {
      StringColumn beats = StringColumn.create("vs baseline");
      bars.forEach(b -> beats.append(b.beatsBaseline() ? "beats the baseline" : ""));
      t.addColumns(beats);
    }
    return t;
  }

  /** Shows one row per tag: accuracy, HLP, the gap in percentage points, share and gain. */
  @Override
  public Presentation present() {
    return Section.of(toTable())
        .with(ColumnKind.LABEL, "tag")
        .with(ColumnKind.PROPORTION, "accuracy", "HLP", "share of data")
        .with(ColumnKind.PERCENTAGE_POINT, "gap to HLP", "potential gain")
        .present();
  }
}
