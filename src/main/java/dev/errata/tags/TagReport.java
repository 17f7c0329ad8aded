package dev.errata.tags;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.baseline.BaselineSource;
import dev.errata.baseline.BaselineValue;
import dev.errata.baseline.Baselines;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Says where to work next: per tag, examples, share of data, errors, share of errors, error rate,
 * accuracy, HLP, gap and potential gain (gap × share of data), sorted by potential gain, then an
 * "untagged" row and an "all data" row. Rates carry 95 % Wilson intervals.
 *
 * <p>Rows with equal potential gain (within 1e-9) share a rank and are ordered by share of data.
 * Without any baseline, nothing is ranked and tags are ordered by share of errors.
 *
 * @param title what the table covers
 * @param rows tag rows in priority order, then untagged, then all data
 * @param notes what building it reported (unmatched baseline categories, partial tags)
 */
public record TagReport(String title, List<TagRow> rows, List<String> notes) implements Presentable {

  /** Gains closer than this are a tie. */
  static final double TIE = 1e-9;

  public TagReport {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** Counts the per-tag table without baselines. */
  public static TagReport of(Tags tags) {
    return of(tags, Baselines.none());
  }

  /** Counts the per-tag table, measuring each gap against the first baseline that has a number. */
  public static TagReport of(Tags tags, Baselines baselines) {
    List<BaselineSource.Reference> refs = baselines.references();
    TagCounting.Counts c = TagCounting.count(tags, refs);
    List<String> names = new ArrayList<>(tags.names());
    names.addAll(Tags.RESERVED);
    List<TagRow> rows = new ArrayList<>();
    for (int r = 0; r < names.size(); r++) {
      TagRow.Kind kind =
          r < names.size() - 2 ? TagRow.Kind.TAG : r == names.size() - 2 ? TagRow.Kind.UNTAGGED : TagRow.Kind.ALL;
      rows.add(
          new TagRow(
              names.get(r),
              kind,
              c.examples()[r],
              c.errors()[r],
              c.known()[r],
              c.knownErrors()[r],
              resolve(names.get(r), r, baselines, refs, c),
              0));
    }
    List<String> notes = new ArrayList<>(tags.notes());
    notes.addAll(baselines.notes());
    notes.addAll(baselines.unmatched(names));
    TagRow all = rows.get(rows.size() - 1);
    Map<List<Double>, List<String>> partial = new LinkedHashMap<>();
    for (TagRow row : rows.subList(0, rows.size() - 2)) {
      if (row.known() < all.examples()) {
        partial.computeIfAbsent(List.of(row.known(), row.knownErrors()), k -> new ArrayList<>())
            .add(row.name());
      }
    }
    partial.forEach(
        (known, tagNames) ->
            notes.add(
                known.get(0).equals(known.get(1))
                    ? String.format(
                        Locale.ROOT,
                        "Tags %s are known for %,.0f of %,.0f examples (%,.0f of %,.0f errors):"
                            + " their shares are among those; %% of data, error rate and accuracy"
                            + " need tagged correct examples too (%%errors --correct same)",
                        tagNames,
                        known.get(0),
                        all.examples(),
                        known.get(1),
                        all.errors())
                    : String.format(
                        Locale.ROOT,
                        "Tags %s are known for %,.0f of %,.0f examples (%,.0f of %,.0f errors,"
                            + " %,.0f of %,.0f correct): every share is among those, an unbiased"
                            + " estimate when errors and correct examples were sampled at the"
                            + " same rate (%%errors --correct same)",
                        tagNames,
                        known.get(0),
                        all.examples(),
                        known.get(1),
                        all.errors(),
                        known.get(0) - known.get(1),
                        all.examples() - all.errors())));
    List<String> beating =
        rows.stream().filter(TagRow::beatsBaseline).map(TagRow::name).toList();
    if (!beating.isEmpty()) {
      notes.add(
          "The model beats its baseline on "
              + beating
              + " (negative gap): no potential gain is counted there (0), since there is no gap"
              + " to close");
    }
    String where = tags.whereExpression().map(w -> " where " + w).orElse("");
    String title =
        String.format(
            Locale.ROOT,
            "Errors by tag — %s%s: %,.0f examples, %,.0f errors; sorted by potential gain"
                + " (gap × %% of data); intervals 95 %% Wilson",
            tags.predictions().source(),
            where,
            all.examples(),
            all.errors());
    return new TagReport(title, rank(rows), notes);
  }

  private static Optional<BaselineValue> resolve(
      String name, int row, Baselines baselines, List<BaselineSource.Reference> refs, TagCounting.Counts c) {
    for (BaselineSource b : baselines.sources()) {
      if (b instanceof BaselineSource.Fixed f && f.matches(name)) {
        return Optional.of(BaselineValue.given(f));
      }
      if (b instanceof BaselineSource.Reference ref) {
        int r = refs.indexOf(ref);
        if (c.referenceKnown()[r][row] > 0) {
          return Optional.of(
              BaselineValue.measured(
                  ref, new Proportion(c.referenceCorrect()[r][row], c.referenceKnown()[r][row])));
        }
      }
    }
    return Optional.empty();
  }

  private static List<TagRow> rank(List<TagRow> rows) {
    List<TagRow> tags = new ArrayList<>(rows.subList(0, rows.size() - 2));
    Comparator<TagRow> byShare =
        Comparator.comparingDouble((TagRow r) -> -orZero(r.shareOfData().value()))
            .thenComparing(TagRow::name);
    boolean anyGain = tags.stream().anyMatch(r -> !Double.isNaN(r.potentialGain()));
    tags.sort(
        anyGain
            ? (a, b) -> {
              int byGain = compareGain(a.potentialGain(), b.potentialGain());
              return byGain != 0 ? byGain : byShare.compare(a, b);
            }
            : Comparator.comparingDouble((TagRow r) -> -orZero(r.shareOfErrors().value()))
                .thenComparing(byShare));
    List<TagRow> out = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < tags.size(); i++) {
      TagRow r = tags.get(i);
      if (Double.isNaN(r.potentialGain())) {
        out.add(r);
        continue;
      }
      if (i == 0 || compareGain(r.potentialGain(), tags.get(i - 1).potentialGain()) != 0) {
        rank = i + 1;
      }
      out.add(
          new TagRow(r.name(), r.kind(), r.examples(), r.errors(), r.known(), r.knownErrors(), r.baseline(), rank));
    }
    out.addAll(rows.subList(rows.size() - 2, rows.size()));
    return out;
  }

  /** Orders larger gains first, undefined last; gains within {@link #TIE} are equal. */
  private static int compareGain(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }
    return Math.abs(a - b) <= TIE ? 0 : Double.compare(b, a);
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  /** Returns the tag rows (without untagged and all data), in priority order. */
  public List<TagRow> tagRows() {
    return rows.subList(0, rows.size() - 2);
  }

  /** Returns the row of examples that carry no tag. */
  public TagRow untagged() {
    return rows.get(rows.size() - 2);
  }

  /** Returns the row of all examples. */
  public TagRow all() {
    return rows.get(rows.size() - 1);
  }

  /** Returns the row named {@code name}, or throws listing the rows. */
  public TagRow row(String name) {
    return rows.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No row \"" + name + "\"; rows are " + rows.stream().map(TagRow::name).toList()));
  }

  /** Returns the data for a chart of model accuracy vs HLP per tag, in this table's order. */
  public GapChartData gapChartData() {
    return GapChartData.of(this);
  }

  /**
   * Returns the table; percentages are in percent (94 means 94 %), the gap in percentage points,
   * and undefined values are NaN (shown as "undefined"). A "known for" column appears when some
   * tag is known only for part of the examples, "HLP low/high" when some baseline was measured,
   * "vs baseline" (saying "beats the baseline", potential gain 0) when the model is above some
   * row's baseline.
   */
  public Table toTable() {
    boolean partial = rows.stream().anyMatch(r -> r.known() < all().examples());
    StringColumn tag = StringColumn.create("tag");
    DoubleColumn examples = DoubleColumn.create("examples");
    DoubleColumn known = DoubleColumn.create("known for");
    DoubleColumn share = DoubleColumn.create("share of data");
    DoubleColumn errors = DoubleColumn.create("errors");
    DoubleColumn errShare = DoubleColumn.create("share of errors");
    DoubleColumn errShareLow = DoubleColumn.create("share of errors low");
    DoubleColumn errShareHigh = DoubleColumn.create("share of errors high");
    DoubleColumn errorRate = DoubleColumn.create("error rate");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    DoubleColumn accLow = DoubleColumn.create("accuracy low");
    DoubleColumn accHigh = DoubleColumn.create("accuracy high");
    DoubleColumn hlp = DoubleColumn.create("HLP");
    DoubleColumn hlpLow = DoubleColumn.create("HLP low");
    DoubleColumn hlpHigh = DoubleColumn.create("HLP high");
    DoubleColumn gap = DoubleColumn.create("gap to HLP");
    DoubleColumn gain = DoubleColumn.create("potential gain");
    IntColumn rank = IntColumn.create("rank");
    StringColumn baseline = StringColumn.create("baseline");
    for (TagRow r : rows) {
      tag.append(r.name());
      examples.append(r.examples());
      known.append(r.known());
      share.append(r.shareOfData().value());
      errors.append(r.errors());
      Interval es = r.shareOfErrors().wilson();
      errShare.append(r.shareOfErrors().value());
      errShareLow.append(es.lower());
      errShareHigh.append(es.upper());
      errorRate.append(r.errorRate().value());
      Interval a = r.accuracy().wilson();
      accuracy.append(r.accuracy().value());
      accLow.append(a.lower());
      accHigh.append(a.upper());
      Interval h = r.baseline().map(BaselineValue::interval).orElse(Interval.undefined(0.95));
      hlp.append(r.hlp());
      hlpLow.append(h.lower());
      hlpHigh.append(h.upper());
      gap.append(r.gap());
      gain.append(r.potentialGain());
      if (r.rank() > 0) {
        rank.append(r.rank());
      } else {
        rank.appendMissing();
      }
      baseline.append(r.baseline().map(b -> b.source() + support(b)).orElse(""));
    }
    Table t = Table.create(title, tag, examples);
    if (partial) {
      t.addColumns(known);
    }
    t.addColumns(share, errors, errShare, errShareLow, errShareHigh, errorRate, accuracy, accLow);
    t.addColumns(accHigh, hlp);
    boolean measured = rows.stream().anyMatch(r -> r.baseline().map(BaselineValue::isMeasured).orElse(false));
    if (measured) {
      t.addColumns(hlpLow, hlpHigh);
    }
    t.addColumns(gap, gain, rank, baseline);
    if (rows.stream().anyMatch(TagRow::beatsBaseline)) {
      StringColumn beats = StringColumn.create("vs baseline");
      rows.forEach(r -> beats.append(r.beatsBaseline() ? "beats the baseline" : ""));
      t.addColumns(beats);
    }
    return t;
  }

  private static String support(BaselineValue b) {
    return b.isMeasured() ? String.format(Locale.ROOT, ", n = %,.0f", b.support()) : "";
  }

  /**
   * Shows one row per tag: counts, shares and accuracy with their intervals, HLP, the gap to it and
   * the potential gain in percentage points, then the notes.
   */
  @Override
  public Presentation present() {
    Table t = toTable();
    Section s =
        Section.of(t)
            .with(ColumnKind.LABEL, "tag")
            .with(ColumnKind.COUNT, "examples", "errors")
            .with(ColumnKind.PROPORTION, "share of data", "share of errors", "error rate")
            .with(ColumnKind.PROPORTION, "accuracy", "HLP")
            .with(ColumnKind.PERCENTAGE_POINT, "gap to HLP", "potential gain")
            .with(ColumnKind.ID, "rank")
            .interval("share of errors", "share of errors low", "share of errors high")
            .interval("accuracy", "accuracy low", "accuracy high");
    if (t.columnNames().contains("known for")) {
      s = s.with(ColumnKind.COUNT, "known for");
    }
    if (t.columnNames().contains("HLP low")) {
      s = s.interval("HLP", "HLP low", "HLP high");
    }
    return Presentation.of(s).notes(notes);
  }
}
