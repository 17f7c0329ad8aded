package dev.errata.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.render.HtmlTable;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.ChartOutput;
import dev.errata.render.chart.PlotlyJs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Writes a notebook file whose code cells already hold Errata outputs (the MIME bundles the kernel
 * publishes), so viewers can be tested without running a kernel.
 */
final class OutputsNotebook {

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectNode nb = json.createObjectNode();
  private final ArrayNode cells = nb.putArray("cells");
  private int count;

  OutputsNotebook(String title) {
    ObjectNode md = cells.addObject();
    md.put("cell_type", "markdown");
    md.putObject("metadata");
    md.put("source", "# " + title);
    ObjectNode meta = nb.putObject("metadata");
    meta.putObject("kernelspec").put("name", "errata").put("display_name", "Java (Errata)").put("language", "java");
    meta.putObject("language_info").put("name", "java");
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 4);
  }

  /** Adds a cell showing {@code chart} as the kernel's renderer would. */
  OutputsNotebook chart(String source, Chart chart, PlotlyJs js) {
    ChartOutput out = chart.output(js);
    ObjectNode data = cell(source);
    data.put("text/html", out.html());
    if (out.hasPng()) {
      data.put("image/png", out.pngBase64());
    }
    data.put("text/plain", out.text());
    return this;
  }

  /** Adds a cell showing {@code table}. */
  OutputsNotebook table(String source, Table table) {
    ObjectNode data = cell(source);
    data.put("text/html", HtmlTable.render(table));
    data.put("text/plain", HtmlTable.text(table));
    return this;
  }

  private ObjectNode cell(String source) {
    ObjectNode cell = cells.addObject();
    cell.put("cell_type", "code");
    cell.put("execution_count", ++count);
    cell.putObject("metadata");
    cell.put("source", source);
    ObjectNode out = cell.putArray("outputs").addObject();
    out.put("output_type", "display_data");
    out.putObject("metadata");
    return out.putObject("data");
  }

  Path write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), nb);
    return file;
  }
}
