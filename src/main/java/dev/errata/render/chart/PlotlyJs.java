package dev.errata.render.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where plotly.js comes from. Notebook outputs only link it: a pinned build on a CDN with a
 * Subresource Integrity hash, loaded once per page and only where scripts run. An offline export
 * includes it once, read from the {@code org.webjars.npm:plotly.js-dist} jar when that optional
 * dependency is on the class path, or from a file.
 *
 * @param url the script's address
 * @param integrity its SRI hash ({@code sha384-…}), checked by the browser before it runs
 */
public record PlotlyJs(String url, String integrity) {

  /** The pinned plotly.js version (titles as objects; no AMD define, so RequireJS is no trap). */
  public static final String VERSION = "3.0.1";

  /**
   * The pinned CDN build: npm's {@code plotly.js-dist-min@3.0.1} as served by jsDelivr (the npm
   * file itself, so the hash below, computed from the npm tarball with {@code openssl dgst -sha384
   * -binary plotly.min.js | openssl base64 -A}, holds).
   */
  public static final PlotlyJs CDN =
      new PlotlyJs(
          "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@" + VERSION + "/plotly.min.js",
          "sha384-8cEu0XVLh4s92OG4Ua4ZS75MN//b+0KqyCrhQqaXgHMVHnKC3DNVhwUyH5spa1J2");

  /** The class-path resource of the webjar {@code org.webjars.npm:plotly.js-dist:3.0.1}. */
  public static final String WEBJAR_RESOURCE =
      "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

  public PlotlyJs {
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalArgumentException("plotly.js URL must be http(s), got \"" + url + "\"");
    }
    if (!integrity.matches("sha(256|384|512)-[A-Za-z0-9+/=]+")) {
      throw new IllegalArgumentException(
          "integrity must be an SRI hash like sha384-…, got \"" + integrity + "\"");
    }
  }

  /**
   * Returns the source of plotly.js {@value #VERSION} from the webjar on the class path, or throws
   * an error that says which dependency to add.
   */
  public static String source() {
    ClassLoader loader = PlotlyJs.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(WEBJAR_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "plotly.js "
                + VERSION
                + " is not on the class path: add org.webjars.npm:plotly.js-dist:"
                + VERSION
                + " (e.g. %maven org.webjars.npm:plotly.js-dist:"
                + VERSION
                + ") or pass the file of a plotly.js build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + WEBJAR_RESOURCE, e);
    }
  }

  /** Returns the source of the plotly.js build in {@code file}. */
  public static String source(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read plotly.js from " + file, e);
    }
  }
}
