package dev.errata.compare;

import dev.errata.load.ColumnCodes;
import dev.errata.load.Labels;
import dev.errata.load.PairedCounts;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.significance.BenjaminiHochberg;
import dev.errata.metrics.Metric;
import dev.errata.slices.Slice;
import dev.errata.slices.SliceReport;
import dev.errata.slices.Slices;
import dev.errata.tags.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Compares two runs on the same examples, joined by id; an option bag: {@code Compare.runs(before,
 * after).by("device").report()}.
 *
 * <p>Each run is measured with its own labels; examples present in only one run are reported and
 * left out. Weights are not used: the comparison counts paired examples. Two runs whose rows are
 * Datasets of one SparkSession are joined and counted in Spark ({@link PairedCounts}), so only
 * counts and the first few unmatched ids come back; other runs (and comparisons by tags) are joined
 * in memory, with the same result.
 */
public final class Compare {

  // Column names of the joined table; unlikely to collide with a user's slice column.
  private static final String BEFORE_ACTUAL = "errata:before:actual";
  private static final String BEFORE_PREDICTED = "errata:before:predicted";
  private static final String AFTER_ACTUAL = "errata:after:actual";
  private static final String AFTER_PREDICTED = "errata:after:predicted";
  private static final String BEFORE_OUTCOME = "errata:before:outcome";
  private static final String AFTER_OUTCOME = "errata:after:outcome";
  static final String RIGHT = PairedCounts.RIGHT;
  static final String WRONG = PairedCounts.WRONG;

  private final Predictions before;
  private final Predictions after;
  private List<String> columns = List.of();
  private int minSupport = Slices.DEFAULT_MIN_SUPPORT;
  private List<Metric> metrics;
  private Tags tags;

  private Compare(Predictions before, Predictions after) {
    this.before = before;
    this.after = after;
  }

  /** Starts comparing run {@code before} with run {@code after}; both need an id column. */
  public static Compare runs(Predictions before, Predictions after) {
    return new Compare(before, after);
  }

  /** Compares slice by slice: one column, or the intersection of two or three. */
  public Compare by(String... columns) {
    this.columns = List.of(columns);
    return this;
  }

  /** Compares slice by slice: one column, or the intersection of two or three. */
  public Compare by(List<String> columns) {
    this.columns = List.copyOf(columns);
    return this;
  }

  /**
   * Compares tag by tag instead of slice by slice: one row per tag (or tag expression) of {@code
   * tags}, which must be made from the {@code before} run's predictions. A tag's rows may overlap.
   */
  public Compare byTags(Tags tags) {
    this.tags = tags;
    return this;
  }

  /** Flags slices with fewer paired examples than {@code n} (default 30). */
  public Compare minSupport(int n) {
    this.minSupport = n;
    return this;
  }

  /** Chooses the metrics compared (default: accuracy, error rate, precision, recall, F1). */
  public Compare metrics(Metric... metrics) {
    this.metrics = List.of(metrics);
    return this;
  }

  /** Joins the runs by id, counts every slice and tests each slice with McNemar's exact test. */
  public ModelComparison report() {
    if (tags != null && !columns.isEmpty()) {
      throw new IllegalArgumentException(
          "Compare either by columns " + columns + " or by tags, not both; make two comparisons");
    }
    String beforeId = requireId(before);
    String afterId = requireId(after);
    if (tags == null) {
      // Both runs in one engine (Spark): join and count there, only counts come back.
      java.util.Optional<PairedCounts> counted =
          PairedCounts.byId(
              before,
              after,
              columns,
              joinedName(),
              List.of(BEFORE_ACTUAL, BEFORE_PREDICTED, AFTER_ACTUAL, AFTER_PREDICTED),
              Join.SHOWN);
      if (counted.isPresent()) {
        return report(counted.get(), beforeId, afterId);
      }
    }
    ColumnCodes afterIds = after.codes(afterId);
    IdJoin join = IdJoin.of(before.codes(beforeId), afterIds);
    if (join.matched() == 0) {
      throw noCommonId(beforeId, afterId, join.leftOnly(), join.rightOnly());
    }
    Table joined = joinedTable(join, afterIds);
    List<String> relabelled = new ArrayList<>();
    StringColumn a1 = joined.stringColumn(BEFORE_ACTUAL);
    StringColumn a2 = joined.stringColumn(AFTER_ACTUAL);
    for (int i = 0; i < joined.rowCount(); i++) {
      if (!a1.get(i).equals(a2.get(i))) {
        relabelled.add(afterIds.values().get(afterIds.code(join.right()[i])));
      }
    }
    Predictions p1 = load(joined, BEFORE_ACTUAL, BEFORE_PREDICTED, before);
    Predictions p2 = load(joined, AFTER_ACTUAL, AFTER_PREDICTED, after);
    Predictions paired = load(joined, BEFORE_OUTCOME, AFTER_OUTCOME, null);
    List<Metric> chosen = metrics != null ? metrics : Slices.defaultMetrics(before);
    ConfusionMatrix all1 = ConfusionMatrix.of(p1);
    ConfusionMatrix all2 = ConfusionMatrix.of(p2);
    for (Metric m : chosen) {
      // Fails early, naming the class, when a metric asks for a class neither run knows.
      m.value(all1);
      m.value(all2);
    }
    SliceDelta overall =
        new SliceDelta(
            List.of(), List.of(), all1, all2, outcomes(ConfusionMatrix.of(paired)), Double.NaN);
    List<SliceDelta> slices =
        tags != null
            ? tagDeltas(join, p1, p2, paired)
            : columns.isEmpty() ? List.of() : slices(p1, p2, paired);
    Join summary =
        new Join(
            join.matched(),
            join.leftOnly().size(),
            first(join.leftOnly()),
            join.rightOnly().size(),
            first(join.rightOnly()),
            relabelled.size(),
            first(relabelled));
    return new ModelComparison(
        describe(before), describe(after), chosen, overall, slices, minSupport, summary);
  }

  /** Returns the error for two runs that share no id, naming the first ids of each. */
  private IllegalArgumentException noCommonId(
      String beforeId, String afterId, List<String> onlyBefore, List<String> onlyAfter) {
    return new IllegalArgumentException(
        "No id of "
            + before.source()
            + " (column \""
            + beforeId
            + "\") appears in "
            + after.source()
            + " (column \""
            + afterId
            + "\"); first ids "
            + onlyBefore.stream().limit(3).toList()
            + " and "
            + onlyAfter.stream().limit(3).toList());
  }

  /**
   * Builds the comparison from counts an engine made of the joined runs: the same checks, slices
   * (occupied cells, in value order), tests and join summary as joining in memory.
   */
  private ModelComparison report(PairedCounts c, String beforeId, String afterId) {
    if (c.matched() == 0) {
      throw noCommonId(beforeId, afterId, c.firstOnlyBefore(), c.firstOnlyAfter());
    }
    List<Metric> chosen = metrics != null ? metrics : Slices.defaultMetrics(before);
    ConfusionMatrix all1 = new ConfusionMatrix(c.before().labels(), c.before().total());
    ConfusionMatrix all2 = new ConfusionMatrix(c.after().labels(), c.after().total());
    for (Metric m : chosen) {
      m.value(all1);
      m.value(all2);
    }
    SliceDelta overall =
        new SliceDelta(
            List.of(),
            List.of(),
            all1,
            all2,
            outcomes(new ConfusionMatrix(c.outcomes().labels(), c.outcomes().total())),
            Double.NaN);
    List<SliceDelta> slices = new ArrayList<>();
    if (!columns.isEmpty()) {
      List<List<String>> values = new ArrayList<>();
      List<ConfusionMatrix[]> counts = new ArrayList<>();
      List<SliceDelta.Outcomes> outcomes = new ArrayList<>();
      for (int cell = 0; cell < c.before().cells(); cell++) {
        double[] cm = c.before().confusion(cell);
        if (java.util.Arrays.stream(cm).sum() > 0) {
          values.add(c.before().cellValues(cell));
          counts.add(
              new ConfusionMatrix[] {
                new ConfusionMatrix(c.before().labels(), cm),
                new ConfusionMatrix(c.after().labels(), c.after().confusion(cell))
              });
          outcomes.add(
              outcomes(new ConfusionMatrix(c.outcomes().labels(), c.outcomes().confusion(cell))));
        }
      }
      double[] adjusted =
          BenjaminiHochberg.adjust(outcomes.stream().mapToDouble(o -> o.mcnemar().p()).toArray());
      for (int i = 0; i < values.size(); i++) {
        slices.add(
            new SliceDelta(
                columns, values.get(i), counts.get(i)[0], counts.get(i)[1], outcomes.get(i),
                adjusted[i]));
      }
    }
    Join summary =
        new Join(
            c.matched(),
            c.onlyBefore(),
            c.firstOnlyBefore(),
            c.onlyAfter(),
            c.firstOnlyAfter(),
            c.relabelled(),
            c.firstRelabelled());
    return new ModelComparison(
        describe(before), describe(after), chosen, overall, slices, minSupport, summary);
  }

  private String joinedName() {
    return before.source() + " ⋈ " + after.source();
  }

  private List<SliceDelta> tagDeltas(
      IdJoin join, Predictions p1, Predictions p2, Predictions paired) {
    if (tags.predictions() != before) {
      throw new IllegalArgumentException(
          "Tags for a comparison must be made from the \"before\" run, "
              + describe(before)
              + "; these are tags of "
              + describe(tags.predictions()));
    }
    int[] joinedRow = new int[before.size()];
    Arrays.fill(joinedRow, -1);
    for (int i = 0; i < join.left().length; i++) {
      joinedRow[join.left()[i]] = i;
    }
    List<ConfusionMatrix[]> counts = new ArrayList<>();
    List<SliceDelta.Outcomes> outcomes = new ArrayList<>();
    for (String name : tags.names()) {
      int[] rows =
          Arrays.stream(tags.rows(name)).map(r -> joinedRow[r]).filter(r -> r >= 0).toArray();
      counts.add(new ConfusionMatrix[] {subset(p1, rows), subset(p2, rows)});
      outcomes.add(outcomes(subset(paired, rows)));
    }
    double[] adjusted =
        BenjaminiHochberg.adjust(outcomes.stream().mapToDouble(o -> o.mcnemar().p()).toArray());
    List<SliceDelta> out = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      out.add(
          new SliceDelta(
              List.of("tag"),
              List.of(tags.names().get(i)),
              counts.get(i)[0],
              counts.get(i)[1],
              outcomes.get(i),
              adjusted[i]));
    }
    return out;
  }

  /** Counts actual × predicted over {@code rows} of {@code p} only, through the counting seam. */
  private static ConfusionMatrix subset(Predictions p, int[] rows) {
    java.util.BitSet set = new java.util.BitSet(p.size());
    for (int r : rows) {
      set.set(r);
    }
    return new ConfusionMatrix(p.labels(), p.counts(set));
  }

  private List<SliceDelta> slices(Predictions p1, Predictions p2, Predictions paired) {
    SliceReport r1 = Slices.of(p1).by(columns).report();
    SliceReport r2 = Slices.of(p2).by(columns).report();
    SliceReport rp = Slices.of(paired).by(columns).metrics(Metric.accuracy()).report();
    List<SliceDelta.Outcomes> outcomes = new ArrayList<>();
    for (Slice s : rp.slices()) {
      outcomes.add(outcomes(s.counts()));
    }
    double[] adjusted =
        BenjaminiHochberg.adjust(outcomes.stream().mapToDouble(o -> o.mcnemar().p()).toArray());
    List<SliceDelta> out = new ArrayList<>();
    for (int i = 0; i < rp.slices().size(); i++) {
      Slice s1 = r1.slices().get(i);
      Slice s2 = r2.slices().get(i);
      out.add(
          new SliceDelta(
              s1.columns(), s1.values(), s1.counts(), s2.counts(), outcomes.get(i), adjusted[i]));
    }
    return out;
  }

  /** Reads the paired outcomes from a before × after matrix of "right"/"wrong" labels. */
  static SliceDelta.Outcomes outcomes(ConfusionMatrix m) {
    Labels labels = m.labels();
    int right = labels.code(RIGHT).orElse(-1);
    int wrong = labels.code(WRONG).orElse(-1);
    return new SliceDelta.Outcomes(
        count(m, right, right),
        count(m, right, wrong),
        count(m, wrong, right),
        count(m, wrong, wrong));
  }

  private static long count(ConfusionMatrix m, int actual, int predicted) {
    return actual < 0 || predicted < 0 ? 0 : Math.round(m.count(actual, predicted));
  }

  private Table joinedTable(IdJoin join, ColumnCodes afterIds) {
    Table t = Table.create(joinedName());
    for (String c : columns) {
      Predictions from = before.columnNames().contains(c) ? before : after;
      int[] rows = from == before ? join.left() : join.right();
      ColumnCodes codes = from.codes(c);
      StringColumn col = StringColumn.create(c);
      for (int r : rows) {
        col.append(codes.values().get(codes.code(r)));
      }
      t.addColumns(col);
    }
    t.addColumns(
        labels(BEFORE_ACTUAL, before, join.left(), true),
        labels(BEFORE_PREDICTED, before, join.left(), false),
        labels(AFTER_ACTUAL, after, join.right(), true),
        labels(AFTER_PREDICTED, after, join.right(), false),
        outcome(BEFORE_OUTCOME, before, join.left()),
        outcome(AFTER_OUTCOME, after, join.right()));
    return t;
  }

  private static StringColumn labels(String name, Predictions p, int[] rows, boolean actual) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = p.labels().name(actual ? p.actual(rows[i]) : p.predicted(rows[i]));
    }
    return StringColumn.create(name, out);
  }

  private static StringColumn outcome(String name, Predictions p, int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = p.actual(rows[i]) == p.predicted(rows[i]) ? RIGHT : WRONG;
    }
    return StringColumn.create(name, out);
  }

  private static Predictions load(Table t, String actual, String predicted, Predictions like) {
    PredictionsReader reader = PredictionsReader.fromTable(t).actual(actual).predicted(predicted);
    if (like != null) {
      like.roles().positive().ifPresent(reader::positive);
    }
    return reader.load();
  }

  private String requireId(Predictions p) {
    for (String c : columns) {
      if (!before.columnNames().contains(c) && !after.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            "No column \""
                + c
                + "\" in "
                + before.source()
                + " or "
                + after.source()
                + "; columns are "
                + before.columnNames());
      }
    }
    return p.roles()
        .id()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Comparing runs joins examples by id, but "
                        + p.source()
                        + " has no id column; read it with .id(\"column\") (magic: --id COL);"
                        + " columns are "
                        + p.columnNames()));
  }

  /** Returns a run as "source (predicted column)", which tells two runs in one file apart. */
  static String describe(Predictions p) {
    return p.source() + " (" + p.roles().predicted() + ")";
  }

  private static List<String> first(List<String> ids) {
    return ids.subList(0, Math.min(Join.SHOWN, ids.size()));
  }
}
