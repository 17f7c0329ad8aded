package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
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

/**
 * The error-analysis magics: {@code %tags} (the per-tag table), {@code %errors} (the tagging
 * sheet), {@code %hlp} (model vs HLP per tag) and {@code %tagpivot}. Each displays its result and
 * returns it.
 */
final class TagMagics implements MagicGroup {

  private static final String P = "a predictions variable, or tags (Tags.fromColumns(...))";
  private static final String TAG_COLUMNS = "tags from boolean columns of these names";

  static final Command TAGS =
      Command.line("tags")
          .summary(
              "Per tag: % of data, % of errors, error rate, accuracy vs HLP, gap, potential gain"
                  + " (gap × % of data; 0 where the model beats the baseline), rank; with a"
                  + " baseline also the gap-to-HLP chart")
          .description(
              "Tags come from boolean columns (--tags), one column of names (--tag-column),"
                  + " COL=VALUE per metadata value (--metadata) or a filled sheet (--sheet);"
                  + " baselines from --hlp, --human, --older, --older-column and --literature")
          .positional("P", P)
          .list("tags", "COL,COL", TAG_COLUMNS)
          .apply(TagSources::tagOptions)
          .apply(TagSources::baselineOptions)
          .flag("no-chart", "leaves out the gap-to-HLP chart")
          .example("%tags p --tag-column category --hlp hlp.csv")
          .build();

  static final Command ERRORS =
      Command.line("errors")
          .summary(
              "Writes (or extends, keeping filled cells) a sheet of misclassified examples to tag")
          .description(
              "--correct same also samples correct ones at the same rate (column #outcome), so"
                  + " %tags --sheet gives each tag's error rate")
          .positional("P", P)
          .text("to", "SHEET.csv", "the sheet to write, or to extend when it exists")
          .required()
          .whole("sample", "N", "how many new misclassified examples to add (0 only adds columns)")
          .byDefault(100)
          .text(
              "correct",
              "N|same",
              "also adds N correctly classified examples, or (same) as many as sampling them at"
                  + " the errors' rate gives, so error rates read back are unbiased")
          .whole("seed", "N", "random seed of the sample")
          .byDefault(ErrorSheetWriter.DEFAULT_SEED)
          .choice(
              "stratify",
              "spreads the sample over classes or tags instead of simple random",
              "none", "class", "tag")
          .byDefault("none")
          .list("tags", "NEW,NEW", "empty tag columns to add, for people to fill in")
          .apply(TagSources::tagOptions)
          .example("%errors p --to sheet.csv --sample 50 --tags car_noise,people_noise")
          .build();

  static final Command HLP =
      Command.line("hlp")
          .summary(
              "Shows model accuracy vs the baseline per tag: gap, % of data, potential gain, and"
                  + " the chart")
          .description(
              "Give at least one baseline. A negative gap means the model beats the baseline: no"
                  + " potential gain")
          .positional("P", P)
          .list("tags", "COL,COL", TAG_COLUMNS)
          .apply(TagSources::tagOptions)
          .apply(TagSources::baselineOptions)
          .example("%hlp p --tag-column category --hlp hlp.csv --literature 0.92")
          .build();

  static final Command TAGPIVOT =
      Command.line("tagpivot")
          .summary(
              "Counts errors (or all examples) by tag × tag, tag × actual or tag × predicted"
                  + " class")
          .positional("P", P)
          .choice("by", "the second key: tags, the actual or the predicted class", "tags",
              "actual", "predicted")
          .byDefault("tags")
          .flag("all", "counts all examples, not only errors (with --by actual or predicted)")
          .list("tags", "COL,COL", TAG_COLUMNS)
          .apply(TagSources::tagOptions)
          .example("%tagpivot p --by actual --tag-column category")
          .build();

  private final Notebook notebook;

  TagMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  @Override
  public void bind(Binder binder) {
    binder.line(TAGS, this::tags);
    binder.line(ERRORS, this::errors);
    binder.line(HLP, this::hlp);
    binder.line(TAGPIVOT, this::tagpivot);
  }

  /** {@code %tags P ...}: the per-tag table sorted by potential gain. */
  public TagReport tags(List<String> args) throws Exception {
    Args a = TAGS.parse(args);
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
    Args a = HLP.parse(args);
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
    Args a = ERRORS.parse(args);
    Tags tags = new TagSources(notebook, "errors", a).tags(false);
    ErrorSheetWriter writer =
        ErrorSheetWriter.of(tags)
            .sample(a.integer("sample"))
            .seed(a.whole("seed"))
            .stratify(Stratify.valueOf(a.choice("stratify").toUpperCase(Locale.ROOT)))
            .tags(a.list("tags"));
    a.option("correct")
        .ifPresent(
            v -> {
              if (v.equals("same")) {
                writer.correctAtErrorRate();
              } else {
                writer.correct(correct(v));
              }
            });
    ErrorSheet sheet = writer.write(Path.of(a.text("to")));
    notebook.display(sheet);
    return sheet;
  }

  /** {@code %tagpivot P --by tags|actual|predicted [--all]}: counts by tag and a second key. */
  public TagPivot tagpivot(List<String> args) throws Exception {
    Args a = TAGPIVOT.parse(args);
    Tags tags = new TagSources(notebook, "tagpivot", a).tags(true);
    TagPivot.Among among = a.flag("all") ? TagPivot.Among.ALL : TagPivot.Among.ERRORS;
    TagPivot pivot =
        switch (a.choice("by")) {
          case "actual" -> TagPivot.byActual(tags, among);
          case "predicted" -> TagPivot.byPredicted(tags, among);
          default -> TagPivot.cooccurrence(tags);
        };
    notebook.display(pivot);
    return pivot;
  }

  /** Reads {@code --correct N}: a whole number of correct examples, or {@code same}. */
  private static int correct(String value) {
    if (value.strip().matches("[0-9]+")) {
      try {
        return Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        // too large: fall through to the message
      }
    }
    throw new IllegalArgumentException(
        "%errors: --correct takes a whole number up to " + Integer.MAX_VALUE + " or same, got \""
            + value + "\"");
  }
}
