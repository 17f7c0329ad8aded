package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.log.ExperimentLog;
import dev.errata.log.RunRecord;
import dev.errata.tools.NotebookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code %%experiment} and {@code %runs} through the real IJava kernel: the body runs via the
 * kernel, reaches the run with currentRun(), a failing body is logged as failed and its error is
 * shown, and the notebook goes on.
 */
class RunMagicsIT {

  private static final List<String> CELLS = List.of(
      "%%experiment baseline --params lr=0.01,depth=3\n"
          + "var lr = currentRun().doubleParam(\"lr\");\n"
          + "currentRun().metric(\"accuracy\", 0.8 + lr);",
      "%%experiment deeper --params lr=0.001,depth=5\n"
          + "currentRun().metric(\"accuracy\", 0.85).table(\"per slice\", Table.create(\"s\","
          + " StringColumn.create(\"slice\", \"young\", \"old\"), DoubleColumn.create(\"accuracy\", 0.9, 0.7)));",
      "%runs --compare baseline deeper",
      "%%experiment broken\nthrow new IllegalStateException(\"boom\");",
      "%runs --where status = failed --all");

  @Test
  void experimentsRunThroughTheKernelAndLandInTheLog() throws Exception {
    Path target = Path.of(System.getProperty("errata.target", "target"));
    Path root = target.resolve("it-run-magics").toAbsolutePath();
    Path jupyter = root.resolve("jupyter");
    Path folder = Files.createDirectories(root.resolve("nb-" + System.nanoTime()));
    KernelInstaller.install(Path.of(System.getProperty("errata.kernelStaging")), jupyter, KernelInstaller.currentJava());
    ObjectMapper json = new ObjectMapper();
    Path notebook = folder.resolve("experiments.ipynb");
    json.writeValue(notebook.toFile(), notebook(json));
    List<String> log = new ArrayList<>();
    new NotebookRunner(jupyter, KernelInstaller.KERNEL_NAME).run(List.of(notebook), folder.resolve("out"), log::add);

    JsonNode cells = json.readTree(folder.resolve("out/experiments.ipynb").toFile()).get("cells");
    assertEquals(List.of(), errors(cells.get(0)), String.join("\n", log));
    assertEquals(List.of(), errors(cells.get(1)));
    assertEquals(List.of(), errors(cells.get(2)));
    List<String> failure = errors(cells.get(3));
    assertEquals(1, failure.size(), failure.toString());
    assertTrue(failure.get(0).contains("run \"broken\" failed: java.lang.IllegalStateException: boom"), failure.get(0));
    assertEquals(List.of(), errors(cells.get(4)), "the notebook goes on after a failed run");
    assertTrue(cells.get(4).get("outputs").get(0).get("data").get("text/html").toString().contains("boom"));

    try (ExperimentLog runs = ExperimentLog.open(folder.resolve(RunMagics.DEFAULT_LOG).toString())) {
      RunRecord baseline = runs.run("baseline");
      assertEquals(RunRecord.Status.FINISHED, baseline.status());
      assertEquals(Map.of("lr", 0.01, "depth", 3L), baseline.params());
      assertEquals(Map.of("accuracy", 0.81), baseline.metrics());
      assertEquals(2, runs.run("deeper").tables().get("per slice").rows());
      RunRecord broken = runs.run("broken");
      assertEquals(RunRecord.Status.FAILED, broken.status());
      assertEquals("java.lang.IllegalStateException: boom", broken.message());
      assertTrue(broken.usage().orElseThrow().peakHeapBytes() > 0);
    }
  }

  private static ObjectNode notebook(ObjectMapper json) {
    ObjectNode nb = json.createObjectNode();
    ArrayNode cells = nb.putArray("cells");
    int id = 0;
    for (String source : CELLS) {
      ObjectNode cell = cells.addObject();
      cell.put("cell_type", "code").put("id", "c" + id++).putNull("execution_count");
      cell.putObject("metadata");
      cell.putArray("outputs");
      cell.put("source", source);
    }
    ObjectNode spec = nb.putObject("metadata").putObject("kernelspec");
    spec.put("name", KernelInstaller.KERNEL_NAME).put("display_name", KernelInstaller.DISPLAY_NAME).put("language", "java");
    nb.put("nbformat", 4).put("nbformat_minor", 5);
    return nb;
  }

  private static List<String> errors(JsonNode cell) {
    List<String> found = new ArrayList<>();
    for (JsonNode out : cell.get("outputs")) {
      if (out.get("output_type").asText().equals("error")) {
        found.add(out.get("evalue").asText());
      }
    }
    return found;
  }
}
