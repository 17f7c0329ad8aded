package dev.errata.kernel;

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

  @Override
  public void registerInto(Magics magics) {
    magics.registerLineMagic("slices", this::slices);
    magics.registerCellMagic("audit", this::audit);
    magics.registerLineMagic("audit", this::auditFile);
    magics.registerLineMagic("compare", this::compare);
    magics.registerLineMagic("augcheck", this::augcheck);
    magics.registerLineMagic("discover", this::discover);
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp(
            "%slices",
            "%slices PREDICTIONS --by COL[,COL[,COL]] [--min-support N] [--metrics m,m]"
                + " [--class LABEL]",
            "Shows metrics per slice (or intersection) with intervals, tests against the rest"
                + " and disparities. --metrics takes names of the one metric vocabulary: accuracy,"
                + " error rate, balanced accuracy, matthews, kappa, precision, recall, f1, false"
                + " positive rate, false negative rate; a per-class one as \"recall of hernia\" or"
                + " \"macro f1\" / \"weighted recall\" / \"micro precision\"; bare, it means the"
                + " positive class (or --class), else the macro average. The same names are the"
                + " experiment log's keys"),
        new MagicHelp(
            "%%audit",
            "%%audit PREDICTIONS  (rules in the cell body, one per line)",
            "A cell magic: %%audit must be the cell's first line, the rules follow it."
                + " Checks rules, one per line: METRIC >= X [for every COL[, COL] | for COL = VALUE]"
                + " [with n >= N]; METRIC gap across COL <= X; watch words W, \"any text\" [at most"
                + " N]. METRIC: a name of the metric vocabulary (see %slices): accuracy, error rate,"
                + " macro f1, or precision, recall, f1, false positive rate, false negative rate"
                + " [of CLASS]. E.g. accuracy >= 0.99 for query_type ="
                + " navigational; shows pass/fail with evidence and failing examples"),
        new MagicHelp(
            "%audit", "%audit PREDICTIONS --rules FILE", "Checks the rules written in a file"),
        new MagicHelp(
            "%compare",
            "%compare BEFORE AFTER [--by COL[,COL]] [--tags COL,COL | --tag-column COL]"
                + " [--expr EXPR] [--min-support N] [--metrics m,m]",
            "Compares two runs joined by id: per-slice or per-tag deltas, McNemar's exact test,"
                + " regressions"),
        new MagicHelp(
            "%augcheck",
            "%augcheck ORIGINALS AUGMENTED --origin COL [--realistic yes|no|unsure]"
                + " [--clear yes|no|unsure] [--notes TEXT]",
            "Compares the error rate on augmented examples with their originals and fills in the"
                + " course's checklist: --realistic (does it look or sound realistic?), --clear"
                + " (is x → y clear, could a human label it?); the third question (is the model"
                + " doing poorly on it?) is answered from the error rates. E.g. %augcheck before"
                + " augmented --origin origin_id --realistic yes --clear yes"),
        new MagicHelp(
            "%discover",
            "%discover PREDICTIONS [--max-predicates 3] [--columns a,b,c] [--top 10]"
                + " [--min-support 30] [--alpha 0.95]",
            "Finds the slices with the most errors for their size (SliceLine)"));
  }

  /** {@code %slices p --by accent,gender [--min-support N] [--metrics ...] [--class C]}. */
  public SliceReport slices(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("slices")
            .positionals("PREDICTIONS")
            .options("min-support", "class")
            .lists("by", "metrics")
            .parse(args);
    Predictions p = predictions("slices", a.positional(0, "PREDICTIONS (a variable)"));
    a.required("by");
    Slices slices = Slices.of(p).by(a.list("by"));
    a.option("min-support").ifPresent(n -> slices.minSupport(MagicArgs.integer("slices", "min-support", n)));
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
    MagicArgs a = MagicArgs.of("audit").positionals("PREDICTIONS").parse(args);
    String name = a.positional(0, "PREDICTIONS (a variable)");
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
    MagicArgs a = MagicArgs.of("audit").positionals("PREDICTIONS").options("rules").parse(args);
    Predictions p = predictions("audit", a.positional(0, "PREDICTIONS (a variable)"));
    if (a.option("rules").isEmpty()) {
      throw new IllegalArgumentException(
          "%audit: give the rules file, %audit "
              + a.positional(0, "PREDICTIONS")
              + " --rules FILE, or write the rules in a cell below \"%%audit "
              + a.positional(0, "PREDICTIONS")
              + "\", one per line");
    }
    AuditResult result = AuditRules.read(Path.of(a.required("rules"))).check(p);
    notebook.display(result);
    return result;
  }

  /** {@code %compare before after [--by device] [--min-support N] [--metrics ...]}. */
  public ModelComparison compare(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("compare")
            .positionals("BEFORE", "AFTER")
            .options("min-support", "class")
            .options(TagSources.TAG_OPTIONS)
            .lists("by", "metrics", "tags")
            .lists(TagSources.TAG_LISTS)
            .parse(args);
    Predictions before = predictions("compare", a.positional(0, "BEFORE (a variable)"));
    Predictions after = predictions("compare", a.positional(1, "AFTER (a variable)"));
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
    a.option("min-support")
        .ifPresent(n -> compare.minSupport(MagicArgs.integer("compare", "min-support", n)));
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
    MagicArgs a =
        MagicArgs.of("augcheck")
            .positionals("ORIGINALS", "AUGMENTED")
            .options("origin", "realistic", "clear", "notes")
            .parse(args);
    Checklist.Answer realistic = answer(a, "realistic");
    Checklist.Answer clear = answer(a, "clear");
    Predictions originals = predictions("augcheck", a.positional(0, "ORIGINALS (a variable)"));
    Predictions augmented = predictions("augcheck", a.positional(1, "AUGMENTED (a variable)"));
    AugmentationCheck check = AugmentationCheck.of(originals, augmented, a.required("origin"));
    if (a.option("realistic").isPresent()
        || a.option("clear").isPresent()
        || a.option("notes").isPresent()) {
      check = check.answer(realistic, clear, a.option("notes").orElse(""));
    }
    notebook.display(check);
    return check;
  }

  /** Reads a checklist answer: yes, no or unsure (unsure when the option is not given). */
  private static Checklist.Answer answer(MagicArgs a, String option) {
    String v = a.option(option).orElse("unsure");
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "yes" -> Checklist.Answer.YES;
      case "no" -> Checklist.Answer.NO;
      case "unsure" -> Checklist.Answer.UNSURE;
      default -> throw new IllegalArgumentException(
          "%augcheck: --" + option + " takes yes, no or unsure, got \"" + v + "\"");
    };
  }

  /** {@code %discover p [--max-predicates 3] [--columns a,b] [--top 10] ...}. */
  public DiscoveryReport discover(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("discover")
            .positionals("PREDICTIONS")
            .options("max-predicates", "top", "min-support", "alpha", "max-values")
            .lists("columns")
            .parse(args);
    Predictions p = predictions("discover", a.positional(0, "PREDICTIONS (a variable)"));
    SliceDiscovery search = SliceDiscovery.of(p);
    if (a.option("columns").isPresent()) {
      search.columns(a.list("columns"));
    }
    a.option("max-predicates")
        .ifPresent(n -> search.maxPredicates(MagicArgs.integer("discover", "max-predicates", n)));
    a.option("top").ifPresent(n -> search.top(MagicArgs.integer("discover", "top", n)));
    a.option("min-support")
        .ifPresent(n -> search.minSupport(MagicArgs.integer("discover", "min-support", n)));
    a.option("max-values").ifPresent(n -> search.maxValues(MagicArgs.integer("discover", "max-values", n)));
    a.option("alpha").ifPresent(x -> search.alpha(MagicArgs.number("discover", "alpha", x)));
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
  private static List<Metric> metrics(MagicArgs a, Predictions p) {
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
