package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.Charts;
import dev.errata.render.chart.PlotlyJs;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartRenderingTest {

  static Chart courseHeatmap() {
    return Charts.confusion(
        new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {905, 9, 18, 68}));
  }

  @Test
  void chartRendersAsHtmlPngAndTextInOneBundle() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer, new ChartSettings());
    Chart chart = courseHeatmap();
    DisplayData d = renderer.render(chart);
    assertEquals(chart.output().html(), d.getData(MIMEType.TEXT_HTML));
    byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
    assertEquals((byte) 0x89, png[0]);
    assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    assertEquals(chart.text(), d.getData(MIMEType.TEXT_PLAIN));
    assertFalse(d.hasDataForType(ErrataRenderers.PLOTLY), "Plotly's type only when switched on");
  }

  @Test
  void plotlyTypeIsAddedOnlyBehindTheSwitchAndIsAJsonObject() throws Exception {
    Renderer renderer = new Renderer();
    ChartSettings settings = new ChartSettings();
    ErrataRenderers.registerInto(renderer, settings);
    new ChartMagics(new FakeNotebook(), settings).charts(List.of("--plotly-mime", "on"));
    DisplayData d = renderer.render(courseHeatmap());
    assertEquals("application/vnd.plotly.v1+json", ErrataRenderers.PLOTLY.toString());
    Object figure = d.getData(ErrataRenderers.PLOTLY);
    assertTrue(figure instanceof Map<?, ?> m && m.containsKey("data") && m.containsKey("layout")
        && !m.containsKey("config"), String.valueOf(figure));
    assertTrue(d.hasDataForType(MIMEType.TEXT_HTML));
  }

  @Test
  void chartsMagicChangesWherePlotlyLoadsFrom() throws Exception {
    ChartSettings settings = new ChartSettings();
    FakeNotebook nb = new FakeNotebook();
    new ChartMagics(nb, settings).charts(
        List.of("--plotly-url", "https://example.org/plotly.js", "--integrity", "sha384-abc="));
    assertEquals(new PlotlyJs("https://example.org/plotly.js", "sha384-abc="), settings.plotlyJs());
    assertEquals(List.of("Charts load plotly.js from https://example.org/plotly.js"), nb.shown);
  }

  @Test
  void chartsMagicErrorsSayWhatWasExpected() {
    ChartMagics magics = new ChartMagics(new FakeNotebook(), new ChartSettings());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> magics.charts(List.of("--plotly-mime", "yes")));
    assertEquals("%charts: --plotly-mime takes on or off, got \"yes\"", e.getMessage());
    FakeNotebook nb = new FakeNotebook();
    nb.variables.put("n", 3);
    e = assertThrows(IllegalArgumentException.class,
        () -> new ChartMagics(nb, new ChartSettings()).charts(List.of("--export", "x.html", "n")));
    assertEquals(
        "%charts: \"n\" is a Integer, expected a Chart, a jsplot Figure, an Errata result or a Table", e.getMessage());
  }

  @Test
  void exportWritesOnePageWithPlotlyOnce() throws Exception {
    FakeNotebook nb = new FakeNotebook();
    nb.variables.put("cm", courseHeatmap());
    nb.variables.put("t", tech.tablesaw.api.Table.create("empty"));
    // Any result exports as the view a notebook shows: the course's defect model, precision 68/77.
    nb.variables.put("m", dev.errata.metrics.BinaryMetrics.of("1", 68, 9, 18, 905));
    Path file = Path.of("target", "export-test", System.nanoTime() + "", "report.html");
    String done = new ChartMagics(nb, new ChartSettings())
        .charts(List.of("--export", file.toString(), "--title", "<b>Report</b>", "cm", "t", "m"));
    String html = Files.readString(file);
    assertTrue(done.startsWith("Wrote 3 charts and tables with plotly.js 3.0.1 to "), done);
    assertTrue(html.contains("<td>88.3&nbsp;%</td>"), "the result's own view");
    assertEquals(1, html.split("plotly.js v3.0.1", -1).length - 1, "plotly.js included exactly once");
    assertTrue(html.contains("<title>&lt;b&gt;Report&lt;/b&gt;</title>"));
    assertTrue(html.contains("data-errata-chart="));
  }

  @Test
  void exportNeverReplacesAFileWithoutForce() throws Exception {
    FakeNotebook nb = new FakeNotebook();
    nb.variables.put("t", tech.tablesaw.api.Table.create("empty"));
    Path dir = Files.createDirectories(Path.of("target", "export-test", System.nanoTime() + ""));
    Path file = Files.writeString(dir.resolve("report.html"), "mine");
    ChartMagics magics = new ChartMagics(nb, new ChartSettings());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> magics.charts(List.of("--export", file.toString(), "t")));
    assertEquals("%charts: " + file.toAbsolutePath() + " already exists; add --force to replace it,"
        + " or choose another name", e.getMessage());
    assertEquals("mine", Files.readString(file));
    magics.charts(List.of("--export", file.toString(), "--force", "t"));
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"), Files.readString(file).substring(0, 40));
  }
}
