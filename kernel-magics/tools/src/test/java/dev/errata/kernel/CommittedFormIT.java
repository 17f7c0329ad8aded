package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.tools.NotebookRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rules run_notebooks.py applies to outputs before they are committed (its {@code steady}),
 * run by the same Python as the notebooks, on outputs as Errata writes them.
 */
class CommittedFormIT {

  static final String FOLDER = "/home/someone/a/rather/long/checkout/errata/notebooks";
  /** Returns steady(text, folder rules for FOLDER, html) for each text. */
  static List<String> steady(boolean html, String... texts) throws Exception {
    Path dir = Path.of(System.getProperty("errata.target", "target")).resolve("committed-form");
    Files.createDirectories(dir);
    Path script = dir.resolve("run_notebooks.py");
    try (InputStream in = NotebookRunner.class.getResourceAsStream("run_notebooks.py")) {
      Files.write(script, in.readAllBytes());
    }
    String driver =
        "import importlib.util, json, sys\n"
            + "spec = importlib.util.spec_from_file_location('rn', sys.argv[1])\n"
            + "rn = importlib.util.module_from_spec(spec); spec.loader.exec_module(rn)\n"
            + "texts = json.loads(sys.stdin.read())\n"
            + "folder = rn.folder_rules(sys.argv[2])\n"
            + "print(json.dumps([rn.steady(t, folder, sys.argv[3] == 'html')"
            + " for t in texts]))\n";
    Process p =
        new ProcessBuilder(NotebookRunner.python(), "-c", driver, script.toString(), FOLDER,
                html ? "html" : "text")
            .start();
    ObjectMapper json = new ObjectMapper();
    try (var in = p.getOutputStream()) {
      in.write(json.writeValueAsBytes(List.of(texts)));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, err);
    return List.of(json.readValue(out, String[].class));
  }

  @Test
  void aRunCardKeepsItsFieldsAndMarksWhatDependsOnTheMachineOrTheMoment() throws Exception {
    String card =
        "run 1 (threshold-0.5) (36 rows × 2 columns)\n"
            + "field            value\n"
            + "status           finished\n"
            + "started          2026-12-03T02:38:03.357Z\n"
            + "seconds          3.447\n"
            + "peak heap MB     132.916\n"
            + "commit           none (no git repository at or above /hom…\n"
            + "model            /home/someone/a/rather/long/checkout/err…\n"
            + "params.threshold 0.5\n"
            + "environment      17.0.15 (Debian), Linux 6.18.44-fc-v109…\n"
            + "errata           0.1.0-SNAPSHOT\n";
    assertEquals(
        List.of(
            "run 1 (threshold-0.5) (36 rows × 2 columns)\n"
                + "field            value\n"
                + "status           finished\n"
                + "started          ‹time›\n"
                + "seconds          ‹varies›\n"
                + "peak heap MB     ‹varies›\n"
                + "commit           none (no git repository at or above ‹folder›…\n"
                + "model            ‹folder›…\n"
                + "params.threshold 0.5\n"
                + "environment      ‹varies›\n"
                + "errata           0.1.0-SNAPSHOT\n"),
        steady(false, card));
  }

  @Test
  void aRunsTableKeepsItsColumnsAligned() throws Exception {
    String table =
        "id  name           started (UTC)        duration  code     data\n"
            + " 1  threshold-0.5  2026-12-03 02:38:03  3.4 s     f29fc39  a.csv 5446418a\n"
            + " 2  threshold-0.3  2026-12-03 02:38:08  12.6 s    f29fc39  a.csv 215f2fa1\n"
            + " 3  long           2026-12-03 02:39:08  3 min 05 s\n";
    // "‹time›" padded to the 19 characters of a time, "‹elapsed›" plus one space to the column's 10.
    assertEquals(
        List.of(
            "id  name           started (UTC)        duration  code     data\n"
                + " 1  threshold-0.5  ‹time›" + " ".repeat(15) + "‹elapsed› f29fc39  a.csv 5446418a\n"
                + " 2  threshold-0.3  ‹time›" + " ".repeat(15) + "‹elapsed› f29fc39  a.csv 215f2fa1\n"
                + " 3  long           ‹time›" + " ".repeat(15) + "‹elapsed›\n"),
        steady(false, table));
  }

  @Test
  void theFolderIsMarkedInTextAndInHtmlWithItsBreakOpportunitiesPlacedAgain() throws Exception {
    assertEquals(
        List.of("git checkout 5446418\ngit apply ‹folder›/data/course/restored/changes.patch"),
        steady(false, "git checkout 5446418\ngit apply " + FOLDER + "/data/course/restored/changes.patch"));
    // As Html.escapeBreakable writes the path: a <wbr> after every 30 characters of the word.
    String html = dev.errata.render.Html.escapeBreakable(FOLDER + "/data/course/restored/changes.patch");
    assertTrue(html.contains("<wbr>"), html);
    assertEquals(
        List.of("<td>‹folder›/data/course/restored/<wbr>changes.patch</td>"),
        steady(true, "<td>" + html + "</td>"));
  }

  @Test
  void htmlFieldsAreMarkedAndImagesAreLeftAsTheyAre() throws Exception {
    // The folder's characters are all base64 ones: an image may hold them, and must not change.
    String png = "data:image/png;base64,AAAA" + FOLDER + "AAAA";
    assertEquals(
        List.of(
            "<tr><td class=\"t\">seconds</td><td>‹varies›</td></tr>"
                + "<tr><td class=\"t\">started</td><td class=\"t\">‹time›</td></tr>"
                + "<tr><td class=\"t\">duration</td><td>‹elapsed›</td></tr>"
                + "<img src=\"" + png + "\">"),
        steady(
            true,
            "<tr><td class=\"t\">seconds</td><td>0.64</td></tr>"
                + "<tr><td class=\"t\">started</td><td class=\"t\">2026-12-03T02:38:08.192Z</td></tr>"
                + "<tr><td class=\"t\">duration</td><td>0.6&nbsp;s</td></tr>"
                + "<img src=\"" + png + "\">"));
  }
}
