package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrataRenderersTest {

  @Test
  void confusionMatrixRendersAsEscapedHtmlWithTextFallback() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    String hostile = "<img src=x onerror=alert(1)>";
    ConfusionMatrix cm =
        ConfusionMatrix.of(Predictions.of(List.of(hostile, "ok"), List.of(hostile, "ok")));
    DisplayData data = renderer.render(cm);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertFalse(html.contains("<img"));
    assertEquals(
        "Confusion matrix (rows = actual, columns = predicted) (3 rows × 4 columns)",
        text.lines().findFirst().orElseThrow());
  }

  /** A result type the kernel has never heard of: a record declaring its table and kinds. */
  record Uplift(double value) implements dev.errata.present.Presentable {
    @Override
    public dev.errata.present.Presentation present() {
      return dev.errata.present.Section.of(
              tech.tablesaw.api.Table.create(
                  "uplift", tech.tablesaw.api.DoubleColumn.create("gain", value)))
          .with(dev.errata.present.ColumnKind.PERCENTAGE_POINT, "gain")
          .present();
    }
  }

  @Test
  void anyPresentableResultRendersThroughTheOneRegistration() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    DisplayData data = renderer.render(new Uplift(0.021));
    assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("<td>2.1&nbsp;pp</td>"));
    assertEquals(
        "uplift (1 row × 1 column)\n  gain\n2.1 pp\n", data.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void helpRendersWholeAsEscapedHtmlAndUncutText() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    Help help = Help.of(MetricsMagics.THRESHOLD);
    DisplayData data = renderer.render(help);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertEquals(help.text(), text);
    assertTrue(
        html.startsWith(
            "<p style=\"margin:.4em 0 .2em\">Usage:</p><pre style=\"margin:0 0 .4em;"
                + "white-space:pre-wrap\">%threshold PREDICTIONS (--recall R | --precision P |"
                + " --at T) [--positive LABEL]</pre>"),
        html);
    assertTrue(html.contains(">--positive</td>"), html);
    assertTrue(html.contains("every metric when a score &gt;= T counts as positive"), html);
    assertFalse(html.contains("score >= T"), html);
    assertTrue(
        text.contains(
            "--precision  P (number)    required: one of --recall, --precision, --at  the lowest"
                + " threshold whose precision is at least P (so\n"),
        text);
    assertFalse(text.contains("…"), text);
  }

  @Test
  void jsplotFigureRendersAsAChartBundleNotAsItsObjectName() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    tech.tablesaw.plotly.components.Figure figure =
        new tech.tablesaw.plotly.components.Figure(
            tech.tablesaw.plotly.components.Layout.builder("Errors per slice").build(),
            tech.tablesaw.plotly.traces.BarTrace.builder(
                    new Object[] {"a", "b"}, new double[] {1, 2})
                .build());
    DisplayData data = renderer.render(figure);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    assertTrue(html.startsWith("<div class=\"errata-chart\" data-errata-chart=\""), html);
    assertTrue(html.contains("<img src=\"data:image/png;base64,"), html);
    assertTrue(html.contains(dev.errata.render.chart.PlotlyJs.CDN.url()), "the pinned plotly.js");
    assertTrue(((String) data.getData(MIMEType.IMAGE_PNG)).startsWith("iVBORw0KGgo"));
    assertEquals("Errors per slice", data.getData(MIMEType.TEXT_PLAIN));
  }
}
