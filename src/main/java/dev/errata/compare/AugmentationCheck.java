package dev.errata.compare;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Predictions;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import dev.errata.significance.ProportionTests;
import dev.errata.significance.TestResult;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks augmented examples against the originals they were made from: the model's error rate on
 * each, their paired outcomes, and the course's checklist recorded with the set.
 *
 * @param augmented the augmented set's source
 * @param originals the original run's source
 * @param matched augmented examples whose origin was found
 * @param unmatched augmented examples whose origin id is not among the originals
 * @param firstUnmatched the first of those origin ids
 * @param augmentedErrors errors over the matched augmented examples
 * @param originalErrors errors over the distinct originals they came from
 * @param runErrors errors over the whole original run
 * @param paired outcomes of each augmented example against its original (before = original)
 * @param checklist the answers; the last one suggested from the data until someone answers it
 */
public record AugmentationCheck(
    String augmented,
    String originals,
    long matched,
    long unmatched,
    List<String> firstUnmatched,
    Proportion augmentedErrors,
    Proportion originalErrors,
    Proportion runErrors,
    SliceDelta.Outcomes paired,
    Checklist checklist) implements Presentable {

  public AugmentationCheck {
    firstUnmatched = List.copyOf(firstUnmatched);
  }

  /**
   * Joins each augmented example's {@code originColumn} to the originals' id and counts errors. The
   * "model poor" answer is suggested: yes when the augmented error rate is above the run's and a
   * two-proportion test says so (p ≤ 0.05), no when it is not above, unsure otherwise.
   */
  public static AugmentationCheck of(
      Predictions originals, Predictions augmented, String originColumn) {
    String id =
        originals
            .roles()
            .id()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The originals "
                            + originals.source()
                            + " need an id column for "
                            + originColumn
                            + " to refer to; read them with .id(\"column\")"));
    IdJoin join = IdJoin.of(augmented.codes(originColumn), originals.codes(id));
    if (join.matched() == 0) {
      throw new IllegalArgumentException(
          "No "
              + originColumn
              + " of "
              + augmented.source()
              + " is an id of "
              + originals.source()
              + "; first origin ids "
              + join.leftOnly().stream().limit(3).toList());
    }
    long augmentedWrong = 0;
    long[] outcome = new long[4];
    boolean[] seen = new boolean[originals.size()];
    long origins = 0;
    long originsWrong = 0;
    for (int i = 0; i < join.matched(); i++) {
      int a = join.left()[i];
      int o = join.right()[i];
      boolean augmentedRight = augmented.actual(a) == augmented.predicted(a);
      boolean originalRight = originals.actual(o) == originals.predicted(o);
      augmentedWrong += augmentedRight ? 0 : 1;
      outcome[(originalRight ? 0 : 2) + (augmentedRight ? 0 : 1)]++;
      if (!seen[o]) {
        seen[o] = true;
        origins++;
        originsWrong += originalRight ? 0 : 1;
      }
    }
    // The run's error rate from the counting seam (unweighted: the check counts examples).
    double[] all = originals.counts(List.of(), false).total();
    int k = originals.labels().size();
    long runWrong = 0;
    for (int c = 0; c < all.length; c++) {
      runWrong += c / k == c % k ? 0 : Math.round(all[c]);
    }
    Proportion aug = new Proportion(augmentedWrong, join.matched());
    Proportion run = new Proportion(runWrong, originals.size());
    return new AugmentationCheck(
        augmented.source(),
        originals.source(),
        join.matched(),
        join.leftOnly().size(),
        join.leftOnly().subList(0, Math.min(Join.SHOWN, join.leftOnly().size())),
        aug,
        new Proportion(originsWrong, origins),
        run,
        new SliceDelta.Outcomes(outcome[0], outcome[1], outcome[2], outcome[3]),
        new Checklist(Checklist.Answer.UNSURE, Checklist.Answer.UNSURE, suggestPoor(aug, run), ""));
  }

  private static Checklist.Answer suggestPoor(Proportion augmented, Proportion run) {
    if (!(augmented.value() > run.value())) {
      return Checklist.Answer.NO;
    }
    TestResult t =
        ProportionTests.compare(
            augmented.successes(), augmented.trials(), run.successes(), run.trials());
    return t.p() <= 0.05 ? Checklist.Answer.YES : Checklist.Answer.UNSURE;
  }

  /** Returns this check with the person's answers; the "model poor" suggestion is kept. */
  public AugmentationCheck answer(
      Checklist.Answer realistic, Checklist.Answer mappingClear, String notes) {
    return withChecklist(new Checklist(realistic, mappingClear, checklist.modelPoor(), notes));
  }

  /** Returns this check with {@code checklist} recorded instead. */
  public AugmentationCheck withChecklist(Checklist checklist) {
    return new AugmentationCheck(
        augmented,
        originals,
        matched,
        unmatched,
        firstUnmatched,
        augmentedErrors,
        originalErrors,
        runErrors,
        paired,
        checklist);
  }

  /** Returns McNemar's exact test of augmented against original correctness, pair by pair. */
  public TestResult mcnemar() {
    return paired.mcnemar();
  }

  /** Returns error rates with 95 % Wilson intervals: augmented, their originals, the whole run. */
  public Table toTable() {
    StringColumn what = StringColumn.create("examples");
    DoubleColumn n = DoubleColumn.create("n");
    DoubleColumn errors = DoubleColumn.create("errors");
    DoubleColumn rate = DoubleColumn.create("error rate");
    DoubleColumn low = DoubleColumn.create("95 % low");
    DoubleColumn high = DoubleColumn.create("95 % high");
    String[] names = {
      "augmented (" + augmented + ")", "their originals", "whole run (" + originals + ")"
    };
    Proportion[] rates = {augmentedErrors, originalErrors, runErrors};
    for (int i = 0; i < names.length; i++) {
      Interval ci = rates[i].wilson();
      what.append(names[i]);
      n.append(rates[i].trials());
      errors.append(rates[i].successes());
      rate.append(rates[i].value());
      low.append(ci.lower());
      high.append(ci.upper());
    }
    return Table.create(
        String.format(
            Locale.ROOT,
            "Augmentation check: %,d augmented examples matched, %,d unmatched; augmented vs"
                + " original, pair by pair: %d got worse, %d got better, McNemar exact p = %.4g",
            matched,
            unmatched,
            paired.regressed(),
            paired.fixed(),
            mcnemar().p()),
        what,
        n,
        errors,
        rate,
        low,
        high);
  }

  /** Returns the checklist: question, answer, and the evidence or notes behind it. */
  public Table checklistTable() {
    StringColumn question = StringColumn.create("question");
    StringColumn answer = StringColumn.create("answer");
    StringColumn evidence = StringColumn.create("evidence / notes");
    question.append("Realistic?");
    answer.append(label(checklist.realistic()));
    evidence.append(checklist.notes());
    question.append("Is x → y clear (could a human label it)?");
    answer.append(label(checklist.mappingClear()));
    evidence.append("");
    question.append("Is the model currently doing poorly on it?");
    answer.append(label(checklist.modelPoor()));
    evidence.append(
        String.format(
            Locale.ROOT,
            "error rate %.1f %% on augmented vs %.1f %% on the whole run, %.1f %% on the originals",
            augmentedErrors.value() * 100,
            runErrors.value() * 100,
            originalErrors.value() * 100));
    return Table.create("Augmentation checklist for " + augmented, question, answer, evidence);
  }

  private static String label(Checklist.Answer a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  /** Shows the error rates with their intervals, then the checklist with its answers. */
  @Override
  public Presentation present() {
    return Presentation.of(
        Section.of(toTable())
            .with(ColumnKind.COUNT, "n", "errors")
            .with(ColumnKind.PROPORTION, "error rate")
            .interval("error rate", "95 % low", "95 % high"),
        Section.of(checklistTable()));
  }
}
