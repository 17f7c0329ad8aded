package dev.errata.compare;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Two runs on the same examples compared overall and slice by slice: every metric before, after and
 * its change, the paired outcomes, McNemar's exact test and a verdict per slice.
 *
 * @param before the first run, as "source (predicted column)"
 * @param after the second run, as "source (predicted column)"
 * @param metrics the metrics compared
 * @param overall all matched examples
 * @param slices one entry per occupied slice, in value order (empty when not sliced)
 * @param minSupport slices with fewer paired examples are flagged small
 * @param join how the runs' ids matched
 */
public record ModelComparison(
    String before,
    String after,
    List<Metric> metrics,
    SliceDelta overall,
    List<SliceDelta> slices,
    int minSupport,
    Join join) implements Presentable {

  /** Adjusted p-values at or below this make a change significant. */
  public static final double ALPHA = 0.05;

  public ModelComparison {
    metrics = List.copyOf(metrics);
    slices = List.copyOf(slices);
  }

  /** Returns the slices whose accuracy dropped significantly (adjusted McNemar p ≤ 0.05). */
  public List<SliceDelta> regressions() {
    List<SliceDelta> out = new ArrayList<>();
    for (SliceDelta d : slices) {
      if (d.change(ALPHA).equals("regression")) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Returns one row for all the data, then one per slice: n, a small flag, each metric before,
   * after and Δ, the discordant pairs, McNemar's p (BH-adjusted across slices) and the change.
   */
  public Table toTable() {
    List<SliceDelta> rows = new ArrayList<>();
    rows.add(overall);
    rows.addAll(slices);
    List<String> columns = slices.isEmpty() ? List.of() : slices.get(0).columns();
    Table t =
        Table.create(
            String.format(
                Locale.ROOT,
                "%s → %s%s: %,d paired examples; McNemar's exact test, BH-adjusted across slices",
                before,
                after,
                columns.isEmpty() ? "" : " by " + String.join(" × ", columns),
                overall.n()));
    for (int c = 0; c < columns.size(); c++) {
      StringColumn col = StringColumn.create(columns.get(c));
      for (SliceDelta d : rows) {
        col.append(d.columns().isEmpty() ? "(all)" : d.values().get(c));
      }
      t.addColumns(col);
    }
    DoubleColumn n = DoubleColumn.create("n");
    StringColumn small = StringColumn.create("small");
    rows.forEach(d -> n.append(d.n()));
    rows.forEach(d -> small.append(d.n() < minSupport ? "n < " + minSupport : ""));
    t.addColumns(n, small);
    for (Metric m : metrics) {
      DoubleColumn b = DoubleColumn.create(m.label() + " before");
      DoubleColumn a = DoubleColumn.create(m.label() + " after");
      DoubleColumn delta = DoubleColumn.create(m.label() + " Δ");
      for (SliceDelta d : rows) {
        b.append(m.value(d.before()));
        a.append(m.value(d.after()));
        delta.append(d.delta(m));
      }
      t.addColumns(b, a, delta);
    }
    DoubleColumn regressed = DoubleColumn.create("right → wrong");
    DoubleColumn fixed = DoubleColumn.create("wrong → right");
    DoubleColumn p = DoubleColumn.create("McNemar p");
    DoubleColumn adjusted = DoubleColumn.create("p (BH)");
    StringColumn change = StringColumn.create("change");
    for (SliceDelta d : rows) {
      regressed.append(d.outcomes().regressed());
      fixed.append(d.outcomes().fixed());
      p.append(d.outcomes().mcnemar().p());
      adjusted.append(d.adjustedP());
      change.append(d.change(ALPHA));
    }
    t.addColumns(regressed, fixed, p, adjusted, change);
    return t;
  }

  /** Returns how the ids matched: counts and the first unmatched or relabelled ids. */
  public Table joinTable() {
    StringColumn what = StringColumn.create("what");
    DoubleColumn count = DoubleColumn.create("count");
    StringColumn ids = StringColumn.create("first ids");
    what.append("matched");
    count.append(join.matched());
    ids.append("");
    what.append("only before: " + before);
    count.append(join.onlyBefore());
    ids.append(String.join(", ", join.firstOnlyBefore()));
    what.append("only after: " + after);
    count.append(join.onlyAfter());
    ids.append(String.join(", ", join.firstOnlyAfter()));
    what.append("actual label changed");
    count.append(join.relabelled());
    ids.append(String.join(", ", join.firstRelabelled()));
    return Table.create("Examples joined by id", what, count, ids);
  }

  /**
   * Shows one row for all data and one per slice: each metric before and after (proportions as
   * percentages) and its change (percentage points), the discordant pairs and McNemar's p; then,
   * when ids did not all match, how they matched.
   */
  @Override
  public Presentation present() {
    Table t = toTable();
    Section s =
        Section.of(t)
            .with(ColumnKind.LABEL, slices.isEmpty() ? List.of() : slices.get(0).columns())
            .with(ColumnKind.COUNT, "n", "right → wrong", "wrong → right")
            .with(ColumnKind.P_VALUE, "McNemar p", "p (BH)");
    for (Metric m : metrics) {
      boolean proportion = m.isRate();
      s =
          s.with(
                  proportion ? ColumnKind.PROPORTION : ColumnKind.NUMBER,
                  m.label() + " before",
                  m.label() + " after")
              .with(proportion ? ColumnKind.PERCENTAGE_POINT : ColumnKind.NUMBER, m.label() + " Δ");
    }
    Presentation p = Presentation.of(s);
    return join.clean()
        ? p
        : p.then(
            Section.of(joinTable()).with(ColumnKind.COUNT, "count").with(ColumnKind.ID, "first ids"));
  }
}
