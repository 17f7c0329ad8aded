package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
import dev.errata.audit.AuditResult;
import dev.errata.audit.AuditRules;
import dev.errata.compare.AugmentationCheck;
import dev.errata.compare.Checklist;
import dev.errata.compare.Compare;
import dev.errata.compare.ModelComparison;
import dev.errata.load.Predictions;
import dev.errata.slices.DiscoveryReport;
import dev.errata.metrics.Metric;
import dev.errata.slices.SliceDiscovery;
import dev.errata.slices.SliceReport;
import dev.errata.slices.Slices;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.errata.render.chart.AnalysisCharts;
import java.util.List;
import java.util.Optional;

/**
 * Magics for performance audits: metrics per slice, audit rules, run comparisons, augmentation
 * checks and slice discovery. Each displays its result and returns it.
 */
final class SliceMagics implements MagicGroup {

  private final Notebook notebook;

  SliceMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  private static final String PREDICTIONS = "a predictions variable (from %predictions)";
  private static final String METRICS =
      "metrics by name of the one metric vocabulary: accuracy, error rate, balanced accuracy,"
          + " matthews, kappa, precision, recall, f1, false positive rate, false negative rate;"
          + " per class as \"recall of hernia\", or \"macro f1\" / \"weighted recall\" / \"micro"
          + " precision\"; bare, a per-class one means the positive class (or --class), else the"
          + " macro average. The same names are the experiment log's keys";
  private static final String RULES =
      "one per line: METRIC >= X [for every COL[, COL] | for COL = VALUE] [with n >= N];"
          + " METRIC gap across COL <= X; watch words W, \"any text\" [at most N]. METRIC: a name"
          + " of the metric vocabulary (see %slices): accuracy, error rate, macro f1, or"
          + " precision, recall, f1, false positive rate, false negative rate [of CLASS]";

  static final Command SLICES =
      Command.line("slices")
          .summary(
              "Shows metrics per slice (or intersection) with intervals, tests against the rest"
                  + " and disparities")
          .positional("PREDICTIONS", PREDICTIONS)
          .list("by", "COL,COL", "the columns whose values (or value combinations) are the slices")
          .required()
          .whole("min-support", "N", "flags slices with fewer examples and leaves them out of the gaps")
          .byDefault(Slices.DEFAULT_MIN_SUPPORT)
          .list("metrics", "m,m", METRICS)
          .text("class", "LABEL", "the class a bare precision, recall or F1 is of")
          .example("%slices p --by accent,gender --metrics \"accuracy,recall of 1\"")
          .build();

  static final Command AUDIT_CELL =
      Command.cell("audit", "the rules, one per line")
          .summary("Checks rules written in the cell; shows pass/fail with evidence and failing examples")
          .description("Rules: " + RULES)
          .positional("PREDICTIONS", PREDICTIONS)
          .example("%%audit p\naccuracy >= 0.99 for query_type = navigational")
          .build();

  static final Command AUDIT =
      Command.line("audit")
          .summary("Checks the rules written in a file, as %%audit does those of a cell")
          .positional("PREDICTIONS", PREDICTIONS)
          .text(
              "rules",
              "FILE",
              "the rules file, " + RULES + "; or write the rules in a %%audit cell instead")
          .required()
          .example("%audit p --rules rules.txt")
          .build();

  static final Command COMPARE =
      Command.line("compare")
          .summary(
              "Compares two runs joined by id: per-slice or per-tag deltas, McNemar's exact test,"
                  + " regressions")
          .positional("BEFORE", "the first run's predictions variable")
          .positional("AFTER", "the second run's predictions variable, with the same ids")
          .list("by", "COL,COL", "compares per slice of these columns")
          .list("tags", "COL,COL", "compares per tag, tags from boolean columns of the BEFORE run")
          .apply(TagSources::tagOptions)
          .whole("min-support", "N", "flags slices with fewer examples and leaves them out of the gaps")
          .byDefault(Slices.DEFAULT_MIN_SUPPORT)
          .list("metrics", "m,m", METRICS)
          .text("class", "LABEL", "the class a bare precision, recall or F1 is of")
          .example("%compare before after --by device --metrics accuracy")
          .build();

  static final Command AUGCHECK =
      Command.line("augcheck")
          .summary(
              "Compares the error rate on augmented examples with their originals and fills in"
                  + " the course's checklist")
          .description(
              "The third question (is the model doing poorly on it?) is answered from the error"
                  + " rates")
          .positional("ORIGINALS", "the original examples' predictions variable")
          .positional("AUGMENTED", "the augmented examples' predictions variable")
          .text("origin", "COL", "the column of AUGMENTED naming each example's original id")
          .required()
          .choice("realistic", "does the augmented data look or sound realistic?", "yes", "no",
              "unsure")
          .byDefault("unsure")
          .choice("clear", "is x → y clear: could a human label it?", "yes", "no", "unsure")
          .byDefault("unsure")
          .text("notes", "TEXT", "your notes, kept with the checklist")
          .example(
              "%augcheck before augmented --origin origin_id --realistic yes --clear yes")
          .build();

  static final Command DISCOVER =
      Command.line("discover")
          .summary("Finds the slices with the most errors for their size (SliceLine)")
          .positional("PREDICTIONS", PREDICTIONS)
          .whole("max-predicates", "N", "the most column = value conditions in one slice, 1 to 3")
          .byDefault(SliceDiscovery.MAX_PREDICATES)
          .list("columns", "a,b,c", "the columns searched (default: each with 2 to --max-values distinct values)")
          .whole("top", "N", "how many slices to show")
          .byDefault(SliceDiscovery.DEFAULT_TOP)
          .whole("min-support", "N", "ignores slices with fewer examples")
          .byDefault(Slices.DEFAULT_MIN_SUPPORT)
          .number("alpha", "X", "in (0, 1]: near 1 favours error lift, lower values favour large slices")
          .byDefault(SliceDiscovery.DEFAULT_ALPHA)
          .whole("max-values", "N", "columns with more distinct values are not searched")
          .byDefault(SliceDiscovery.DEFAULT_MAX_VALUES)
          .example("%discover p --columns accent,device --top 5")
          .build();

  @Override
  public void bind(Binder binder) {
    binder.line(SLICES, this::slices);
    binder.cell(AUDIT_CELL, this::audit);
    binder.line(AUDIT, this::auditFile);
    binder.line(COMPARE, this::compare);
    binder.line(AUGCHECK, this::augcheck);
    binder.line(DISCOVER, this::discover);
  }

  /** {@code %slices p --by accent,gender [--min-support N] [--metrics ...] [--class C]}. */
  public SliceReport slices(List<String> args) throws Exception {
    Args a = SLICES.parse(args);
    Predictions p = predictions("slices", a.required(0));
    Slices slices = Slices.of(p).by(a.list("by")).minSupport(a.integer("min-support"));
    List<Metric> metrics = metrics(a, p);
    if (!metrics.isEmpty()) {
      slices.metrics(metrics.toArray(Metric[]::new));
    }
    SliceReport report = slices.report();
    notebook.display(AnalysisCharts.slices(report));
    notebook.display(report);
    return report;
  }

  /** {@code %%audit p} with one rule per line in the body. */
  public AuditResult audit(List<String> args, String body) throws Exception {
    Args a = AUDIT_CELL.parse(args);
    String name = a.required(0);
    if (body.isBlank()) {
      throw new IllegalArgumentException(
          "%%audit: the cell has no rules; write one rule per line below \"%%audit "
              + name
              + "\", e.g. \"accuracy >= 0.9\", \"recall >= 0.90 for every accent with n >= 50\","
              + " \"accuracy gap across gender <= 0.03\", \"watch words gun, gang\"");
    }
    Predictions p = predictions("audit", name);
    AuditResult result = AuditRules.parse("audit cell", body).check(p);
    notebook.display(result);
    return result;
  }

  /** {@code %audit p --rules FILE}. */
  public AuditResult auditFile(List<String> args) throws Exception {
    Args a = AUDIT.parse(args);
    Predictions p = predictions("audit", a.required(0));
    AuditResult result = AuditRules.read(Path.of(a.text("rules"))).check(p);
    notebook.display(result);
    return result;
  }

  /** {@code %compare before after [--by device] [--min-support N] [--metrics ...]}. */
  public ModelComparison compare(List<String> args) throws Exception {
    Args a = COMPARE.parse(args);
    Predictions before = predictions("compare", a.required(0));
    Predictions after = predictions("compare", a.required(1));
    Compare compare = Compare.runs(before, after);
    if (a.option("by").isPresent()) {
      compare.by(a.list("by"));
    }
    boolean byTags =
        a.option("tags").isPresent()
            || TagSources.TAG_OPTIONS.stream().anyMatch(o -> a.option(o).isPresent());
    if (byTags) {
      // Tags of the before run (the first variable), from the same options as %tags.
      compare.byTags(new TagSources(notebook, "compare", a).tags(true));
    }
    compare.minSupport(a.integer("min-support"));
    List<Metric> metrics = metrics(a, before);
    if (!metrics.isEmpty()) {
      compare.metrics(metrics.toArray(Metric[]::new));
    }
    ModelComparison result = compare.report();
    notebook.display(result);
    return result;
  }

  /** {@code %augcheck originals augmented --origin origin_id}. */
  public AugmentationCheck augcheck(List<String> args) throws Exception {
    Args a = AUGCHECK.parse(args);
    Checklist.Answer realistic = answer(a.choice("realistic"));
    Checklist.Answer clear = answer(a.choice("clear"));
    Predictions originals = predictions("augcheck", a.required(0));
    Predictions augmented = predictions("augcheck", a.required(1));
    AugmentationCheck check = AugmentationCheck.of(originals, augmented, a.text("origin"));
    if (a.option("realistic").isPresent()
        || a.option("clear").isPresent()
        || a.option("notes").isPresent()) {
      check = check.answer(realistic, clear, a.option("notes").orElse(""));
    }
    notebook.display(check);
    return check;
  }

  /** Returns a checklist answer of {@code --realistic} or {@code --clear}: yes, no or unsure. */
  private static Checklist.Answer answer(String value) {
    return switch (value) {
      case "yes" -> Checklist.Answer.YES;
      case "no" -> Checklist.Answer.NO;
      default -> Checklist.Answer.UNSURE;
    };
  }

  /** {@code %discover p [--max-predicates 3] [--columns a,b] [--top 10] ...}. */
  public DiscoveryReport discover(List<String> args) throws Exception {
    Args a = DISCOVER.parse(args);
    Predictions p = predictions("discover", a.required(0));
    SliceDiscovery search =
        SliceDiscovery.of(p)
            .maxPredicates(a.integer("max-predicates"))
            .top(a.integer("top"))
            .minSupport(a.integer("min-support"))
            .maxValues(a.integer("max-values"))
            .alpha(a.number("alpha"));
    if (a.option("columns").isPresent()) {
      search.columns(a.list("columns"));
    }
    DiscoveryReport report = search.discover();
    notebook.display(report);
    return report;
  }

  private Predictions predictions(String magic, String name) throws Exception {
    return notebook.variable(
        magic,
        name,
        Predictions.class,
        "predictions (from %predictions or Errata.read(...).load())");
  }

  /**
   * Reads --metrics (names of the metric vocabulary, see {@link Metric#parse}) and --class (the
   * class a bare precision, recall or F1 is of; without it, the positive class or the macro average).
   */
  private static List<Metric> metrics(Args a, Predictions p) {
    List<Metric> out = new ArrayList<>();
    Optional<String> cls = a.option("class");
    cls.ifPresent(c -> p.labels().require(c, "class"));
    Optional<String> of = cls.isPresent() ? cls : p.roles().positive();
    if (a.option("metrics").isPresent()) {
      out.addAll(Metric.parseAll(a.list("metrics"), of));
    } else if (cls.isPresent()) {
      out.add(Metric.accuracy());
      out.add(Metric.errorRate());
      for (Metric.Kind kind : List.of(Metric.Kind.PRECISION, Metric.Kind.RECALL, Metric.Kind.F1)) {
        out.add(Metric.of(kind, cls.get()));
      }
    }
    return out;
  }
}
