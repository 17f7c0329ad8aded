package dev.errata.slices;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import dev.errata.significance.BenjaminiHochberg;
import dev.errata.significance.ProportionTests;
import dev.errata.significance.TestResult;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The slices discovery found, best first, with how the search went.
 *
 * @param source where the predictions came from
 * @param columns the columns searched
 * @param rows the number of examples
 * @param errors the number of wrong predictions
 * @param alpha the weight of error lift against size in the score
 * @param minSupport the smallest slice considered
 * @param maxPredicates the most predicates in a slice
 * @param slices the best slices, highest score first (only positive scores)
 * @param possible every conjunction of up to {@code maxPredicates} predicates over the columns
 * @param evaluated slices scored
 * @param pruned counted slices not scored: too small, without errors, the same rows as a parent, or
 *     unable to beat the top scores (the rest of {@code possible} had a parent pruned)
 * @param setsCounted column sets counted in a pass over the rows
 * @param notes what the search left out and why
 */
public record DiscoveryReport(
    String source,
    List<String> columns,
    long rows,
    long errors,
    double alpha,
    int minSupport,
    int maxPredicates,
    List<FoundSlice> slices,
    long possible,
    long evaluated,
    long pruned,
    long setsCounted,
    List<String> notes) implements Presentable {

  public DiscoveryReport {
    columns = List.copyOf(columns);
    slices = List.copyOf(slices);
    notes = List.copyOf(notes);
  }

  /** Returns the overall error rate. */
  public double errorRate() {
    return rows == 0 ? Double.NaN : (double) errors / rows;
  }

  /**
   * Tests each slice's error rate against the rest of the data (z test, Fisher's exact test when an
   * expected count is below 5).
   */
  public List<TestResult> tests() {
    return slices.stream()
        .map(
            s ->
                ProportionTests.compare(s.errors(), s.size(), errors - s.errors(), rows - s.size()))
        .toList();
  }

  /** Returns the p-values of {@link #tests()}, Benjamini–Hochberg adjusted across the slices. */
  public double[] adjustedP() {
    return BenjaminiHochberg.adjust(tests().stream().mapToDouble(TestResult::p).toArray());
  }

  /**
   * Returns one row per slice: rank, slice, predicates, n, share of data, errors, error rate with
   * its 95 % Wilson interval, lift over the overall error rate, score, test, p and adjusted p.
   */
  public Table toTable() {
    IntColumn rank = IntColumn.create("rank");
    StringColumn slice = StringColumn.create("slice");
    IntColumn predicates = IntColumn.create("predicates");
    DoubleColumn n = DoubleColumn.create("n");
    DoubleColumn share = DoubleColumn.create("share of data");
    DoubleColumn wrong = DoubleColumn.create("errors");
    DoubleColumn rate = DoubleColumn.create("error rate");
    DoubleColumn low = DoubleColumn.create("error rate low");
    DoubleColumn high = DoubleColumn.create("error rate high");
    DoubleColumn lift = DoubleColumn.create("lift");
    DoubleColumn score = DoubleColumn.create("score");
    StringColumn test = StringColumn.create("test");
    DoubleColumn p = DoubleColumn.create("p");
    DoubleColumn adjusted = DoubleColumn.create("p (BH)");
    List<TestResult> tests = tests();
    double[] adj = adjustedP();
    for (int i = 0; i < slices.size(); i++) {
      FoundSlice s = slices.get(i);
      Interval ci = new Proportion(s.errors(), s.size()).wilson();
      rank.append(i + 1);
      slice.append(s.describe());
      predicates.append(s.columns().size());
      n.append(s.size());
      share.append((double) s.size() / rows);
      wrong.append(s.errors());
      rate.append(s.errorRate());
      low.append(ci.lower());
      high.append(ci.upper());
      lift.append(s.errorRate() / errorRate());
      score.append(s.score());
      test.append(tests.get(i).test());
      p.append(tests.get(i).p());
      adjusted.append(adj[i]);
    }
    return Table.create(
        String.format(
            Locale.ROOT,
            "Slices with the most errors in %s (error rate %.1f %% overall): SliceLine score,"
                + " α = %s, n ≥ %d, up to %d predicates over %d columns",
            source,
            errorRate() * 100,
            alpha,
            minSupport,
            maxPredicates,
            columns.size()),
        rank,
        slice,
        predicates,
        n,
        share,
        wrong,
        rate,
        low,
        high,
        lift,
        score,
        test,
        p,
        adjusted);
  }

  /** Shows the slices found, ranked, with their error rates and tests, then the search's notes. */
  @Override
  public Presentation present() {
    List<String> all = new java.util.ArrayList<>(notes);
    all.add(
        String.format(
            java.util.Locale.ROOT,
            "Scored %,d of %,d possible slices; %,d column sets counted.",
            evaluated,
            possible,
            setsCounted));
    return Presentation.of(
            Section.of(toTable())
                .with(ColumnKind.ID, "rank")
                .with(ColumnKind.LABEL, "slice")
                .with(ColumnKind.COUNT, "predicates", "n", "errors")
                .with(ColumnKind.PROPORTION, "share of data", "error rate")
                .interval("error rate", "error rate low", "error rate high")
                .with(ColumnKind.P_VALUE, "p", "p (BH)"))
        .notes(all);
  }
}
