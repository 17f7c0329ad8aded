package dev.errata.kernel;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.BinaryMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Normalization;
import dev.errata.metrics.NormalizedConfusion;
import dev.errata.metrics.PrecisionRecallCurve;
import dev.errata.metrics.RocCurve;
import dev.errata.metrics.ThresholdChoice;
import dev.errata.metrics.ZeroDivision;
import dev.errata.render.View;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.Heatmap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsMagicsTest {

  private final FakeNotebook notebook = new FakeNotebook();
  private final ErrataMagics core = new ErrataMagics(notebook);
  private final MetricsMagics magics = new MetricsMagics(notebook);

  /** Ten examples: actual 1 for ids 1-4; scores rank them; the model predicts 1 above 0.5. */
  @BeforeEach
  void loadPredictions() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "magics-test"));
    Path file = dir.resolve("scored.csv");
    Files.writeString(
        file,
        String.join(
            "\n",
            "id,label,pred,p1",
            "1,1,1,0.9",
            "2,1,1,0.8",
            "3,1,0,0.4",
            "4,1,0,0.3",
            "5,0,1,0.7",
            "6,0,0,0.2",
            "7,0,0,0.1",
            "8,0,0,0.1",
            "9,0,0,0.05",
            "10,0,0,0.0"));
    Predictions p =
        core.predictions(
            List.of(
                file.toString(),
                "--actual",
                "label",
                "--predicted",
                "pred",
                "--id",
                "id",
                "--score",
                "p1",
                "--positive",
                "1"));
    notebook.variables.put("p", p);
    notebook.displayed.clear();
  }

  @Test
  void metricsDisplaysAndReturnsTheReport() throws Exception {
    ClassificationReport r = magics.metrics(List.of("p", "--zero-division", "0", "--seed", "3"));
    assertSame(r, notebook.displayed.get(0));
    assertEquals(ZeroDivision.ZERO, r.options().zeroDivision());
    assertEquals(3, r.options().seed());
    assertEquals(2.0 / 3, r.metrics().precision(1), 1e-15);
    assertEquals(0.5, r.metrics().recall(1), 1e-15);
    View view = View.of(r).orElseThrow();
    assertTrue(view.text().contains("66.7 % ["), view.text());
  }

  @Test
  void confusionNormalizesOverTheChosenAxis() throws Exception {
    assertInstanceOf(ConfusionMatrix.class, magics.confusion(List.of("p")));
    Object normalized = magics.confusion(List.of("p", "--normalize", "pred"));
    NormalizedConfusion n = assertInstanceOf(NormalizedConfusion.class, normalized);
    assertEquals(Normalization.PRED, n.over());
    assertEquals(2.0 / 3, n.value(1, 1), 1e-15);
    assertEquals(4, notebook.displayed.size(), "each call shows its table and the heatmap");
    assertEquals(
        "%confusion: --normalize takes true, pred or all, got \"rows?\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> magics.confusion(List.of("p", "--normalize", "rows?")))
            .getMessage());
  }

  @Test
  void confusionShowsTheHeatmapOfTheCountsUnlessNoChart() throws Exception {
    Object normalized = magics.confusion(List.of("p", "--normalize", "true"));
    assertSame(normalized, notebook.displayed.get(0));
    Chart heatmap = assertInstanceOf(Chart.class, notebook.displayed.get(1));
    // 10 examples: (1,1) 2, (1,0) 2, (0,1) 1, (0,0) 5 -> accuracy 7/10; worst: 1 as 0, 2 of 4.
    assertEquals(
        "Confusion matrix: 2 classes, 10 examples, accuracy 70.0 %; most confused: actual \"1\""
            + " predicted as \"0\" 2 times (50.0 % of \"1\")",
        heatmap.text());
    Heatmap h = (Heatmap) heatmap.plot();
    assertEquals(2, h.count(1, 0), "the heatmap shows counts even when the table is normalized");
    notebook.displayed.clear();
    magics.confusion(List.of("p", "--no-chart"));
    assertEquals(1, notebook.displayed.size());
    assertInstanceOf(ConfusionMatrix.class, notebook.displayed.get(0));
  }

  @Test
  void thresholdFindsTheHighestThresholdReachingRecall() throws Exception {
    ThresholdChoice t =
        assertInstanceOf(ThresholdChoice.class, magics.threshold(List.of("p", "--recall", "0.75")));
    assertEquals(0.4, t.threshold());
    assertEquals(3, t.metrics().tp());
    assertEquals(1, t.metrics().fp());
    ThresholdChoice q =
        assertInstanceOf(
            ThresholdChoice.class, magics.threshold(List.of("p", "--precision", "0.7")));
    assertEquals(0.3, q.threshold(), "lowest threshold with precision >= 0.7 (4/5 = 0.8)");
    BinaryMetrics at =
        assertInstanceOf(BinaryMetrics.class, magics.threshold(List.of("p", "--at", "0.5")));
    assertEquals(2, at.tp());
    assertEquals(3, notebook.displayed.size());
  }

  @Test
  void thresholdNeedsExactlyOneTarget() {
    assertEquals(
        "%threshold: give exactly one of --recall R, --precision P or --at T",
        assertThrows(IllegalArgumentException.class, () -> magics.threshold(List.of("p")))
            .getMessage());
  }

  @Test
  void curvesCarryAucAndAveragePrecision() throws Exception {
    RocCurve roc = magics.roc(List.of("p"));
    // 4 positives, 6 negatives; 22 of the 24 pairs are ranked right (0.4 and 0.3 < 0.7).
    assertEquals(22.0 / 24, roc.auc(), 1e-15);
    PrecisionRecallCurve pr = magics.precisionRecall(List.of("p"));
    assertEquals((1 + 1 + 0.75 + 0.8) / 4, pr.averagePrecision(), 1e-15);
    // Each curve magic shows its chart, then its table.
    assertEquals(
        List.of(dev.errata.render.chart.Chart.class, RocCurve.class,
            dev.errata.render.chart.Chart.class, PrecisionRecallCurve.class),
        notebook.displayed.stream().map(Object::getClass).toList());
  }

  @Test
  void unknownVariableTypeSaysWhatWasExpected() {
    notebook.variables.put("s", "text");
    assertEquals(
        "%metrics: \"s\" is a String, expected predictions (from %predictions or"
            + " Errata.read(...).load())",
        assertThrows(IllegalArgumentException.class, () -> magics.metrics(List.of("s")))
            .getMessage());
  }

  @Test
  void helpListsTheMetricsMagics() {
    List<String> names = core.helpTable().toTable().stringColumn("magic").asList();
    assertTrue(names.containsAll(List.of("%metrics", "%confusion", "%threshold", "%roc", "%pr")));
  }
}
