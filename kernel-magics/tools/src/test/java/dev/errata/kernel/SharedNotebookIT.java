package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.render.chart.Chart;
import dev.errata.render.chart.PlotlyJs;
import dev.errata.render.chart.Samples;
import dev.errata.tools.HtmlCheck;
import dev.errata.tools.NotebookRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A notebook holding Errata outputs, as people share it: exported with nbconvert (lab and classic
 * templates) and opened offline. Every chart must show its static image, nothing may be injected.
 */
class SharedNotebookIT {

  static final Path DIR = Path.of("target", "shared-notebook");
  static HtmlCheck check;

  @BeforeAll
  static void tools() {
    check = HtmlCheck.in(DIR.resolve("work"));
    assertTrue(check.available(), "Chromium is needed: apt-get install -y chromium");
  }

  static Path notebook() throws IOException {
    OutputsNotebook nb = new OutputsNotebook("Errata outputs");
    nb.table("hostile table", ChartsInChromiumIT.hostileTable());
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      nb.chart(e.getKey(), e.getValue(), PlotlyJs.CDN);
    }
    return nb.write(DIR.resolve("outputs.ipynb"));
  }

  @Test
  void nbconvertExportsShowEveryChartOffline() throws Exception {
    Path ipynb = notebook();
    for (String template : List.of("lab", "classic")) {
      Path html = nbconvert(ipynb, template);
      HtmlCheck.Report r = check.check(html);
      assertEquals(Samples.withWorstCases().size(), r.charts(), r.describe());
      assertEquals(0, r.interactive(), r.describe());
      assertTrue(r.images().stream().filter(HtmlCheck.Image::inChart).allMatch(i -> i.shown() && i.width() > 0),
          r.describe());
      assertTrue(r.injected().isEmpty() && r.problems().isEmpty(), r.describe());
      assertEquals(List.of(), r.errors(), r.describe());
    }
  }

  static Path nbconvert(Path ipynb, String template) throws Exception {
    String name = "outputs-" + template;
    Process p = new ProcessBuilder(NotebookRunner.python(), "-m", "nbconvert", "--to", "html", "--template", template,
        "--output", name, "--output-dir", DIR.toAbsolutePath().toString(), ipynb.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "nbconvert failed: " + log);
    return DIR.resolve(name + ".html");
  }
}
