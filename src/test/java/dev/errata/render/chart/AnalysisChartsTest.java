package dev.errata.render.chart;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.render.Numbers;
import dev.errata.tags.GapChartData;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AnalysisChartsTest {

  @Test
  void gapChartLeavesOutTagsWithoutABaselineAndNamesTheWidestGap() {
    GapChartData data =
        new GapChartData(
            "Accuracy vs HLP",
            List.of(
                new GapChartData.Bar("clean", 0.94, 0.95, 0.01, 0.60, 0.006, "HLP"),
                new GapChartData.Bar("car", 0.89, 0.93, 0.04, 0.04, 0.0016, "HLP"),
                new GapChartData.Bar("untagged", 0.5, Double.NaN, Double.NaN, 0.36, Double.NaN, "")));
    Chart chart = AnalysisCharts.gapToHlp(data);
    assertEquals(
        "Accuracy vs HLP: largest gap \"car\" 4.0 pp (model 89.0 %, HLP 93.0 %, 4.0 % of data)",
        chart.text());
  }

  @Test
  void runsChartReadsTheMetricColumnInRunOrder() {
    Table runs =
        Table.create(
            "runs",
            StringColumn.create("name", "a", "b", "c"),
            DoubleColumn.create("metrics.accuracy", 0.8, Double.NaN, 0.9));
    Chart chart = AnalysisCharts.acrossRuns(runs, "metrics.accuracy");
    assertEquals(List.of("a", "c"), chart.toTable().stringColumn("run").asList());
    assertEquals(List.of(0.8, 0.9), chart.toTable().doubleColumn("accuracy").asList());
  }

  /** The penguin notebook's runs: accuracy 122, 123 and 122 of 134, the V of one bird. */
  static Table penguinRuns(boolean withExamples) {
    Table t =
        Table.create(
            "runs",
            StringColumn.create("name", "knn-k5", "knn-k15", "knn-k5-species"),
            DoubleColumn.create("metrics.accuracy", 122.0 / 134, 123.0 / 134, 122.0 / 134));
    if (withExamples) {
      t.addColumns(DoubleColumn.create("metrics.examples", 134, 134, 134));
    }
    return t;
  }

  @Test
  void accuracyAcrossRunsGetsWilsonIntervalsFromTheLoggedExamples() {
    Lines l = (Lines) AnalysisCharts.acrossRuns(penguinRuns(true), "metrics.accuracy").plot();
    Lines.Curve c = l.curves().get(0);
    // Wilson 95 % by hand: 122 / 134 → [0.8500, 0.9480], 123 / 134 → [0.8590, 0.9535].
    assertEquals(0.8500, c.lowerAt(0), 1e-4);
    assertEquals(0.9480, c.upperAt(0), 1e-4);
    assertEquals(0.8590, c.lowerAt(1), 1e-4);
    assertEquals(0.9535, c.upperAt(1), 1e-4);
    assertEquals(
        List.of("Every change between consecutive runs is within their intervals."), l.notes());
    double[] y = LinesLayout.domain(l, false);
    assertTrue(y[1] - y[0] >= 0.9535 - 0.8500, "the axis spans the widest interval");
  }

  @Test
  void withoutIntervalsARateAxisSpansTenPointsSoOneBirdIsASmallStep() {
    Lines l = (Lines) AnalysisCharts.acrossRuns(penguinRuns(false), "metrics.accuracy").plot();
    assertFalse(l.curves().get(0).hasIntervals());
    // Values 91.04 % to 91.79 %: centred 91.42 %, ten points from 86.42 % to 96.42 %.
    assertEquals(0.8642, l.y().min(), 1e-4);
    assertEquals(0.9642, l.y().max(), 1e-4);
    assertEquals(
        List.of("No intervals were logged; the axis spans at least 10 percentage points."),
        l.notes());
    assertTrue(
        AnalysisCharts.acrossRuns(penguinRuns(false), "metrics.accuracy")
            .svg()
            .contains(
                ">No intervals were logged; the axis spans at least 10 percentage points.</text>"));
  }

  /** Five examples, two positive: thresholds 0.1 < 0.3 < 0.6 < 0.8. */
  static PrecisionRecallCurve smallCurve() {
    return new PrecisionRecallCurve(
        "yes",
        new double[] {0.4, 0.5, 2.0 / 3, 1, 1},
        new double[] {1, 1, 1, 0.5, 0},
        new double[] {0.1, 0.3, 0.6, 0.8});
  }

  @Test
  void precisionRecallDrawsThePrevalenceAndTheChosenThreshold() {
    Chart chart = AnalysisCharts.precisionRecall(smallCurve(), 0.5);
    Lines l = (Lines) chart.plot();
    assertEquals(List.of(new Lines.Level("prevalence 40.0 %", 0.4)), l.levels());
    assertEquals(
        List.of(new Lines.Mark("threshold 0.5: precision 66.7 %, recall 100.0 %", 1, 2.0 / 3)),
        l.marks());
    Canvas canvas = chart.canvas();
    // A 320 px square plot from y = 40: precision 40 % sits at 40 + 320 × 0.6 = 232.
    assertTrue(
        canvas.shapes.contains(new Canvas.Line(70, 232, 390, 232, Style.MUTED, 1, true)),
        canvas.shapes.toString());
    assertTrue(chart.svg().contains(">prevalence 40.0 %</text>"), chart.svg());
    assertTrue(chart.plotlyJson().contains("\"name\":\"prevalence 40.0 %\""), chart.plotlyJson());
    assertEquals(
        "Precision-recall curve: average precision "
            + Numbers.format(Math.round(smallCurve().averagePrecision() * 1000) / 1000.0)
            + " (5 points); prevalence 40.0 %; threshold 0.5: precision 66.7 %, recall 100.0 %",
        chart.text());
    assertEquals(List.of(), ((Lines) AnalysisCharts.precisionRecall(smallCurve()).plot()).marks());
  }

  @Test
  void aThresholdAboveEveryScoreSaysWhichIsHighest() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnalysisCharts.precisionRecall(smallCurve(), 0.9));
    assertEquals("No score reaches threshold 0.9; the highest score is 0.8", e.getMessage());
  }

  @Test
  void unknownRunsMetricListsTheColumns() {
    Table runs = Table.create("runs", StringColumn.create("name", "a"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnalysisCharts.acrossRuns(runs, "metrics.f1"));
    assertEquals("No column \"metrics.f1\" in the runs table; columns are [name]", e.getMessage());
  }
}
