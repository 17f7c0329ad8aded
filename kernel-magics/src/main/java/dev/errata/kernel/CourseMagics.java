package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
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

  private static final String P = "a predictions variable (from %predictions)";

  static final Command AGREEMENT =
      Command.line("agreement")
          .summary(
              "Label consistency: Cohen's kappa (two annotators) or Fleiss' (more) with intervals,"
                  + " overall, per class and per tag value; the annotator-vs-annotator matrix")
          .description(
              "--to writes the disagreements to a sheet: fill its relabel column (and add tag"
                  + " columns) and read it back with %relabel and %tags --sheet")
          .positional("P", P)
          .list("annotators", "A,B", "the columns holding each annotator's label, two or more")
          .required()
          .list("tags", "COL,COL", "also reports kappa per value of each of these columns")
          .number("level", "X", "confidence level of the intervals")
          .byDefault(0.95)
          .text("to", "SHEET.csv", "writes the examples the annotators disagree on to this sheet")
          .flag("force", "with --to: replaces an existing sheet")
          .example("%agreement p --annotators ann_a,ann_b --to relabel.csv")
          .build();

  static final Command RELABEL =
      Command.line("relabel")
          .summary(
              "Reads a relabelling sheet back and returns the predictions with those actual labels"
                  + " corrected; shows what changed")
          .description(
              "The sheet comes from %agreement --to, its relabel column filled in; rows are joined"
                  + " by id and a blank cell leaves the label as it was. Tag columns added to the"
                  + " sheet are read by %tags P --sheet SHEET.csv. Keep the result: Predictions"
                  + " fixed = %relabel …")
          .positional("P", P)
          .text("sheet", "SHEET.csv", "the filled relabelling sheet")
          .required()
          .example("%relabel p --sheet relabel.csv")
          .build();

  static final Command MILESTONES =
      Command.line("milestones")
          .summary(
              "The three milestones side by side (training set, dev/test, business metric) with"
                  + " intervals and flags: not fitted, dev/test gap, business target missed")
          .positional("P", P)
          .text("split", "COL", "the column naming each example's split (train, dev, test)")
          .required()
          .number("hlp", "X", "human-level accuracy: the floor the training set should reach")
          .number("fit", "X", "the training accuracy below which the training set is not fitted")
          .text(
              "business",
              "METRIC>=X",
              "the business target, checked on the test set (else dev), e.g. recall:1>=0.8, or"
                  + " cost<=X with --costs")
          .text("costs", "COSTS.csv", "a cost matrix (actual,predicted,cost): expected cost per"
              + " example for every split")
          .number("level", "X", "confidence level of the intervals")
          .byDefault(0.95)
          .example("%milestones p --split split --hlp 0.95 --business recall:1>=0.8")
          .build();

  static final Command SANITY =
      Command.line("sanity")
          .summary(
              "Overfit-a-small-set check on predictions of a tiny training set: PASS or FAIL and"
                  + " what failed")
          .positional("P", P + ", of the model on its own tiny training set")
          .number("expect", "X", "the accuracy the model should reach on it")
          .byDefault(0.99)
          .example("%sanity tiny --expect 0.99")
          .build();

  static final Command DATACHECK =
      Command.line("datacheck")
          .summary(
              "The good-data checklist in one table: size, coverage, label consistency and drift")
          .description(
              "Size: examples overall and per class; a class is too small when a 95 % interval on"
                  + " it can be wider than --max-width. Coverage: examples per class and per --by"
                  + " value against --min. Label consistency: kappa of --annotators, flagged at 0.6"
                  + " or less. Drift: class and value shares against --reference with a chi-square"
                  + " test, flagged at p <= 0.05")
          .positional("P", P)
          .list("by", "COL,COL", "columns whose values' coverage and drift are checked")
          .whole("min", "N", "the fewest examples a class or --by value should have")
          .byDefault(DataCheck.DEFAULT_MINIMUM)
          .number("max-width", "X", "the widest a 95 % interval on a class's accuracy may be")
          .byDefault(DataCheck.DEFAULT_MAX_WIDTH)
          .list("annotators", "A,B", "annotator label columns, for label consistency")
          .text(
              "reference",
              "VAR|FILE|run:ID",
              "what drift is measured against: predictions in a variable, a file read with P's"
                  + " label columns, or run:ID, a run logged with Errata.log")
          .example("%datacheck p --by accent --min 50 --reference run:3")
          .build();

  @Override
  public void bind(Binder binder) {
    binder.line(AGREEMENT, this::agreement);
    binder.line(RELABEL, this::relabel);
    binder.line(MILESTONES, this::milestones);
    binder.line(SANITY, this::sanity);
    binder.line(DATACHECK, this::datacheck);
  }

  /** {@code %agreement P --annotators A,B[,C…] ...}. */
  public AgreementReport agreement(List<String> args) throws Exception {
    Args a = AGREEMENT.parse(args);
    Predictions p = predictions("agreement", a);
    Agreement agreement;
    try {
      agreement =
          Agreement.of(p, a.list("annotators")).tags(a.list("tags")).level(a.number("level"));
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
    Args a = RELABEL.parse(args);
    Predictions p = predictions("relabel", a);
    Relabelling r;
    try {
      r = Relabelling.read(p, Path.of(a.text("sheet")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%relabel: " + e.getMessage(), e);
    }
    notebook.display(r);
    return r.relabelled();
  }

  /** {@code %milestones P --split COL ...}. */
  public MilestoneReport milestones(List<String> args) throws Exception {
    Args a = MILESTONES.parse(args);
    Predictions p = predictions("milestones", a);
    MilestoneReport report;
    try {
      Milestones m = Milestones.of(p, a.text("split")).level(a.number("level"));
      a.numberIfGiven("hlp").ifPresent(m::hlp);
      a.numberIfGiven("fit").ifPresent(m::fitThreshold);
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
    Args a = SANITY.parse(args);
    Predictions p = predictions("sanity", a);
    double expect = a.number("expect");
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
    Args a = DATACHECK.parse(args);
    Predictions p = predictions("datacheck", a);
    DataCheckReport report;
    try {
      DataCheck check =
          DataCheck.of(p).by(a.list("by")).minimum(a.integer("min")).maxWidth(a.number("max-width"));
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

  private Predictions predictions(String magic, Args a) throws Exception {
    return notebook.variable(
        magic,
        a.required(0),
        Predictions.class,
        "predictions (from %predictions or Errata.read(...).load())");
  }
}
