package dev.errata.course;

import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Proportion;
import dev.errata.significance.DifferenceInterval;
import dev.errata.significance.ProportionTests;
import dev.errata.significance.TestResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The course's three milestones side by side: do well on the training set, then on dev/test, then
 * on the business metric. Accuracy per split comes from one count by the split column; the flags
 * say which milestone is missed.
 *
 * <p>{@code Milestones.of(p, "split").hlp(0.95).business(BusinessTarget.parse("recall:1>=0.8"))
 * .report()}.
 */
public final class Milestones {

  /** Differences with a p-value below this are flagged. */
  public static final double ALPHA = 0.05;

  private final Predictions p;
  private final String splitColumn;
  private OptionalDouble hlp = OptionalDouble.empty();
  private OptionalDouble fit = OptionalDouble.empty();
  private BusinessTarget business;
  private CostMatrix costs;
  private double level = Proportion.DEFAULT_LEVEL;

  private Milestones(Predictions p, String splitColumn) {
    this.p = p;
    this.splitColumn = splitColumn;
  }

  /** Starts the milestones of {@code p} split by the values of {@code splitColumn}. */
  public static Milestones of(Predictions p, String splitColumn) {
    p.column(splitColumn, "split: train, dev, test");
    return new Milestones(p, splitColumn);
  }

  /** Sets human-level accuracy: the floor the training set should reach. */
  public Milestones hlp(double accuracy) {
    this.hlp = OptionalDouble.of(share("HLP", accuracy));
    return this;
  }

  /** Sets the training accuracy below which the training set counts as not fitted. */
  public Milestones fitThreshold(double accuracy) {
    this.fit = OptionalDouble.of(share("fit threshold", accuracy));
    return this;
  }

  /** Sets the business target, checked on the test set (the dev set when there is none). */
  public Milestones business(BusinessTarget target) {
    this.business = target;
    return this;
  }

  /** Sets the cost matrix; every split then shows its expected cost per example. */
  public Milestones costs(CostMatrix costs) {
    this.costs = costs;
    return this;
  }

  /** Sets the confidence level of intervals (default 0.95). */
  public Milestones level(double level) {
    this.level = share("level", level);
    return this;
  }

  /** Counts by split and returns the milestones with their flags. */
  public MilestoneReport report() {
    if (business != null && business.isCost() && costs == null) {
      throw new IllegalArgumentException(
          "The business target \"" + business + "\" is on cost: give a cost matrix (--costs FILE)");
    }
    CountCube cube = p.counts(List.of(splitColumn));
    List<String> values = cube.values().get(0);
    Map<Split, ConfusionMatrix> bySplit = new EnumMap<>(Split.class);
    Map<Split, String> names = new EnumMap<>(Split.class);
    List<String> ignored = new ArrayList<>();
    for (int cell = 0; cell < cube.cells(); cell++) {
      ConfusionMatrix cm = new ConfusionMatrix(p.labels(), cube.confusion(cell));
      if (cm.total() == 0) {
        continue;
      }
      String value = values.get(cell);
      var role = Split.of(value);
      if (role.isEmpty()) {
        ignored.add(value);
      } else if (bySplit.containsKey(role.get())) {
        throw new IllegalArgumentException(
            "Split column \""
                + splitColumn
                + "\" names the "
                + role.get().label
                + " twice: \""
                + names.get(role.get())
                + "\" and \""
                + value
                + "\"");
      } else {
        bySplit.put(role.get(), cm);
        names.put(role.get(), value);
      }
    }
    if (!bySplit.containsKey(Split.TRAIN)
        || !(bySplit.containsKey(Split.DEV) || bySplit.containsKey(Split.TEST))) {
      throw new IllegalArgumentException(
          "Split column \""
              + splitColumn
              + "\" needs a training split and a dev or test split; its values are "
              + values
              + ", accepted names are "
              + Split.accepted());
    }
    List<MilestoneRow> rows = new ArrayList<>();
    for (var e : bySplit.entrySet()) {
      ConfusionMatrix cm = e.getValue();
      Proportion accuracy = new Proportion(cm.correct(), cm.total());
      rows.add(
          new MilestoneRow(
              e.getKey() == Split.TRAIN ? 1 : 2,
              names.get(e.getKey()),
              e.getKey().label,
              cm.total(),
              accuracy.value(),
              accuracy.wilson(level),
              costs == null ? Double.NaN : costs.expectedCost(cm),
              business == null ? Double.NaN : business.value(cm, costs)));
    }
    List<String> flags = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<MilestoneReport.Gap> gaps = new ArrayList<>();
    ConfusionMatrix train = bySplit.get(Split.TRAIN);
    double trainAccuracy = train.correct() / train.total();
    if (fit.isPresent() && trainAccuracy < fit.getAsDouble()) {
      flags.add(
          "training set not fitted: accuracy "
              + pct(trainAccuracy)
              + " below the threshold "
              + pct(fit.getAsDouble())
              + " (bias: a bigger model, longer training, better features)");
    }
    if (hlp.isPresent() && trainAccuracy < hlp.getAsDouble()) {
      flags.add(
          "training set not fitted: accuracy "
              + pct(trainAccuracy)
              + " below HLP "
              + pct(hlp.getAsDouble())
              + " (avoidable bias "
              + pct(hlp.getAsDouble() - trainAccuracy)
              + ")");
    }
    for (Split s : List.of(Split.DEV, Split.TEST)) {
      if (bySplit.containsKey(s)) {
        MilestoneReport.Gap g = gap(names.get(Split.TRAIN), train, names.get(s), bySplit.get(s));
        gaps.add(g);
        if (g.difference() > 0 && g.test().significantAt(ALPHA)) {
          flags.add(
              "dev/test gap: accuracy on "
                  + names.get(s)
                  + " is "
                  + pct(g.difference())
                  + " below the training set ("
                  + pValue(g.test().p())
                  + "; variance: more data, regularisation, augmentation)");
        }
      }
    }
    if (bySplit.containsKey(Split.DEV) && bySplit.containsKey(Split.TEST)) {
      MilestoneReport.Gap g =
          gap(
              names.get(Split.DEV),
              bySplit.get(Split.DEV),
              names.get(Split.TEST),
              bySplit.get(Split.TEST));
      gaps.add(g);
      if (g.test().significantAt(ALPHA)) {
        flags.add(
            "dev and test differ by "
                + pct(Math.abs(g.difference()))
                + " ("
                + pValue(g.test().p())
                + "): the dev set may be overfitted, or the two sets come from different data");
      }
    }
    Split target = bySplit.containsKey(Split.TEST) ? Split.TEST : Split.DEV;
    if (business != null) {
      double v = business.value(bySplit.get(target), costs);
      if (!business.met(v)) {
        flags.add(
            String.format(
                Locale.ROOT,
                "misses the business target: %s on %s is %.4f, target %s",
                business.label(),
                names.get(target),
                v,
                business));
      }
    }
    if (!ignored.isEmpty()) {
      notes.add(
          "Split values of no known role left out: "
              + ignored
              + "; accepted names are "
              + Split.accepted());
    }
    if (costs != null) {
      notes.add("Pairs the cost matrix " + costs.source() + " does not list cost 0");
    }
    return new MilestoneReport(
        splitColumn, rows, gaps, hlp, business, names.get(target), flags, notes, level);
  }

  private MilestoneReport.Gap gap(
      String fromName, ConfusionMatrix from, String toName, ConfusionMatrix to) {
    Proportion a = new Proportion(from.correct(), from.total());
    Proportion b = new Proportion(to.correct(), to.total());
    TestResult test = ProportionTests.compare(a.successes(), a.trials(), b.successes(), b.trials());
    return new MilestoneReport.Gap(
        fromName, toName, a.value() - b.value(), DifferenceInterval.newcombe(a, b, level), test);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", v * 100);
  }

  static String pValue(double p) {
    return p < 0.0001 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
  }

  private static double share(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          "The " + what + " is a share from 0 to 1 (0.95, not 95), got " + v);
    }
    return v;
  }
}
