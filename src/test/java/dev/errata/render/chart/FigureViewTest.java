package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.PieTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

class FigureViewTest {

  private static final String EVIL = "</script><script>alert(1)</script>";

  private static Figure bars() {
    return new Figure(
        Layout.builder("Errors by " + EVIL + " O'Brien", "slice", "errors").build(),
        BarTrace.builder(new Object[] {EVIL, "O'Brien", "a&b"}, new double[] {3, Double.NaN, 1})
            .name("model \"A\"")
            .build(),
        BarTrace.builder(new Object[] {"O'Brien", "c"}, new double[] {2, 5}).name("B").build());
  }

  @Test
  void barsBecomeAPlotly3FigureWithTitleObjectsNullsAndEscapedLabels() throws Exception {
    JsonNode f = new ObjectMapper().readTree(FigureView.of(bars()).figureJson());
    assertEquals(
        "Errors by &lt;/script>&lt;script>alert(1)&lt;/script> O'Brien",
        f.path("layout").path("title").path("text").asText());
    assertEquals("slice", f.path("layout").path("xaxis").path("title").path("text").asText());
    JsonNode first = f.path("data").path(0);
    assertEquals("bar", first.path("type").asText());
    assertEquals(
        "[\"&lt;/script>&lt;script>alert(1)&lt;/script>\",\"O'Brien\",\"a&amp;b\"]",
        first.path("x").toString());
    assertEquals("[3,null,1]", first.path("y").toString());
    assertEquals("model \"A\"", first.path("name").asText());
    assertEquals(2, f.path("data").size());
  }

  @Test
  void htmlHasNoClosingScriptTagButOurOwnAndRunsTheSharedLoader() {
    String html = FigureView.of(bars()).output(PlotlyJs.CDN).html();
    Matcher m = Pattern.compile("(?i)</script").matcher(html);
    int closing = 0;
    while (m.find()) {
      closing++;
    }
    assertEquals(2, closing, "the inert figure's and the loader's: " + html);
    assertTrue(html.startsWith("<div class=\"errata-chart\" data-errata-chart=\"e"), html);
    assertTrue(html.contains("<img src=\"data:image/png;base64,"), html);
    assertFalse(html.contains("alert(1)</"), html);
  }

  @Test
  void barTracesBecomeOneStaticSeriesEachOverTheUnionOfCategories() {
    FigureView v = FigureView.of(bars());
    Bars b = (Bars) v.still().plot();
    assertEquals(List.of(EVIL, "O'Brien", "a&b", "c"), b.categories());
    assertEquals("model \"A\"", b.series().get(0).name());
    assertEquals(List.of(3.0, Double.NaN, 1.0, Double.NaN), b.series().get(0).values());
    assertEquals(List.of(Double.NaN, 2.0, Double.NaN, 5.0), b.series().get(1).values());
    assertEquals("errors", b.axis().title());
    assertEquals("Errors by " + EVIL + " O'Brien", v.still().title());
    assertEquals(List.of(), v.notes());
  }

  @Test
  void heatmapRowsRunTopToBottomAsPlotlyDrawsThemAndColourByValue() {
    Figure f =
        new Figure(
            HeatmapTrace.builder(
                    new Object[] {"x1", "x2"},
                    new Object[] {"bottom", "top"},
                    new double[][] {{1, 2}, {3, Double.NaN}})
                .build());
    Heatmap h = (Heatmap) FigureView.of(f).still().plot();
    assertEquals(List.of("top", "bottom"), h.rows());
    assertEquals(List.of("x1", "x2"), h.columns());
    assertEquals(3, h.count(0, 0));
    assertTrue(Double.isNaN(h.count(0, 1)));
    assertEquals(1, h.count(1, 0));
    assertFalse(h.byRow());
    assertEquals(1.0, h.shade(0, 0));
    assertEquals(0.0, h.shade(1, 0));
    assertEquals(0.5, h.shade(1, 1));
  }

  @Test
  void linesKeepNumericXAndTracesWithoutAStaticFormAreNamed() {
    Figure f =
        new Figure(
            ScatterTrace.builder(new double[] {1, 2, 4}, new double[] {0.5, 0.25, 0.125})
                .mode(ScatterTrace.Mode.LINE)
                .name("loss")
                .build(),
            PieTrace.builder(new Object[] {"a", "b"}, new double[] {1, 2}).build(),
            ScatterTrace.builder(new double[] {1}, new double[] {1})
                .mode(ScatterTrace.Mode.MARKERS)
                .build(),
            BarTrace.builder(new Object[] {"a"}, new double[] {1}).build());
    FigureView v = FigureView.of(f);
    Lines l = (Lines) v.still().plot();
    assertEquals(1, l.curves().size());
    assertEquals("loss", l.curves().get(0).name());
    assertEquals(List.of(), l.xCategories());
    assertEquals(4.0, l.curves().get(0).xAt(2));
    assertEquals(0.125, l.curves().get(0).yAt(2));
    assertEquals(
        List.of(
            "Trace 2 (pie) has no static form: it shows only in the interactive chart, where"
                + " scripts run.",
            "Trace 3 (scatter, points only) has no static form: it shows only in the interactive"
                + " chart, where scripts run.",
            "Trace 4 (bar) is left out of the static image, which draws only the lines traces."),
        v.notes());
    String html = v.output(PlotlyJs.CDN).html();
    assertTrue(
        html.contains(
            "<p class=\"errata-note\" style=\"margin:2px 0;color:#555\">Trace 2"
                + " (pie) has no static form"),
        html);
  }

  @Test
  void aFigureWithNoStaticFormShowsOnlyItsNotesAndTheInteractiveUpgrade() {
    Figure f = new Figure(PieTrace.builder(new Object[] {"a"}, new double[] {1}).build());
    FigureView v = FigureView.of(f);
    assertNull(v.still());
    ChartOutput out = v.output(PlotlyJs.CDN);
    assertFalse(out.hasPng());
    assertFalse(out.html().contains("<img"));
    assertTrue(out.interactive());
  }

  @Test
  void chartToFigureCarriesTheChartsNumbersBackIntoTheStaticForm() {
    Chart gap = Samples.courseGap();
    Bars original = (Bars) gap.plot();
    Bars back = (Bars) FigureView.of(gap.toFigure()).still().plot();
    assertEquals(original.categories(), back.categories());
    assertEquals(original.series().get(0).values(), back.series().get(0).values());
    assertEquals(original.series().get(1).values(), back.series().get(1).values());

    Heatmap cm =
        (Heatmap) FigureView.of(Charts.confusion(Samples.courseBinary()).toFigure()).still().plot();
    assertEquals(List.of("0", "1"), cm.rows());
    assertEquals(905, cm.count(0, 0));
    assertEquals(18, cm.count(1, 0));
  }

  @Test
  void unreadableOutputIsRefusedWithItsPosition() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> JsLiteral.firstObject("var t = {x: f()};"));
    assertEquals(
        "Cannot read jsplot's output at character 12: expected a value, found \"f()};\"",
        e.getMessage());
    assertEquals(
        List.of(1.0, Double.NaN, -1e3, "it's", "\u00e9"),
        JsLiteral.firstObject("{a: [1, NaN, -1e3, 'it\\'s', \"\\u00e9\",],}").get("a"));
  }
}
