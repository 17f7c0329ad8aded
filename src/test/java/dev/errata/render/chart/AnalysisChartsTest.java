package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void unknownRunsMetricListsTheColumns() {
    Table runs = Table.create("runs", StringColumn.create("name", "a"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnalysisCharts.acrossRuns(runs, "metrics.f1"));
    assertEquals("No column \"metrics.f1\" in the runs table; columns are [name]", e.getMessage());
  }
}
