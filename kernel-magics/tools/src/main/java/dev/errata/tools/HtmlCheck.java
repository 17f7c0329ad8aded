package dev.errata.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.internal.Cli;
import dev.errata.internal.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens an HTML page (a rendered notebook, a chart page) in headless Chromium with no network and
 * reports what a reader would get at {@link #WIDTH} pixels wide: every image's natural size, which
 * charts turned interactive, table cells whose one word breaks across lines, script errors, and
 * injected markup (event-handler attributes, scripts or images where only text
 * belongs, calls to {@code alert}). Saves a screenshot next to the report.
 *
 * <p>The page is copied with two small probes added (one at the start of its head records errors
 * and {@code alert} calls; one at the end of its body writes the findings into the DOM, which
 * {@code --dump-dom} returns). Run as {@code java dev.errata.kernel.HtmlCheck PAGE.html...}: exits 1
 * when a page fails.
 */
public final class HtmlCheck {

  /** Virtual milliseconds a page gets to load and draw before the probe reports. */
  static final int SETTLE_MS = 3000;

  /** Width of the browser window, in CSS pixels, for both the measuring run and the screenshot. */
  public static final int WIDTH = 1000;

  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPORT =
      Pattern.compile("<pre id=\"errata-check-report\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

  private final Path chromium;
  private final Path workDir;

  /**
   * @param chromium the Chromium executable
   * @param workDir where instrumented copies, browser profiles, logs and screenshots go
   */
  public HtmlCheck(Path chromium, Path workDir) {
    this.chromium = chromium;
    this.workDir = workDir;
  }

  /** Returns a checker using {@code $ERRATA_CHROMIUM} or {@code /usr/bin/chromium}. */
  public static HtmlCheck in(Path workDir) {
    String env = System.getenv("ERRATA_CHROMIUM");
    return new HtmlCheck(Path.of(env == null || env.isBlank() ? "/usr/bin/chromium" : env), workDir);
  }

  /** Returns whether the Chromium executable exists. */
  public boolean available() {
    return Files.isExecutable(chromium);
  }

  /** One image on the page. */
  public record Image(String src, int width, int height, boolean shown, boolean inChart) {}

  /**
   * What the page showed.
   *
   * @param charts Errata charts on the page
   * @param interactive charts whose static image was swapped for a Plotly chart
   * @param images every {@code <img>}
   * @param errors script errors, unhandled rejections and {@code console.error} calls
   * @param injected elements or calls that only injected markup would produce
   * @param blocked resources that failed to load (expected offline: CDN scripts)
   * @param wrapped table cells holding one word of at most 30 characters that the page, {@link
   *     #WIDTH} pixels wide, shows on more than one line (a word broken mid-word), described
   * @param tables tables the page shows (laid out with a non-zero size)
   * @param spilled tables wider than the page that no box of theirs scrolls (described), so
   *     their right part is cut off or widens the whole page
   * @param screenshot the screenshot of the page
   */
  public record Report(
      Path page,
      int charts,
      int interactive,
      List<Image> images,
      List<String> errors,
      List<String> injected,
      List<String> blocked,
      List<String> wrapped,
      int tables,
      List<String> spilled,
      Path screenshot) {

    /** Returns whether every image has a size, and nothing erred or was injected. */
    public boolean ok() {
      return errors.isEmpty() && injected.isEmpty() && problems().isEmpty();
    }

    /** Returns images without a natural size. */
    public List<Image> problems() {
      return images.stream().filter(i -> i.width() <= 0 || i.height() <= 0).toList();
    }

    /** Returns a few lines for a log or an assertion message. */
    public String describe() {
      return page
          + ": "
          + charts
          + " charts ("
          + interactive
          + " interactive), "
          + images.size()
          + " images, "
          + tables
          + " tables, "
          + problems().size()
          + " without size "
          + problems()
          + "; errors "
          + errors
          + "; injected "
          + injected
          + "; blocked "
          + blocked
          + "; "
          + wrapped.size()
          + " one-word cells wrapped mid-word "
          + wrapped
          + "; tables past the page without a scrolling box "
          + spilled
          + "; screenshot "
          + screenshot;
    }
  }

  /**
   * Returns both probes as one script, for pages the check cannot copy (a live Jupyter page: put
   * it in {@code custom/custom.js}); they report {@code SETTLE_MS} after loading.
   */
  public static String probeScript() {
    return resource("probe-head.js") + "\n" + resource("probe-tail.js").replace("SETTLE_MS", Integer.toString(SETTLE_MS));
  }

  /**
   * Opens {@code url}, a page that runs {@link #probeScript()} itself, and returns the report; the
   * screenshot is 9,000 pixels tall, since such pages (Jupyter's) scroll inside their own frame.
   */
  public Report checkLive(java.net.URI url, String name) {
    try {
      Files.createDirectories(workDir);
      return report(Path.of(url.getPath()), name, url, 9000);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + url, e);
    }
  }

  /** Opens {@code page} and returns the report, with a screenshot under the work folder. */
  public Report check(Path page) {
    return check(page, Path::toUri);
  }

  /**
   * Opens {@code page} at the address {@code address} gives for its probed copy (a file in the
   * work folder), e.g. a local web server's URL, and returns the report.
   */
  public Report check(Path page, java.util.function.Function<Path, java.net.URI> address) {
    try {
      Files.createDirectories(workDir);
      String name = page.getFileName().toString().replaceAll("\\.html?$", "");
      Path probed = workDir.resolve(name + ".probed.html");
      Files.writeString(probed, probe(Files.readString(page, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      return report(page, name, address.apply(probed), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + page, e);
    }
  }

  /** Runs Chromium twice (DOM, screenshot); {@code window} > 0 fixes the screenshot's height. */
  private Report report(Path page, String name, java.net.URI url, int window) throws IOException {
    String dom =
        run(
            name + "-dom",
            List.of(
                "--run-all-compositor-stages-before-draw",
                "--window-size=" + WIDTH + "," + (window > 0 ? window : 2000),
                "--virtual-time-budget=" + (SETTLE_MS + 4000),
                "--dump-dom",
                url.toString()));
    Matcher m = REPORT.matcher(dom);
    if (!m.find()) {
      throw new IllegalStateException("The probe wrote no report into " + url + "; see " + workDir);
    }
    JsonNode r = new ObjectMapper().readTree(unescape(m.group(1)));
    Path screenshot = workDir.resolve(name + ".png");
    int height = window > 0 ? window : Math.max(600, Math.min(12000, r.path("height").asInt(2000)));
    run(
        name + "-shot",
        List.of(
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=" + (SETTLE_MS + 4000),
            "--hide-scrollbars",
            "--window-size=" + WIDTH + "," + height,
            "--screenshot=" + screenshot.toAbsolutePath(),
            url.toString()));
    List<Image> images = new ArrayList<>();
    for (JsonNode i : r.path("images")) {
      images.add(new Image(i.path("src").asText(), i.path("w").asInt(), i.path("h").asInt(),
          i.path("shown").asBoolean(), i.path("chart").asBoolean()));
    }
    return new Report(
        page,
        r.path("charts").asInt(),
        r.path("interactive").asInt(),
        images,
        strings(r.path("errors")),
        strings(r.path("injected")),
        strings(r.path("blocked")),
        strings(r.path("wrapped")),
        r.path("tables").asInt(),
        strings(r.path("spilled")),
        screenshot);
  }

  /** Returns {@code html} with the two probes added. */
  static String probe(String html) {
    String head = "<script data-errata-check>" + resource("probe-head.js") + "</script>";
    String tail = "<script data-errata-check>" + resource("probe-tail.js").replace("SETTLE_MS", Integer.toString(SETTLE_MS))
        + "</script>";
    Matcher h = HEAD.matcher(html);
    String withHead = h.find() ? html.substring(0, h.end()) + head + html.substring(h.end()) : head + html;
    Matcher b = BODY_END.matcher(withHead);
    int end = -1;
    while (b.find()) {
      end = b.start();
    }
    return end < 0 ? withHead + tail : withHead.substring(0, end) + tail + withHead.substring(end);
  }

  private String run(String tag, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + workDir.resolve("profile-" + tag)));
    cmd.addAll(args);
    Path log = workDir.resolve(tag + ".log");
    // Output to a file, not a pipe: reading a pipe to its end would wait on a hung Chromium
    // forever, before the time limit below is ever checked.
    Path stdout = workDir.resolve(tag + ".out");
    // Headless Chromium on a loaded machine now and then hangs idle; one hang gets a second try.
    for (int attempt = 1; ; attempt++) {
      Process p =
          new ProcessBuilder(cmd)
              .redirectError(log.toFile())
              .redirectOutput(stdout.toFile())
              .start();
      try {
        if (p.waitFor(120, TimeUnit.SECONDS)) {
          return Files.readString(stdout, StandardCharsets.UTF_8);
        }
      } catch (InterruptedException e) {
        stop(p);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while Chromium ran", e);
      }
      stop(p);
      if (attempt == 2) {
        throw new IllegalStateException("Chromium did not finish in 120 s, twice; see " + log);
      }
    }
  }

  /** Stops Chromium and the processes it started (renderers, GPU process). */
  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlCheck.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  /** The tool's arguments, usage and help. */
  static final Command COMMAND =
      Command.tool("HtmlCheck")
          .summary("Checks rendered notebook pages and prints a report for each")
          .description("Exits 0 when all pass, 1 when one fails, 2 on bad arguments or a crash")
          .rest("PAGE.html", "the pages to check, one or more")
          .example("HtmlCheck target/notebooks/00-quickstart.html")
          .build();

  /** Checks each page; exits 0 when all pass, 1 when one fails, 2 on bad arguments or a crash. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs {@link #main} without exiting; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.run(
        COMMAND,
        args,
        out,
        err,
        (a, o) -> {
          if (a.positional().isEmpty()) {
            throw new IllegalArgumentException("name the pages to check; write " + COMMAND.usage());
          }
          HtmlCheck check = in(Path.of("target", "html-check"));
          boolean ok = true;
          for (String page : a.positional()) {
            Report r = check.check(Path.of(page));
            o.println((r.ok() ? "ok   " : "FAIL ") + r.describe());
            ok &= r.ok();
          }
          return ok ? Cli.OK : Cli.FAILED;
        });
  }
}
