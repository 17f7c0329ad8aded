package dev.errata.kernel;

import dev.errata.baseline.Baselines;
import dev.errata.tags.ErrorSheet;
import dev.errata.tags.ErrorSheetWriter;
import dev.errata.tags.GapChartData;
import dev.errata.tags.Stratify;
import dev.errata.tags.TagPivot;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import dev.errata.render.chart.AnalysisCharts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The error-analysis magics: {@code %tags} (the per-tag table), {@code %errors} (the tagging
 * sheet), {@code %hlp} (model vs HLP per tag) and {@code %tagpivot}. Each displays its result and
 * returns it.
 */
final class TagMagics implements MagicGroup {

  private static final String SOURCES =
      "[--tags COL,COL] [--tag-column COL [--tag-sep ;]] [--metadata COL,COL] [--sheet FILE]"
          + " [--expr EXPR,EXPR] [--where EXPR]";
  private static final String BASELINES =
      "[--hlp FILE|VAR] [--human COL] [--older VAR|X] [--older-column COL] [--literature X]"
          + " [--cite TEXT]";

  private final Notebook notebook;

  TagMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  @Override
  public void registerInto(Magics magics) {
    magics.registerLineMagic("tags", this::tags);
    magics.registerLineMagic("errors", this::errors);
    magics.registerLineMagic("hlp", this::hlp);
    magics.registerLineMagic("tagpivot", this::tagpivot);
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp(
            "%tags",
            "%tags P " + SOURCES + " " + BASELINES + " [--no-chart]",
            "Per tag: % of data, % of errors, error rate, accuracy vs HLP, gap, potential gain"
                + " (gap × % of data; 0 where the model beats the baseline), rank; with a"
                + " baseline also the gap-to-HLP chart. Tags: boolean columns (--tags), one column"
                + " of names (--tag-column), COL=VALUE per metadata value (--metadata), a filled"
                + " sheet (--sheet). Tag expressions (--expr, --where): tag names joined with &"
                + " (and), | (or), ! (not) and parentheses, e.g. \"car_noise & !low_bandwidth\","
                + " \"device=phone | (accent=scottish & car_noise)\"; quote other names with"
                + " backticks. E.g. %tags p --tag-column category --hlp hlp.csv"),
        new MagicHelp(
            "%errors",
            "%errors P --to SHEET.csv [--sample 100] [--correct N|same] [--seed 1]"
                + " [--stratify none|class|tag] [--tags NEW,NEW] [--tag-column COL]"
                + " [--metadata COL,COL] [--where EXPR]",
            "Writes (or extends, keeping filled cells) a sheet of misclassified examples to tag;"
                + " --correct same also samples correct ones at the same rate (column #outcome), so"
                + " %tags --sheet gives each tag's error rate"),
        new MagicHelp(
            "%hlp",
            "%hlp P " + BASELINES + " " + SOURCES,
            "Shows model accuracy vs the baseline per tag: gap, % of data, potential gain, and the"
                + " chart. --hlp: a CSV (or Table / Map variable) with columns category, accuracy"
                + " (0.95 or 95 %) and optionally source, one row per tag, matched ignoring case,"
                + " spaces, _ and -; a row \"all data\" is the overall HLP. --human COL: HLP"
                + " measured per tag as the accuracy of a second annotator's labels in COL (blank"
                + " = not annotated), with an interval. --literature X and --older X: one overall"
                + " number, compared with all data (--older VAR: an older system's predictions,"
                + " per tag). A negative gap means the model beats the baseline: no potential"
                + " gain. E.g. %hlp p --tag-column category --hlp hlp.csv --literature 0.92"),
        new MagicHelp(
            "%tagpivot",
            "%tagpivot P --by tags|actual|predicted [--all] " + SOURCES,
            "Counts errors (or all examples) by tag × tag, tag × actual or tag × predicted class"));
  }

  /** {@code %tags P ...}: the per-tag table sorted by potential gain. */
  public TagReport tags(List<String> args) throws Exception {
    MagicArgs a = parse("tags", args, Set.of());
    TagSources sources = new TagSources(notebook, "tags", a);
    Tags tags = sources.tags(true);
    Baselines baselines = sources.baselines(tags.predictions());
    TagReport report = TagReport.of(tags, baselines);
    notebook.display(report);
    if (!baselines.sources().isEmpty() && !a.flag("no-chart")) {
      notebook.display(AnalysisCharts.gapToHlp(report.gapChartData()));
    }
    return report;
  }

  /** {@code %hlp P --hlp FILE|VAR ...}: model vs baseline per tag, the data of the gap chart. */
  public GapChartData hlp(List<String> args) throws Exception {
    MagicArgs a = parse("hlp", args, Set.of());
    TagSources sources = new TagSources(notebook, "hlp", a);
    Tags tags = sources.tags(true);
    Baselines baselines = sources.baselines(tags.predictions());
    if (baselines.sources().isEmpty()) {
      throw new IllegalArgumentException(
          "%hlp: give a baseline: --hlp FILE|VAR, --human COL, --older VAR|X, --older-column COL"
              + " or --literature X");
    }
    TagReport report = TagReport.of(tags, baselines);
    GapChartData data = report.gapChartData();
    notebook.display(AnalysisCharts.gapToHlp(data));
    notebook.display(data);
    for (String note : report.notes()) {
      notebook.display("Note: " + note);
    }
    return data;
  }

  /** {@code %errors P --to SHEET ...}: writes or extends the tagging sheet. */
  public ErrorSheet errors(List<String> args) throws Exception {
    MagicArgs a = parse("errors", args, Set.of("to", "sample", "seed", "stratify", "correct"));
    Tags tags = new TagSources(notebook, "errors", a).tags(false);
    ErrorSheetWriter writer =
        ErrorSheetWriter.of(tags)
            .sample(a.option("sample").map(v -> MagicArgs.integer("errors", "sample", v)).orElse(100))
            .seed(
                a.option("seed")
                    .map(v -> MagicArgs.whole("errors", "seed", v))
                    .orElse(ErrorSheetWriter.DEFAULT_SEED))
            .stratify(stratify(a.option("stratify").orElse("none")))
            .tags(a.list("tags"));
    a.option("correct")
        .ifPresent(
            v -> {
              if (v.equals("same")) {
                writer.correctAtErrorRate();
              } else {
                writer.correct(MagicArgs.integer("errors", "correct", v));
              }
            });
    ErrorSheet sheet = writer.write(Path.of(a.required("to")));
    notebook.display(sheet);
    return sheet;
  }

  /** {@code %tagpivot P --by tags|actual|predicted [--all]}: counts by tag and a second key. */
  public TagPivot tagpivot(List<String> args) throws Exception {
    MagicArgs a = parse("tagpivot", args, Set.of("by"));
    Tags tags = new TagSources(notebook, "tagpivot", a).tags(true);
    TagPivot.Among among = a.flag("all") ? TagPivot.Among.ALL : TagPivot.Among.ERRORS;
    String by = a.option("by").orElse("tags");
    TagPivot pivot =
        switch (by) {
          case "tags" -> TagPivot.cooccurrence(tags);
          case "actual" -> TagPivot.byActual(tags, among);
          case "predicted" -> TagPivot.byPredicted(tags, among);
          default -> throw new IllegalArgumentException(
              "%tagpivot: --by takes tags, actual or predicted, got \"" + by + "\"");
        };
    notebook.display(pivot);
    return pivot;
  }

  private static MagicArgs parse(String magic, List<String> args, Set<String> own) {
    MagicArgs.Spec spec =
        MagicArgs.of(magic)
            .positionals("P")
            .options(own)
            .options(TagSources.TAG_OPTIONS)
            .lists("tags")
            .lists(TagSources.TAG_LISTS);
    if (!magic.equals("errors") && !magic.equals("tagpivot")) {
      spec.options(TagSources.BASELINE_OPTIONS);
    }
    if (magic.equals("tagpivot")) {
      spec.flags("all");
    }
    if (magic.equals("tags")) {
      spec.flags("no-chart");
    }
    return spec.parse(args);
  }

  private static Stratify stratify(String value) {
    try {
      return Stratify.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%errors: --stratify takes none, class or tag, got \"" + value + "\"", e);
    }
  }
}
