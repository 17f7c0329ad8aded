package dev.errata.kernel;

import dev.errata.Errata;
import dev.errata.agreement.Agreement;
import dev.errata.agreement.AgreementReport;
import dev.errata.agreement.DisagreementSheet;
import dev.errata.agreement.Relabelling;
import dev.errata.course.BusinessTarget;
import dev.errata.course.CostMatrix;
import dev.errata.course.DataCheck;
import dev.errata.course.DataCheckReport;
import dev.errata.course.DataShares;
import dev.errata.course.MilestoneReport;
import dev.errata.course.Milestones;
import dev.errata.course.SanityCheck;
import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.log.ExperimentLog;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The course-week magics: {@code %agreement} (label consistency between annotators), {@code
 * %milestones} (training set → dev/test → business metric), {@code %sanity} (overfit a small set)
 * and {@code %datacheck} (the good-data checklist). Each displays its result and returns it.
 */
final class CourseMagics implements MagicGroup {

  /** Marks a {@code --reference} that names a logged run rather than a variable or a file. */
  static final String RUN_PREFIX = "run:";

  private final Notebook notebook;
  private final Supplier<ExperimentLog> log;

  /**
   * @param log this kernel's experiment log, opened when a {@code --reference run:ID} needs it
   */
  CourseMagics(Notebook notebook, Supplier<ExperimentLog> log) {
    this.notebook = notebook;
    this.log = log;
  }

  @Override
  public void registerInto(Magics magics) {
    magics.registerLineMagic("agreement", this::agreement);
    magics.registerLineMagic("relabel", this::relabel);
    magics.registerLineMagic("milestones", this::milestones);
    magics.registerLineMagic("sanity", this::sanity);
    magics.registerLineMagic("datacheck", this::datacheck);
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp(
            "%agreement",
            "%agreement P --annotators A,B[,C…] [--tags COL,COL] [--level 0.95]"
                + " [--to SHEET.csv [--force]]",
            "Label consistency: Cohen's kappa (two annotators) or Fleiss' (more) with intervals,"
                + " overall, per class and per tag value; annotator-vs-annotator matrix; --to"
                + " writes the disagreements to a sheet: fill its relabel column (and add tag"
                + " columns) and read it back with %relabel and %tags --sheet. E.g. %agreement p"
                + " --annotators ann_a,ann_b --to relabel.csv"),
        new MagicHelp(
            "%relabel",
            "%relabel P --sheet SHEET.csv",
            "Reads a relabelling sheet back (from %agreement --to, its relabel column filled in;"
                + " rows joined by id, blank cells leave the label as it was) and returns the"
                + " predictions with those actual labels corrected; shows what changed. Tag"
                + " columns added to the sheet are read by %tags P --sheet SHEET.csv. E.g."
                + " %relabel p --sheet relabel.csv (keep it: Predictions fixed = %relabel …)"),
        new MagicHelp(
            "%milestones",
            "%milestones P --split COL [--hlp X] [--fit X] [--business METRIC>=X | --costs"
                + " COSTS.csv [--business cost<=X]] [--level 0.95]",
            "The three milestones side by side (training set, dev/test, business metric) with"
                + " intervals and flags: not fitted, dev/test gap, business target missed. E.g."
                + " %milestones p --split split --hlp 0.95 --business recall:1>=0.8"),
        new MagicHelp(
            "%sanity",
            "%sanity P [--expect 0.99]",
            "Overfit-a-small-set check on predictions of a tiny training set: PASS or FAIL and"
                + " what failed. E.g. %sanity tiny --expect 0.99"),
        new MagicHelp(
            "%datacheck",
            "%datacheck P [--by COL,COL] [--min 30] [--max-width 0.2] [--annotators A,B[,C…]]"
                + " [--reference VAR|FILE|run:ID]",
            "The good-data checklist in one table: size (examples overall and per class; a class"
                + " is too small when a 95 % interval on it can be wider than --max-width),"
                + " coverage (examples per class and per --by value against --min), label"
                + " consistency (kappa of --annotators; flagged at 0.6 or less) and drift of class"
                + " and value shares against a reference (predictions in a variable or a file"
                + " read with P's label columns, or run:ID, a run logged with Errata.log) with a"
                + " chi-square test (flagged at p <= 0.05). E.g. %datacheck p --by accent --min"
                + " 50 --reference run:3"));
  }

  /** {@code %agreement P --annotators A,B[,C…] ...}. */
  public AgreementReport agreement(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("agreement")
            .positionals("P")
            .options("level", "to")
            .lists("annotators", "tags")
            .flags("force")
            .parse(args);
    Predictions p = predictions("agreement", a);
    Agreement agreement;
    try {
      agreement = Agreement.of(p, a.list("annotators")).tags(a.list("tags"));
      a.option("level").ifPresent(v -> agreement.level(MagicArgs.number("agreement", "level", v)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%agreement: " + e.getMessage(), e);
    }
    AgreementReport report;
    try {
      report = agreement.report();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%agreement: " + e.getMessage(), e);
    }
    notebook.display(report);
    if (a.option("to").isPresent()) {
      DisagreementSheet sheet =
          agreement.writeDisagreements(Path.of(a.option("to").get()), a.flag("force"));
      notebook.display(sheet);
    } else if (a.flag("force")) {
      throw new IllegalArgumentException("%agreement: --force goes with --to SHEET.csv");
    }
    return report;
  }

  /** {@code %relabel P --sheet SHEET.csv}: the predictions with the sheet's labels. */
  public Predictions relabel(List<String> args) throws Exception {
    MagicArgs a = MagicArgs.of("relabel").positionals("P").options("sheet").parse(args);
    Predictions p = predictions("relabel", a);
    Relabelling r;
    try {
      r = Relabelling.read(p, Path.of(a.required("sheet")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%relabel: " + e.getMessage(), e);
    }
    notebook.display(r);
    return r.relabelled();
  }

  /** {@code %milestones P --split COL ...}. */
  public MilestoneReport milestones(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("milestones")
            .positionals("P")
            .options("split", "hlp", "fit", "business", "costs", "level")
            .parse(args);
    Predictions p = predictions("milestones", a);
    MilestoneReport report;
    try {
      Milestones m = Milestones.of(p, a.required("split"));
      a.option("hlp").ifPresent(v -> m.hlp(MagicArgs.number("milestones", "hlp", v)));
      a.option("fit").ifPresent(v -> m.fitThreshold(MagicArgs.number("milestones", "fit", v)));
      a.option("level").ifPresent(v -> m.level(MagicArgs.number("milestones", "level", v)));
      a.option("costs").ifPresent(v -> m.costs(CostMatrix.read(Path.of(v))));
      a.option("business")
          .ifPresent(v -> m.business(BusinessTarget.parse(v, p.roles().positive())));
      report = m.report();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%milestones: " + e.getMessage(), e);
    }
    notebook.display(report);
    return report;
  }

  /** {@code %sanity P [--expect 0.99]}. */
  public SanityReport sanity(List<String> args) throws Exception {
    MagicArgs a = MagicArgs.of("sanity").positionals("P").options("expect").parse(args);
    Predictions p = predictions("sanity", a);
    double expect =
        a.option("expect").map(v -> MagicArgs.number("sanity", "expect", v)).orElse(0.99);
    SanityReport report;
    try {
      report = SanityCheck.of(p, expect);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%sanity: " + e.getMessage(), e);
    }
    notebook.display(report);
    return report;
  }

  /** {@code %datacheck P [--by COLS] [--min N] [--annotators A,B] [--reference REF]}. */
  public DataCheckReport datacheck(List<String> args) throws Exception {
    MagicArgs a =
        MagicArgs.of("datacheck")
            .positionals("P")
            .options("min", "max-width", "reference")
            .lists("by", "annotators")
            .parse(args);
    Predictions p = predictions("datacheck", a);
    var minimum = a.option("min").map(v -> MagicArgs.integer("datacheck", "min", v));
    var maxWidth = a.option("max-width").map(v -> MagicArgs.number("datacheck", "max-width", v));
    DataCheckReport report;
    try {
      DataCheck check = DataCheck.of(p).by(a.list("by"));
      minimum.ifPresent(check::minimum);
      maxWidth.ifPresent(check::maxWidth);
      if (a.option("annotators").isPresent()) {
        check.annotators(a.list("annotators"));
      }
      if (a.option("reference").isPresent()) {
        check.reference(reference(p, a.option("reference").get(), a.list("by")));
      }
      report = check.report();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%datacheck: " + e.getMessage(), e);
    }
    notebook.display(report);
    return report;
  }

  /**
   * Reads {@code --reference}: {@code run:ID} (a run of this kernel's log, by id or name), a
   * Predictions variable, or a predictions file read with {@code p}'s actual and predicted columns.
   */
  private DataShares reference(Predictions p, String value, List<String> by) throws Exception {
    if (value.startsWith(RUN_PREFIX)) {
      String run = value.substring(RUN_PREFIX.length()).strip();
      if (run.isEmpty()) {
        throw new IllegalArgumentException(
            "--reference run: needs a run's id or name, e.g. run:3 (see %runs)");
      }
      return Errata.dataShares(log.get().run(run));
    }
    if (javax.lang.model.SourceVersion.isIdentifier(value) && !Files.exists(Path.of(value))) {
      Predictions ref =
          notebook.variable(
              "datacheck",
              value,
              Predictions.class,
              "predictions (from %predictions), a predictions file that exists, or run:ID");
      return DataShares.of(ref, by);
    }
    if (!Files.isRegularFile(Path.of(value))) {
      throw new IllegalArgumentException(
          "--reference \""
              + value
              + "\" is no file (looked in "
              + Path.of(value).toAbsolutePath().getParent()
              + "), no variable name and no run:ID");
    }
    Predictions ref =
        PredictionsReader.file(value)
            .actual(p.roles().actual())
            .predicted(p.roles().predicted())
            .load();
    return DataShares.of(ref, by);
  }

  private Predictions predictions(String magic, MagicArgs a) throws Exception {
    return notebook.variable(
        magic,
        a.positional(0, "P (a predictions variable)"),
        Predictions.class,
        "predictions (from %predictions or Errata.read(...).load())");
  }
}
