package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.render.chart.Chart;
import dev.errata.render.chart.PlotlyJs;
import dev.errata.render.chart.Samples;
import dev.errata.tools.HtmlCheck;
import dev.errata.tools.NotebookRunner;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens notebooks holding Errata outputs in a real classic Notebook server (the Debian
 * jupyter-notebook 6.4), as a colleague would: untrusted (scripts stripped by its sanitizer),
 * trusted without network, and trusted with plotly.js reachable. The probes reach the live page
 * through the server's {@code custom/custom.js}, from a config folder under target/.
 */
class ClassicNotebookIT {

  static final Path DIR = Path.of("target", "classic-notebook").toAbsolutePath();
  static Process server;
  static String base;
  static HtmlCheck check;
  static PlotlyJs local;

  @BeforeAll
  static void start() throws Exception {
    check = HtmlCheck.in(DIR.resolve("work"));
    assertTrue(check.available(), "Chromium is needed: apt-get install -y chromium");
    Path notebooks = DIR.resolve("nb");
    Path config = DIR.resolve("config");
    Files.createDirectories(config.resolve("custom"));
    Files.createDirectories(notebooks);
    Files.writeString(config.resolve("custom").resolve("custom.js"), HtmlCheck.probeScript());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port + "/";
    byte[] js = PlotlyJs.source().getBytes(StandardCharsets.UTF_8);
    Files.write(notebooks.resolve("plotly.js"), js);
    local = new PlotlyJs(base + "files/plotly.js",
        "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(js)));
    for (Map.Entry<String, PlotlyJs> nb : Map.of("untrusted", PlotlyJs.CDN, "trusted-offline", PlotlyJs.CDN,
        "trusted-plotly", local).entrySet()) {
      OutputsNotebook o = new OutputsNotebook("Errata outputs, " + nb.getKey());
      o.table("hostile table", ChartsInChromiumIT.hostileTable());
      for (Map.Entry<String, Chart> e : Samples.all().entrySet()) {
        o.chart(e.getKey(), e.getValue(), nb.getValue());
      }
      o.write(notebooks.resolve(nb.getKey() + ".ipynb"));
    }
    executeCourseNotebook(notebooks);
    ProcessBuilder pb = new ProcessBuilder(NotebookRunner.python(), "-m", "notebook", "--no-browser", "--allow-root",
        "--ip=127.0.0.1", "--port=" + port, "--NotebookApp.token=", "--NotebookApp.password=",
        "--notebook-dir=" + notebooks)
        .redirectErrorStream(true)
        .redirectOutput(DIR.resolve("server.log").toFile());
    env(pb);
    for (String trusted : List.of("trusted-offline", "trusted-plotly")) {
      ProcessBuilder trust = new ProcessBuilder(NotebookRunner.python(), "-c",
          "from nbformat.sign import TrustNotebookApp; TrustNotebookApp.launch_instance()",
          notebooks.resolve(trusted + ".ipynb").toString()).redirectErrorStream(true);
      env(trust);
      Process t = trust.start();
      String out = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(t.waitFor(60, TimeUnit.SECONDS) && t.exitValue() == 0, "trust failed: " + out);
    }
    server = pb.start();
    for (int i = 0; i < 60 && !up(); i++) {
      Thread.sleep(500);
    }
    assertTrue(up(), "The notebook server did not start; see " + DIR.resolve("server.log"));
  }

  /** The course notebook whose charts the untrusted check looks at (two gap-to-HLP charts). */
  static final String COURSE = "01-baselines-and-hlp";

  /**
   * Executes a course notebook through the real Errata kernel, as the main job does, and puts the
   * executed copy in the server's folder unsigned: opened there it is untrusted, like a notebook a
   * colleague sent.
   */
  private static void executeCourseNotebook(Path notebooks) throws IOException {
    Path root = Path.of(System.getProperty("errata.root"));
    Path kernels = DIR.resolve("kernel");
    KernelInstaller.install(
        Path.of(System.getProperty("errata.kernelStaging")), kernels, KernelInstaller.currentJava());
    Path source = DIR.resolve("course");
    Files.createDirectories(source.resolve("data"));
    Files.copy(root.resolve("notebooks").resolve(COURSE + ".ipynb"), source.resolve(COURSE + ".ipynb"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    NotebookRunner.Result result = new NotebookRunner(kernels, KernelInstaller.KERNEL_NAME)
        .run(List.of(source.resolve(COURSE + ".ipynb")), DIR.resolve("executed"), System.out::println);
    assertTrue(result.clean(), result.output());
    Files.copy(DIR.resolve("executed").resolve(COURSE + ".ipynb"), notebooks.resolve("course-untrusted.ipynb"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void env(ProcessBuilder pb) {
    pb.environment().put("JUPYTER_CONFIG_DIR", DIR.resolve("config").toString());
    pb.environment().put("JUPYTER_DATA_DIR", DIR.resolve("data").toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", DIR.resolve("runtime").toString());
    pb.environment().put("JUPYTER_PATH", DIR.resolve("data").toString());
  }

  private static boolean up() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(base + "api").toURL().openConnection();
      c.setConnectTimeout(500);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  HtmlCheck.Report open(String notebook) {
    return check.checkLive(URI.create(base + "notebooks/" + notebook + ".ipynb"), notebook);
  }

  @Test
  void untrustedNotebookShowsEveryChartStatically() {
    HtmlCheck.Report r = open("untrusted");
    assertEquals(Samples.all().size(), r.charts(), r.describe());
    assertEquals(0, r.interactive(), r.describe());
    assertTrue(r.images().stream().filter(HtmlCheck.Image::inChart).allMatch(i -> i.shown() && i.width() > 0),
        r.describe());
    assertEquals(List.of(), r.blocked(), "the sanitizer removed every script, so none loads: " + r.describe());
    assertTrue(r.ok(), r.describe());
  }

  @Test
  void executedCourseNotebookOpenedUntrustedShowsItsChartsStatically() {
    HtmlCheck.Report r = open("course-untrusted");
    // Two %hlp gap charts, and the gap chart %tags --hlp now draws as well.
    assertEquals(3, r.charts(), r.describe());
    assertEquals(0, r.interactive(), r.describe());
    assertTrue(r.images().stream().filter(HtmlCheck.Image::inChart).allMatch(i -> i.shown() && i.width() > 0),
        r.describe());
    assertEquals(List.of(), r.blocked(), "the sanitizer removed every script, so none loads: " + r.describe());
    assertTrue(r.ok(), r.describe());
  }

  @Test
  void trustedNotebookWithoutNetworkKeepsTheStaticImages() {
    HtmlCheck.Report r = open("trusted-offline");
    assertEquals(Samples.all().size(), r.charts(), r.describe());
    assertEquals(0, r.interactive(), r.describe());
    assertEquals(List.of("script " + PlotlyJs.CDN.url()), r.blocked(), "the loader ran once: " + r.describe());
    assertTrue(r.ok(), r.describe());
  }

  @Test
  void trustedNotebookSwapsInPlotlyWhereItLoadsDespiteRequireJs() {
    HtmlCheck.Report r = open("trusted-plotly");
    assertEquals(Samples.all().size(), r.charts(), r.describe());
    assertEquals(r.charts(), r.interactive(), r.describe());
    assertTrue(r.ok(), r.describe());
  }
}
