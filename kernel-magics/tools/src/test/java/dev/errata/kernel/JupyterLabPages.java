package dev.errata.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.errata.tools.HtmlCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders executed notebooks' outputs the way JupyterLab 4 does, without its server: JupyterLab's
 * own npm packages ({@code @jupyterlab/rendermime} with its standard renderers and the {@code
 * Sanitizer} of {@code @jupyterlab/apputils}, versions pinned in {@code jupyterlab/package.json}
 * and its lock file) are installed with {@code npm ci} into a folder under target/ and bundled with
 * esbuild once; each page embeds the outputs as inert JSON and the bundle, which picks each
 * output's MIME type as JupyterLab does ({@code 'ensure'} safe types when untrusted, {@code 'any'}
 * when trusted) and renders it, sanitized when untrusted. Both harness scripts carry {@code
 * data-errata-check}, so {@link HtmlCheck} does not read the outputs' own text as injected script.
 */
final class JupyterLabPages {

  private static final String RESOURCES = "/dev/errata/kernel/jupyterlab/";

  private final Path dir;

  private JupyterLabPages(Path dir) {
    this.dir = dir;
  }

  /** Installs and bundles JupyterLab's rendering into {@code dir}, unless already done. */
  static JupyterLabPages in(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (!Files.exists(dir.resolve("bundle.js"))) {
      for (String f : List.of("package.json", "package-lock.json", "entry.js")) {
        try (InputStream in = JupyterLabPages.class.getResourceAsStream(RESOURCES + f)) {
          Files.write(dir.resolve(f), in.readAllBytes());
        }
      }
      run(dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      run(
          dir,
          "node_modules/.bin/esbuild",
          "entry.js",
          "--bundle",
          "--format=iife",
          "--outfile=bundle.js",
          "--log-level=warning",
          "--loader:.svg=text",
          "--loader:.css=empty");
    }
    return new JupyterLabPages(dir);
  }

  /** Writes a page rendering every output of {@code notebook}, trusted or not, and returns it. */
  Path page(Path notebook, boolean trusted) throws IOException {
    ArrayNode outputs = outputs(notebook);
    String json = new ObjectMapper().writeValueAsString(outputs).replace("</", "<\\/");
    String bundle =
        Files.readString(dir.resolve("bundle.js"), StandardCharsets.UTF_8)
            .replaceAll("(?i)</script", "<\\\\/script");
    String name = notebook.getFileName().toString().replace(".ipynb", "");
    Path page = dir.resolve(name + (trusted ? "-trusted" : "-untrusted") + ".html");
    // JupyterLab's own stylesheet as nbconvert's lab template ships it, so outputs are laid out
    // under its rules for output areas (its tables use table-layout:fixed).
    String labCss = "<style>" + Files.readString(TablesInChromiumIT.LAB_CSS) + "</style>";
    Files.writeString(
        page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
            + name
            + "</title>"
            + labCss
            + "</head><body data-trusted=\""
            + trusted
            + "\"><script type=\"application/json\" id=\"outputs\" data-errata-check>"
            + json
            + "</script><script data-errata-check>"
            + bundle
            + "</script></body></html>\n",
        StandardCharsets.UTF_8);
    return page;
  }

  /** Returns each output's MIME bundle in order: display data as is, a stream as text/plain. */
  static ArrayNode outputs(Path notebook) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode out = json.createArrayNode();
    for (JsonNode cell : json.readTree(notebook.toFile()).path("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        ObjectNode data = json.createObjectNode();
        if (o.has("data")) {
          o.get("data").properties().forEach(e -> data.put(e.getKey(), text(e.getValue())));
        } else if (o.has("text")) {
          data.put("text/plain", text(o.get("text")));
        } else {
          continue;
        }
        out.add(data);
      }
    }
    return out;
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      node.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static void run(Path dir, String... command) throws IOException {
    Path log = dir.resolve("setup.log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " failed in " + dir + "; see " + log);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("Interrupted: " + String.join(" ", command)));
    }
  }
}
