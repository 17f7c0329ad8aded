package dev.errata.render.chart;

import dev.errata.render.Html;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;

/**
 * Writes fully interactive HTML that needs no network: plotly.js is included once, in the page's
 * head, so every chart's script finds {@code window.Plotly} and swaps in the interactive chart.
 * Either a page of charts and tables, or an existing notebook export (nbconvert HTML) upgraded.
 */
public final class OfflineHtml {

  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  private OfflineHtml() {}

  /**
   * Returns a standalone page showing {@code items} in order: a {@link Chart}, a tablesaw-jsplot
   * figure, a Tablesaw {@link Table}, or any other object as an escaped paragraph of its text.
   *
   * @param plotlyJs the plotly.js source to include once (see {@link PlotlyJs#source()})
   */
  public static String page(String title, List<?> items, String plotlyJs) {
    StringBuilder sb = new StringBuilder(plotlyJs.length() + 65536);
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title>")
        .append(script(plotlyJs))
        .append("<style>body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222}")
        .append("div.errata-chart{margin:1.5em 0}</style></head><body><h1>")
        .append(Html.escape(title))
        .append("</h1>");
    for (Object item : items) {
      if (item instanceof Chart c) {
        sb.append(c.html());
      } else if (item instanceof tech.tablesaw.plotly.components.Figure f) {
        sb.append(FigureView.of(f).output(PlotlyJs.CDN).html());
      } else if (dev.errata.render.View.of(item).isPresent()) {
        // Any result or table: the same view a notebook shows.
        sb.append(dev.errata.render.View.of(item).get().html());
      } else {
        sb.append("<p>").append(Html.escape(String.valueOf(item))).append("</p>");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  /** Writes {@link #page} to {@code file} with plotly.js from the webjar on the class path. */
  public static Path write(Path file, String title, List<?> items) {
    return write(file, page(title, items, PlotlyJs.source()));
  }

  /**
   * Returns {@code html} (a notebook exported to HTML) with plotly.js included once at the start
   * of its head, so its Errata charts become interactive without network.
   */
  public static String inline(String html, String plotlyJs) {
    Matcher m = HEAD.matcher(html);
    if (!m.find()) {
      throw new IllegalArgumentException("The HTML has no <head> to put plotly.js in");
    }
    return html.substring(0, m.end()) + script(plotlyJs) + html.substring(m.end());
  }

  /** Reads a notebook export from {@code in}, includes plotly.js from the webjar, writes {@code out}. */
  public static Path inline(Path in, Path out) {
    try {
      return write(out, inline(Files.readString(in, StandardCharsets.UTF_8), PlotlyJs.source()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + in, e);
    }
  }

  /**
   * Returns {@code js} as an inline script element. Any {@code </script} or {@code <!--} in the
   * source (there is none in plotly.js 3.0.1) is written with an escaped slash or bang, which
   * means the same inside JavaScript strings and regular expressions.
   */
  static String script(String js) {
    String safe = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE).matcher(js).replaceAll("<\\\\/$1");
    return "<script>" + safe.replace("<!--", "<\\!--") + "</script>";
  }

  private static Path write(Path file, String html) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
