package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
import dev.errata.internal.AtomicFile;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.OfflineHtml;
import dev.errata.render.chart.PlotlyJs;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Figure;

/**
 * {@code %charts}: switches how charts are published and writes a fully interactive offline HTML
 * page of chosen charts and tables (plotly.js included once).
 */
final class ChartMagics implements MagicGroup {

  private final Notebook notebook;
  private final ChartSettings settings;

  ChartMagics(Notebook notebook, ChartSettings settings) {
    this.notebook = notebook;
    this.settings = settings;
  }

  static final Command CHARTS =
      Command.line("charts")
          .summary(
              "Adds Plotly's own output type for VS Code, changes where plotly.js loads from, or"
                  + " writes charts, results and tables to one interactive offline HTML page")
          .description(
              "Give one of --plotly-mime, --plotly-url (with --integrity) or --export (with the"
                  + " variables to export)")
          .rest(
              "VAR",
              "with --export: the variables to write, each a Chart, a jsplot Figure, an Errata"
                  + " result or a Table")
          .choice(
              "plotly-mime",
              "on: charts also carry application/vnd.plotly.v1+json, which VS Code prefers",
              "on", "off")
          .text("plotly-url", "URL", "loads plotly.js from this address instead")
          .text("integrity", "SHA", "the subresource-integrity hash of --plotly-url's file")
          .text("export", "FILE.html", "writes the VARs to one interactive offline page")
          .text("title", "TEXT", "the exported page's title")
          .byDefault("Errata report")
          .flag("force", "replaces an existing file")
          .exactlyOne("plotly-mime", "plotly-url", "export")
          .onlyWith("integrity", "plotly-url")
          .onlyWith("title", "export")
          .onlyWith("force", "export")
          .example("%charts --export report.html cmChart perClass")
          .build();

  @Override
  public void bind(Binder binder) {
    binder.line(CHARTS, this::charts);
  }

  /** Runs {@code %charts} and returns what it did, as one line of text (also displayed). */
  public String charts(List<String> args) throws Exception {
    Args a = CHARTS.parse(args);
    String done;
    if (a.option("plotly-mime").isPresent()) {
      String v = a.choice("plotly-mime");
      settings.plotlyMime(v.equals("on"));
      done = "Charts " + (v.equals("on") ? "now also carry" : "no longer carry")
          + " application/vnd.plotly.v1+json";
    } else if (a.option("plotly-url").isPresent()) {
      settings.plotlyJs(new PlotlyJs(a.text("plotly-url"), a.text("integrity")));
      done = "Charts load plotly.js from " + settings.plotlyJs().url();
    } else {
      List<Object> items = new ArrayList<>();
      for (String name : a.positional()) {
        Object v = notebook.variable("charts", name, "a Chart, a jsplot Figure, a result or a Table");
        if (!(v instanceof Chart) && !(v instanceof Figure) && dev.errata.render.View.of(v).isEmpty()) {
          throw new IllegalArgumentException("%charts: \"" + name + "\" is "
              + (v == null ? "null" : "a " + v.getClass().getSimpleName())
              + ", expected a Chart, a jsplot Figure, an Errata result or a Table");
        }
        items.add(v);
      }
      if (items.isEmpty()) {
        throw new IllegalArgumentException("%charts: name the charts and tables to export, e.g."
            + " %charts --export report.html cmChart perClass");
      }
      Path target = Path.of(a.text("export")).toAbsolutePath();
      if (Files.exists(target) && !a.flag("force")) {
        throw new IllegalArgumentException(
            "%charts: " + target + " already exists; add --force to replace it, or choose another"
                + " name");
      }
      Path file;
      try {
        file = OfflineHtml.write(target, a.text("title"), items);
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException(
            "%charts: cannot write " + target + ": " + AtomicFile.reason(e.getCause(), target),
            e.getCause());
      }
      done = "Wrote " + items.size() + " charts and tables with plotly.js " + PlotlyJs.VERSION + " to "
          + file.toAbsolutePath();
    }
    notebook.display(done);
    return done;
  }
}
