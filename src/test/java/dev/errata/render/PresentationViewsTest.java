package dev.errata.render;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Normalization;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PresentationViewsTest {

  @Test
  void cellShowsRateAndIntervalInPercent() {
    assertEquals("83.4 % [79.9, 86.5]", Numbers.interval(0.8343, 0.7991, 0.8654, true));
    assertEquals("83.4 %", Numbers.interval(0.8343, Double.NaN, Double.NaN, true));
    assertEquals("undefined", Numbers.interval(Double.NaN, Double.NaN, Double.NaN, true));
  }

  @Test
  void normalizedMatrixShowsPercentagesAndUndefinedRows() {
    ConfusionMatrix cm =
        new ConfusionMatrix(new Labels(List.of("a", "b")), new double[] {3, 1, 0, 0});
    Table t = HtmlTable.shown(cm.normalized(Normalization.TRUE).present().sections().get(0));
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

  @Test
  void binaryMetricsShowRatesAsPercentagesAndCountsAsCounts() {
    // The course's defect model: tp 68, fp 9, fn 18, tn 905.
    String text =
        View.of(dev.errata.metrics.BinaryMetrics.of("1", 68, 9, 18, 905)).orElseThrow().text();
    assertEquals(
        "Binary metrics, positive = \"1\" (10 rows × 2 columns)\n"
            + "metric                value\n"
            + "true positives           68\n"
            + "false positives           9\n"
            + "false negatives          18\n"
            + "true negatives          905\n"
            + "precision            88.3 %\n"
            + "recall               79.1 %\n"
            + "F1                   83.4 %\n"
            + "specificity          99.0 %\n"
            + "false-positive rate  0.98 %\n"
            + "accuracy             97.3 %\n",
        text);
  }
}
