package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Normalization;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class MetricsViewsTest {

  @Test
  void cellShowsRateAndIntervalInPercent() {
    assertEquals(
        "83.4 % [79.9, 86.5]", MetricsViews.cell(0.8343, new Interval(0.7991, 0.8654, 0.95)));
    assertEquals("83.4 %", MetricsViews.cell(0.8343, Interval.undefined(0.95)));
    assertEquals("undefined", MetricsViews.cell(Double.NaN, Interval.undefined(0.95)));
  }

  @Test
  void normalizedMatrixShowsPercentagesAndUndefinedRows() {
    ConfusionMatrix cm =
        new ConfusionMatrix(new Labels(List.of("a", "b")), new double[] {3, 1, 0, 0});
    Table t = MetricsViews.percentages(cm.normalized(Normalization.TRUE));
    assertEquals(List.of("75.0 %", "undefined"), t.stringColumn("a").asList());
    assertEquals(List.of("25.0 %", "undefined"), t.stringColumn("b").asList());
    assertEquals("Confusion matrix normalized over actual classes (each row sums to 1)", t.name());
  }

  @Test
  void labelsAreEscapedInTheReportHtml() {
    ConfusionMatrix cm =
        new ConfusionMatrix(new Labels(List.of("<b>", "ok")), new double[] {5, 1, 2, 6});
    View v =
        View.of(
                dev.errata.metrics.ClassificationReport.of(
                    "x", cm, dev.errata.metrics.ReportOptions.defaults()))
            .orElseThrow();
    assertEquals(false, v.html().contains("<b>"));
    assertEquals(true, v.html().contains("&lt;b&gt;"));
  }
}
