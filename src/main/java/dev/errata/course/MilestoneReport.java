package dev.errata.course;

import dev.errata.metrics.Metric;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.metrics.Interval;
import dev.errata.significance.TestResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The three milestones: accuracy on the training set, on dev/test, and the business target, with
 * the flags that say which one is missed.
 *
 * @param splitColumn the column the splits came from
 * @param rows one per split: training set first, then dev, then test
 * @param gaps accuracy differences: training minus dev, training minus test, dev minus test
 * @param hlp human-level accuracy, if given
 * @param business the business target, if given (null for none)
 * @param businessSplit the split the business target is checked on
 * @param flags every milestone missed, one sentence each; empty when all are met
 * @param notes what a reader needs to read the table
 * @param level the confidence level of the intervals
 */
public record MilestoneReport(
    String splitColumn,
    List<MilestoneRow> rows,
    List<Gap> gaps,
    OptionalDouble hlp,
    BusinessTarget business,
    String businessSplit,
    List<String> flags,
    List<String> notes,
    double level) implements Presentable {

  public MilestoneReport {
    rows = List.copyOf(rows);
    gaps = List.copyOf(gaps);
    flags = List.copyOf(flags);
    notes = List.copyOf(notes);
  }

  /**
   * The difference in accuracy between two splits.
   *
   * @param from the first split
   * @param to the second split
   * @param difference accuracy of {@code from} minus accuracy of {@code to}
   * @param interval Newcombe's interval of the difference
   * @param test the test of equal accuracy
   */
  public record Gap(
      String from, String to, double difference, Interval interval, TestResult test) {}

  /** Returns the row of split value {@code split}. */
  public MilestoneRow row(String split) {
    return rows.stream()
        .filter(r -> r.split().equals(split))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No split \""
                        + split
                        + "\"; splits are "
                        + rows.stream().map(MilestoneRow::split).toList()));
  }

  /** Returns the business target, if one was given. */
  public Optional<BusinessTarget> target() {
    return Optional.ofNullable(business);
  }

  /** Returns one line: every milestone met, or how many flags. */
  public String summary() {
    return flags.isEmpty()
        ? "Milestones by " + splitColumn + ": all met"
        : String.format(
            Locale.ROOT,
            "Milestones by %s: %d flag%s",
            splitColumn,
            flags.size(),
            flags.size() == 1 ? "" : "s");
  }

  /** Returns one row per split side by side, titled with the summary. */
  public Table toTable() {
    IntColumn milestone = IntColumn.create("milestone");
    StringColumn split = StringColumn.create("split");
    StringColumn role = StringColumn.create("role");
    DoubleColumn examples = DoubleColumn.create("examples");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    DoubleColumn low = DoubleColumn.create("accuracy low");
    DoubleColumn high = DoubleColumn.create("accuracy high");
    DoubleColumn gapToHlp = DoubleColumn.create("gap to HLP");
    StringColumn vsHlp = StringColumn.create("vs HLP");
    DoubleColumn cost = DoubleColumn.create("expected cost / example");
    DoubleColumn target =
        DoubleColumn.create(businessColumn());
    StringColumn vsTarget = StringColumn.create("vs target");
    for (MilestoneRow r : rows) {
      milestone.append(r.milestone());
      split.append(r.split());
      role.append(r.role());
      examples.append(r.examples());
      accuracy.append(r.accuracy());
      low.append(r.interval().lower());
      high.append(r.interval().upper());
      double gap = hlp.isPresent() ? hlp.getAsDouble() - r.accuracy() : Double.NaN;
      gapToHlp.append(gap);
      vsHlp.append(gap < 0 ? "beats HLP" : "");
      cost.append(r.expectedCost());
      target.append(business == null ? Double.NaN : r.business());
      vsTarget.append(
          business != null && r.split().equals(businessSplit)
              ? (business.met(r.business()) ? "meets " : "misses ")
                  + business.toString().replace(business.label() + " ", "")
              : "");
    }
    Table t = Table.create(summary(), milestone, split, role, examples, accuracy, low, high);
    if (hlp.isPresent()) {
      t.addColumns(gapToHlp);
      if (rows.stream().anyMatch(r -> hlp.getAsDouble() < r.accuracy())) {
        t.addColumns(vsHlp);
      }
    }
    if (rows.stream().anyMatch(r -> !Double.isNaN(r.expectedCost()))) {
      t.addColumns(cost);
    }
    if (business != null && !business.isCost()) {
      t.addColumns(target, vsTarget);
    }
    return t;
  }

  /** Returns the gaps between splits: the difference with its interval, the test and its p. */
  public Table gapTable() {
    StringColumn pair = StringColumn.create("accuracy gap");
    DoubleColumn diff = DoubleColumn.create("difference");
    DoubleColumn low = DoubleColumn.create("difference low");
    DoubleColumn high = DoubleColumn.create("difference high");
    StringColumn test = StringColumn.create("test");
    DoubleColumn p = DoubleColumn.create("p");
    for (Gap g : gaps) {
      pair.append(g.from() + " − " + g.to());
      diff.append(g.difference());
      low.append(g.interval().lower());
      high.append(g.interval().upper());
      test.append(g.test().test());
      p.append(g.test().p());
    }
    return Table.create(
        "Gaps between splits (" + pct(level, 0) + " intervals)", pair, diff, low, high, test, p);
  }

  /** The business metric's column, named apart from the accuracy column it may repeat. */
  private String businessColumn() {
    return "business: " + (business == null ? "metric" : business.label());
  }

  private static String pct(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f %%", v * 100);
  }

  /** Shows the milestones and the gaps between them, then the flags and notes. */
  @Override
  public Presentation present() {
    List<String> lines = new java.util.ArrayList<>();
    flags.forEach(f -> lines.add("Flag: " + f));
    notes.forEach(n -> lines.add("Note: " + n));
    Table t = toTable();
    Section milestones =
        Section.of(t)
            .with(ColumnKind.ID, "milestone")
            .with(ColumnKind.LABEL, "split")
            .with(ColumnKind.COUNT, "examples")
            .with(ColumnKind.PROPORTION, "accuracy")
            .interval("accuracy", "accuracy low", "accuracy high");
    if (t.columnNames().contains("gap to HLP")) {
      milestones = milestones.with(ColumnKind.PERCENTAGE_POINT, "gap to HLP");
    }
    if (business != null && !business.isCost()) {
      boolean rate = business.metric().map(Metric::isRate).orElse(false);
      milestones =
          milestones.with(rate ? ColumnKind.PROPORTION : ColumnKind.NUMBER, businessColumn());
    }
    return Presentation.of(
            milestones,
            Section.of(gapTable())
                .with(ColumnKind.LABEL, "accuracy gap", "test")
                .with(ColumnKind.PERCENTAGE_POINT, "difference")
                .interval("difference", "difference low", "difference high")
                .with(ColumnKind.P_VALUE, "p"))
        .notes(lines);
  }
}
