package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.render.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Parallel coordinates of runs: parameters that vary, then a metric; one line per run. */
class ParallelChartTest {

  /** Four runs as ExperimentLog.runs() lays them out; run "d" logged no recall. */
  static Table runs() {
    return Table.create(
        "runs",
        StringColumn.create("name", "a", "b", "c <b>&amp;</b>", "d"),
        DoubleColumn.create("params.lr", 0.1, 0.01, 0.05, 0.2),
        LongColumn.create("params.depth", 3, 3, 3, 3),
        StringColumn.create("params.opt", "sgd", "adam", "sgd", "rmsprop"),
        DoubleColumn.create("metrics.recall", 0.7, 0.9, 0.8, Double.NaN));
  }

  @Test
  void axesAreTheVaryingParamsThenTheMetricAndEachRunWithItIsALine() {
    Chart c = AnalysisCharts.parallel(runs(), "metrics.recall");
    Parallel p = (Parallel) c.plot();
    assertEquals(List.of("a", "b", "c <b>&amp;</b>"), p.lines());
    assertEquals(
        List.of("lr", "opt", "recall"),
        p.dimensions().stream().map(Parallel.Dimension::label).toList());
    Parallel.Dimension lr = p.dimensions().get(0);
    assertArrayEquals(new double[] {0.1, 0.01, 0.05}, lr.values());
    // lr spans [0.01, 0.1]: 0.1 at the top, 0.01 at the bottom, 0.05 at (0.05 - 0.01) / 0.09.
    assertEquals(1.0, lr.normalized(0));
    assertEquals(0.0, lr.normalized(1));
    assertEquals(0.04 / 0.09, lr.normalized(2), 1e-12);
    Parallel.Dimension opt = p.dimensions().get(1);
    assertEquals(List.of("sgd", "adam"), opt.categories());
    assertArrayEquals(new double[] {0, 1, 0}, opt.values());
    assertEquals("adam", opt.text(1));
    assertTrue(p.colour().percent());
    assertEquals(
        "parameters and recall across runs: 3 runs, 2 parameters; highest recall 90.0 % (b)",
        c.text());
    Table t = c.toTable();
    assertEquals(List.of("line", "lr", "opt", "recall"), t.columnNames());
    assertEquals(List.of("sgd", "adam", "sgd"), t.stringColumn("opt").asList());
    // jsplot has no parcoords: the figure draws each run as a line over the axes placed on [0, 1].
    tech.tablesaw.plotly.components.Figure f = c.toFigure();
    assertEquals(3, f.getTraces().length);
    String js = f.asJavascript("div");
    assertTrue(js.contains("axes: lr, opt, recall"), js);
  }

  @Test
  void plotlyFigureIsAParcoordsTraceWithEscapedLabels() {
    String json = AnalysisCharts.parallel(runs(), "metrics.recall").plotlyJson();
    assertTrue(json.contains("\"type\":\"parcoords\""), json);
    assertTrue(json.contains("\"label\":\"opt\",\"values\":[0,1,0],\"range\":[0,1],"
        + "\"tickvals\":[0,1],\"ticktext\":[\"sgd\",\"adam\"]"), json);
    assertTrue(json.contains("\"label\":\"recall\",\"values\":[0.7,0.9,0.8],\"range\":[0.7,0.9],"
        + "\"tickformat\":\".1%\""), json);
    Chart hostile =
        AnalysisCharts.parallel(
            Table.create(
                "runs",
                StringColumn.create("name", "x", "y"),
                StringColumn.create("params.<b>p</b>", "<i>1</i>", "&amp;"),
                DoubleColumn.create("metrics.loss", 1, 2)),
            "metrics.loss");
    String h = hostile.plotlyJson();
    assertFalse(h.contains("<b>") || h.contains("<i>"), h);
    assertTrue(h.contains("&lt;b>p&lt;/b>") && h.contains("&amp;amp;"), h);
    String svg = hostile.svg();
    assertFalse(svg.contains("<b>") || svg.contains("<i>"), svg);
  }

  @Test
  void staticImageDrawsOneLinePerRunAndMatchesItsGoldenFile() {
    Chart c = AnalysisCharts.parallel(runs(), "metrics.recall");
    String svg = c.svg();
    // One 1.5-pixel path per run: a, b and c (run d has no recall).
    assertEquals(3, svg.split("stroke-width=\"1.5\"", -1).length - 1, svg);
    assertTrue(svg.contains("<text x=\"372\" y=\"188\">c &lt;b>&amp;amp;&lt;/b></text>"), svg);
    Golden.assertMatches("chart-parallel.svg", svg + "\n");
    assertTrue(c.output().html().length() < ChartOutput.BUDGET, "over the output budget");
  }

  @Test
  void whenNoParameterVariesEveryParameterIsDrawnAndSaid() {
    Table same =
        Table.create(
            "runs",
            StringColumn.create("name", "a", "b"),
            DoubleColumn.create("params.lr", 0.1, 0.1),
            DoubleColumn.create("metrics.accuracy", 0.5, 0.6));
    Parallel p = (Parallel) AnalysisCharts.parallel(same, "metrics.accuracy").plot();
    assertEquals(0.5, p.dimensions().get(0).normalized(0));
    assertEquals(
        List.of(
            "Each line is a run; darker lines have a higher accuracy.",
            "No parameter varies between these runs: every parameter is drawn."),
        p.notes());
  }

  @Test
  void missingMetricOrParamsAreErrorsThatSayWhatThereIs() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnalysisCharts.parallel(runs(), "metrics.f1"));
    assertEquals(
        "No number column \"metrics.f1\" in the runs table; metrics are [metrics.recall]",
        e.getMessage());
    Table noParams =
        Table.create(
            "runs", StringColumn.create("name", "a"), DoubleColumn.create("metrics.f1", 0.5));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> AnalysisCharts.parallel(noParams, "metrics.f1"));
    assertEquals(
        "The runs table has no params. column: parallel coordinates draw parameters against a"
            + " metric; log parameters with --params or run.param(...)",
        e.getMessage());
  }
}
