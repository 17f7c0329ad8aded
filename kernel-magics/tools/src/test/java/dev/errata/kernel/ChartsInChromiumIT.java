package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.errata.render.Hostile;
import dev.errata.render.HtmlTable;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.ChartOutput;
import dev.errata.render.chart.FigureView;
import dev.errata.render.chart.OfflineHtml;
import dev.errata.render.chart.PlotlyJs;
import dev.errata.render.chart.Samples;
import dev.errata.tools.HtmlCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * Opens chart and table outputs in headless Chromium with no network, as a reader of a shared
 * notebook would: the static image must show, and the interactive chart must replace it only
 * where plotly.js is available. Screenshots land in target/chromium for review.
 */
class ChartsInChromiumIT {

  static final Path DIR = Path.of("target", "chromium");
  static HtmlCheck check;

  @BeforeAll
  static void chromium() throws IOException {
    check = HtmlCheck.in(DIR.resolve("work"));
    assertTrue(check.available(), "Chromium is needed: apt-get install -y chromium");
    Files.createDirectories(DIR);
  }

  static Table hostileTable() {
    StringColumn names = StringColumn.create(Hostile.LABELS.get(1));
    DoubleColumn rate = DoubleColumn.create("error rate");
    DoubleColumn low = DoubleColumn.create("error rate low");
    DoubleColumn high = DoubleColumn.create("error rate high");
    for (int i = 0; i < Hostile.LABELS.size(); i++) {
      names.append(Hostile.LABELS.get(i));
      rate.append(i / 10.0);
      low.append(i / 20.0);
      high.append(i / 8.0);
    }
    return Table.create(Hostile.LABELS.get(0), names, rate, low, high);
  }

  static String page(String title, String body, String head) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head
        + "</head><body>" + body + "</body></html>\n";
  }

  /** Every sample chart twice (equal charts share an id) and the hostile table, with {@code js}. */
  static String outputs(PlotlyJs js) {
    StringBuilder sb = new StringBuilder(HtmlTable.render(hostileTable()));
    for (Chart c : Samples.withWorstCases().values()) {
      sb.append(c.output(js).html());
    }
    sb.append(Samples.hostileBars().output(js).html());
    return sb.toString();
  }

  @Test
  void theCheckCatchesInjectedMarkupBrokenImagesAndScriptErrors() throws IOException {
    Path file = DIR.resolve("negative-control.html");
    Files.writeString(file, page("control", "<p><img src=x onerror=alert(1)></p><script>undefinedName()</script>"
        + "<table class=\"errata\"><tr><td><b>bold</b><a href=\"#\">link</a></td></tr></table>", ""));
    HtmlCheck.Report r = check.check(file);
    assertTrue(!r.ok(), r.describe());
    assertEquals(List.of("alert(1) was called", "<img onerror>", "<a> inside an Errata table"), r.injected(), r.describe());
    assertEquals(1, r.problems().size(), r.describe());
    assertTrue(r.errors().get(0).startsWith("Uncaught ReferenceError: undefinedName is not defined"), r.describe());
  }

  @Test
  void offlineStaticImagesShowAndNothingIsInjected() throws IOException {
    Path file = DIR.resolve("offline-static.html");
    Files.writeString(file, page("offline", outputs(PlotlyJs.CDN), ""));
    HtmlCheck.Report r = check.check(file);
    int charts = Samples.withWorstCases().size() + 1;
    assertEquals(charts, r.charts(), r.describe());
    assertEquals(0, r.interactive(), r.describe());
    assertEquals(charts, r.images().stream().filter(i -> i.inChart() && i.shown()).count(), r.describe());
    assertTrue(r.ok(), r.describe());
    assertTrue(r.blocked().stream().allMatch(b -> b.startsWith("script " + PlotlyJs.CDN.url())), r.describe());
  }

  @Test
  void offlineExportTurnsEveryChartInteractive() throws IOException {
    List<Object> items = new ArrayList<>(Samples.withWorstCases().values());
    items.add(hostileTable());
    Path file = DIR.resolve("offline-interactive.html");
    Files.writeString(file, OfflineHtml.page("Errata charts " + Hostile.LABELS.get(1), items, PlotlyJs.source()));
    HtmlCheck.Report r = check.check(file);
    assertEquals(Samples.withWorstCases().size(), r.charts(), r.describe());
    assertEquals(r.charts(), r.interactive(), r.describe());
    assertTrue(r.ok(), r.describe());
    assertEquals(List.of(), r.blocked(), r.describe());
  }

  @Test
  void requireJsOnThePageDoesNotStopPlotly() throws IOException {
    Path require = Path.of("/usr/share/javascript/requirejs/require.js");
    assertTrue(Files.exists(require), "RequireJS is needed: apt-get install -y libjs-requirejs");
    String head = "<script>" + Files.readString(require) + "</script>"
        + OfflineHtml.inline("<head></head>", PlotlyJs.source()).replace("<head>", "").replace("</head>", "");
    Path file = DIR.resolve("requirejs-interactive.html");
    // One static-only chart, so the page mixes both kinds whatever the budget lets through.
    Files.writeString(
        file, page("requirejs", outputs(PlotlyJs.CDN) + Samples.courseGap().staticHtml(), head));
    HtmlCheck.Report r = check.check(file);
    long withScript = Samples.withWorstCases().values().stream().filter(c -> c.output().interactive()).count() + 1;
    assertTrue(withScript < r.charts(), "the page mixes interactive and static-only charts");
    assertEquals(withScript, r.interactive(), r.describe());
    assertTrue(r.ok(), r.describe());
  }

  @Test
  void pinnedScriptLoadsOnlyWithTheRightIntegrity() throws Exception {
    byte[] js = PlotlyJs.source().getBytes(StandardCharsets.UTF_8);
    String sri = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(js));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Path work = DIR.resolve("work");
    server.createContext("/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring(1);
      byte[] body = name.equals("plotly.js") ? js : Files.readAllBytes(work.resolve(name));
      exchange.getResponseHeaders().add("Content-Type", name.endsWith(".js") ? "text/javascript" : "text/html");
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Map<String, PlotlyJs> cases = Map.of(
          "cdn-right-integrity", new PlotlyJs(base + "plotly.js", sri),
          "cdn-wrong-integrity", new PlotlyJs(base + "plotly.js", "sha384-" + "A".repeat(64)));
      for (Map.Entry<String, PlotlyJs> c : cases.entrySet()) {
        Path file = DIR.resolve(c.getKey() + ".html");
        StringBuilder body = new StringBuilder();
        for (Chart chart : Samples.all().values()) {
          body.append(chart.output(c.getValue()).html());
        }
        Files.writeString(file, page(c.getKey(), body.toString(), ""));
        HtmlCheck.Report r = check.check(file, p -> URI.create(base + p.getFileName()));
        boolean right = c.getKey().startsWith("cdn-right");
        assertEquals(right ? r.charts() : 0, r.interactive(), r.describe());
        assertEquals(right ? List.of() : List.of("script " + base + "plotly.js"), r.blocked(), r.describe());
        assertTrue(r.errors().stream().allMatch(e -> !right && e.contains("integrity")) , r.describe());
        assertTrue(r.injected().isEmpty() && r.problems().isEmpty(), r.describe());
      }
    } finally {
      server.stop(0);
    }
  }

  /**
   * Code hosts sanitize a notebook's HTML (scripts, styles, event attributes, SVG and SVG images
   * go): after {@link CodeHostSanitizer}, every chart still shows an image of its PNG's size,
   * jsplot figures included, while the SVG-only image charts used to carry shows nothing.
   */
  @Test
  void aChartShowsItsPngAfterACodeHostSanitizer() throws IOException {
    StringBuilder body = new StringBuilder(HtmlTable.render(hostileTable()));
    List<String> expected = new ArrayList<>();
    List<ChartOutput> outputs = new ArrayList<>();
    for (Chart c : Samples.withWorstCases().values()) {
      outputs.add(c.output(PlotlyJs.CDN));
    }
    Figure figure =
        new Figure(
            Layout.builder(Hostile.LABELS.get(0), "slice", "errors").build(),
            BarTrace.builder(Hostile.LABELS.subList(0, 3).toArray(), new double[] {3, 1, 2})
                .name(Hostile.LABELS.get(1))
                .build());
    outputs.add(FigureView.of(figure).output(PlotlyJs.CDN));
    for (ChartOutput out : outputs) {
      body.append(out.html());
      int[] size = pngSize(out.pngBase64());
      expected.add(size[0] + "×" + size[1]);
    }
    String sanitized = CodeHostSanitizer.sanitize(body.toString());
    assertTrue(!sanitized.contains("<script") && !sanitized.contains("svg+xml"), sanitized);
    Path file = DIR.resolve("sanitized.html");
    Files.writeString(file, page("sanitized", sanitized, ""));
    HtmlCheck.Report r = check.check(file);
    assertTrue(r.ok(), r.describe());
    assertEquals(
        expected,
        r.images().stream().filter(HtmlCheck.Image::shown).map(i -> i.width() + "×" + i.height())
            .toList(),
        r.describe());

    String svgOnly =
        "<div class=\"errata-chart\"><img src=\"data:image/svg+xml;base64,"
            + Base64.getEncoder()
                .encodeToString(Samples.courseGap().svg().getBytes(StandardCharsets.UTF_8))
            + "\" width=\"400\" height=\"200\" alt=\"gap\"></div>";
    Path control = DIR.resolve("sanitized-svg-only.html");
    Files.writeString(control, page("svg only", CodeHostSanitizer.sanitize(svgOnly), ""));
    assertEquals(List.of(), check.check(control).images(), "an SVG image does not survive");
  }

  /** Returns a PNG's width and height, read from its IHDR chunk. */
  static int[] pngSize(String base64) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    return new int[] {b.getInt(16), b.getInt(20)};
  }
}
