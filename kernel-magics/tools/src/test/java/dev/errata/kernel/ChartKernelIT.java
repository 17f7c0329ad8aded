package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.tools.HtmlCheck;
import dev.errata.tools.NotebookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs a notebook through the real IJava kernel with Errata installed and checks what the chart
 * renderer published: one bundle of HTML, PNG and text per chart, Plotly's own type only after
 * {@code %charts --plotly-mime on}, and an export with plotly.js once. The rendered HTML then goes
 * through {@link HtmlCheck}.
 */
class ChartKernelIT {

  static final Path DIR = Path.of("target", "chart-kernel").toAbsolutePath();

  static final List<String> CELLS = List.of(
      "var cm = new ConfusionMatrix(new Labels(List.of(\"0\", \"1\")), new double[] {905, 9, 18, 68});",
      "Errata.heatmap(cm)",
      "var gap = Charts.gapToHlp(\"Accuracy vs HLP\", List.of(\"clean speech\", \"car noise\", \"people noise\","
          + " \"low bandwidth\"), List.of(0.94, 0.89, 0.87, 0.70), List.of(0.95, 0.93, 0.89, 0.70),"
          + " List.of(0.60, 0.04, 0.30, 0.06));\ngap",
      "Table.create(\"</script><script>alert(1)</script>\", StringColumn.create(\"<img src=x onerror=alert(1)>\","
          + " \"a\", \"\\\"q\\\"\"), DoubleColumn.create(\"error rate\", 0.1, Double.NaN))",
      "%charts --plotly-mime on",
      "Errata.heatmap(cm)",
      "%charts --plotly-mime off",
      "%charts --export " + DIR.resolve("out").resolve("report.html") + " gap");

  @Test
  void kernelPublishesOneBundlePerChart() throws Exception {
    String staging = System.getProperty("errata.kernelStaging");
    assertTrue(staging != null && Files.isDirectory(Path.of(staging)), "run through failsafe after package");
    ObjectMapper json = new ObjectMapper();
    ObjectNode nb = json.createObjectNode();
    ArrayNode cells = nb.putArray("cells");
    for (String source : CELLS) {
      ObjectNode c = cells.addObject();
      c.put("cell_type", "code");
      c.putNull("execution_count");
      c.putObject("metadata");
      c.put("source", source);
      c.putArray("outputs");
    }
    nb.putObject("metadata").putObject("kernelspec").put("name", KernelInstaller.KERNEL_NAME)
        .put("display_name", KernelInstaller.DISPLAY_NAME).put("language", "java");
    nb.put("nbformat", 4).put("nbformat_minor", 4);
    Files.createDirectories(DIR);
    // The export refuses to overwrite (no --force in the cell): a second run starts without it.
    Files.deleteIfExists(DIR.resolve("out").resolve("report.html"));
    Path in = DIR.resolve("charts.ipynb");
    json.writerWithDefaultPrettyPrinter().writeValue(in.toFile(), nb);

    Path data = DIR.resolve("jupyter");
    KernelInstaller.install(Path.of(staging), data, KernelInstaller.currentJava());
    NotebookRunner.Result result = new NotebookRunner(data, KernelInstaller.KERNEL_NAME)
        .run(List.of(in), DIR.resolve("out"), System.out::println);
    assertTrue(result.clean(), result.output());

    JsonNode executed = json.readTree(DIR.resolve("out").resolve("charts.ipynb").toFile());
    JsonNode heatmap = data(executed, 1);
    assertTrue(text(heatmap.path("text/html")).startsWith("<div class=\"errata-chart\""), heatmap.toString());
    assertTrue(json.writeValueAsBytes(executed.path("cells").path(2).path("outputs")).length
            <= dev.errata.render.chart.ChartOutput.BUDGET,
        "a chart adds at most 40 KB to the notebook");
    assertTrue(heatmap.path("image/png").asText().startsWith("iVBORw0KGgo"), "a base64 PNG");
    assertEquals("Confusion matrix: 2 classes, 1,000 examples, accuracy 97.3 %; most confused: actual \"1\""
        + " predicted as \"0\" 18 times (20.9 % of \"1\")", text(heatmap.path("text/plain")));
    assertTrue(heatmap.path("application/vnd.plotly.v1+json").isMissingNode(), "off by default");
    assertTrue(text(data(executed, 2).path("text/html")).contains("data-errata-chart"));
    String table = text(data(executed, 3).path("text/html"));
    assertTrue(table.contains("&lt;img src=x onerror=alert(1)&gt;") && table.contains("<td>undefined</td>"), table);
    JsonNode withPlotly = data(executed, 5);
    assertTrue(withPlotly.path("application/vnd.plotly.v1+json").path("data").isArray(), withPlotly.toString());
    String export = Files.readString(DIR.resolve("out").resolve("report.html"));
    assertEquals(1, export.split("plotly.js v3.0.1", -1).length - 1);

    HtmlCheck check = HtmlCheck.in(DIR.resolve("check"));
    if (check.available()) {
      HtmlCheck.Report r = check.check(DIR.resolve("out").resolve("charts.html"));
      assertEquals(3, r.charts(), r.describe());
      assertTrue(r.ok(), r.describe());
      HtmlCheck.Report e = check.check(DIR.resolve("out").resolve("report.html"));
      assertEquals(1, e.interactive(), e.describe());
      assertTrue(e.ok(), e.describe());
    }
  }

  /** Returns the data of the first display or result output of cell {@code index}. */
  static JsonNode data(JsonNode nb, int index) {
    for (JsonNode out : nb.path("cells").path(index).path("outputs")) {
      if (out.has("data")) {
        return out.path("data");
      }
    }
    throw new AssertionError("Cell " + index + " has no display output: " + nb.path("cells").path(index));
  }

  static String text(JsonNode multiline) {
    if (multiline.isArray()) {
      StringBuilder sb = new StringBuilder();
      multiline.forEach(l -> sb.append(l.asText()));
      return sb.toString();
    }
    return multiline.asText();
  }
}
