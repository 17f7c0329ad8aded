package dev.errata.log;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What differs between run a and run b, diff-only by default: the parameters and provenance (code,
 * data, model) that differ, and the metrics and result-table cells whose value changed, with
 * per-slice deltas wherever both runs logged the same slice tables (as {@code Errata.log} does for
 * predictions with slice columns). Deltas are b − a; NaN (undefined) where either side has no
 * value. {@link #showingAll()} shows the unchanged rows too.
 *
 * @param a the first run
 * @param b the second run
 * @param params the parameters and provenance (commit, dirty, data, model) that differ
 * @param sameParams the parameters and provenance that are the same in both runs
 * @param metrics every metric of either run, changed or not
 * @param cells every numeric cell of the result tables both runs logged, changed or not
 * @param cellDiff the unified diff ({@code diff -u}) of the two runs' {@code %%experiment} cell
 *     sources, one line per element; empty when they are the same or a run has none
 * @param all whether the tables show unchanged rows too
 */
public record RunComparison(
    RunRecord a,
    RunRecord b,
    List<Difference> params,
    List<Difference> sameParams,
    List<Delta> metrics,
    List<CellDelta> cells,
    List<String> cellDiff,
    boolean all,
    java.util.Set<String> rates) implements Presentable {

  /** A parameter or provenance item of the two runs; empty where a run has none. */
  public record Difference(String name, Optional<Object> a, Optional<Object> b) {}

  /** A metric of either run. */
  public record Delta(String name, double a, double b) {
    /** Returns b − a. */
    public double delta() {
      return b - a;
    }

    /** Returns whether the value changed; two undefined (NaN) values are the same. */
    public boolean changed() {
      return Double.compare(a, b) != 0;
    }
  }

  /**
   * A numeric cell of a result table both runs logged. Rows are matched by the table's first text
   * column (the class, slice or tag), or by position when it has none.
   */
  public record CellDelta(String table, String row, String column, double a, double b) {
    /** Returns b − a. */
    public double delta() {
      return b - a;
    }

    /** Returns whether the value changed; two undefined (NaN) values are the same. */
    public boolean changed() {
      return Double.compare(a, b) != 0;
    }
  }

  /** Copies the lists. */
  public RunComparison {
    params = List.copyOf(params);
    sameParams = List.copyOf(sameParams);
    metrics = List.copyOf(metrics);
    cells = List.copyOf(cells);
    cellDiff = List.copyOf(cellDiff);
    rates = java.util.Set.copyOf(rates);
  }

  /** Compares two runs read with their result tables; the tables show only what changed. */
  public static RunComparison of(RunRecord a, RunRecord b) {
    return of(a, b, Optional.empty(), Optional.empty());
  }

  /**
   * Compares two runs read with their result tables and the sources of their {@code %%experiment}
   * cells (empty for a run without one): the cells differ by SHA-256 and a unified diff.
   */
  public static RunComparison of(
      RunRecord a, RunRecord b, Optional<String> cellA, Optional<String> cellB) {
    List<Difference> items = new ArrayList<>();
    for (String name : union(a.params().keySet(), b.params().keySet())) {
      items.add(
          new Difference(
              "params." + name,
              Optional.ofNullable(a.params().get(name)),
              Optional.ofNullable(b.params().get(name))));
    }
    items.add(item("commit", a.code().commit(), b.code().commit()));
    items.add(item("dirty", a.code().dirty(), b.code().dirty()));
    items.add(item("diff sha256", a.code().diffSha256(), b.code().diffSha256()));
    List<String> cellDiff = List.of();
    if (cellA.isPresent() || cellB.isPresent()) {
      items.add(
          new Difference(
              "cell sha256",
              cellA.map(RunComparison::sha),
              cellB.map(RunComparison::sha)));
      if (cellA.isPresent() && cellB.isPresent()) {
        cellDiff =
            LineDiff.unified(
                cellA.get(),
                cellB.get(),
                "run " + a.id() + " (" + a.name() + ") cell",
                "run " + b.id() + " (" + b.name() + ") cell");
      }
    }
    for (String name : union(names(a.datasets()), names(b.datasets()))) {
      items.add(new Difference("data " + name, data(a.datasets(), name), data(b.datasets(), name)));
    }
    items.add(item("model", models(a), models(b)));
    items.addAll(Versions.differences(a.environment(), b.environment()));
    List<Difference> differ = new ArrayList<>();
    List<Difference> same = new ArrayList<>();
    for (Difference d : items) {
      (Objects.equals(d.a(), d.b()) ? same : differ).add(d);
    }
    List<Delta> metrics = new ArrayList<>();
    for (String name : union(a.metrics().keySet(), b.metrics().keySet())) {
      metrics.add(
          new Delta(
              name,
              a.metrics().getOrDefault(name, Double.NaN),
              b.metrics().getOrDefault(name, Double.NaN)));
    }
    List<CellDelta> cells = new ArrayList<>();
    for (String table : a.tables().keySet()) {
      if (b.tables().containsKey(table)) {
        cells(table, a.tables().get(table), b.tables().get(table), cells);
      }
    }
    return new RunComparison(a, b, differ, same, metrics, cells, cellDiff, false, java.util.Set.of());
  }

  /** Parameters {@link #paramChanges()} names at most in each part; the params table has them all. */
  static final int LISTED = 8;

  /**
   * Returns the changed parameters in one line, or an empty string when none changed: those both
   * runs set ({@code trainer: LogisticRegressionTrainer → CARTClassificationTrainer}), then those
   * only run b sets ({@code added trainer.maxDepth = 6}), then those only run a set ({@code removed
   * trainer.epochs}). Provenance (commit, data, model) is left to the table.
   */
  public String paramChanges() {
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Difference d : params) {
      if (!d.name().startsWith("params.")) {
        continue;
      }
      String name = d.name().substring("params.".length());
      if (d.a().isPresent() && d.b().isPresent()) {
        changed.add(
            name
                + ": "
                + CompactRuns.param(d.a().get())
                + " → "
                + CompactRuns.param(d.b().get()));
      } else if (d.b().isPresent()) {
        added.add(name + " = " + CompactRuns.param(d.b().get()));
      } else {
        removed.add(name);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!changed.isEmpty()) {
      parts.add(listed("", changed, "; "));
    }
    if (!added.isEmpty()) {
      parts.add(listed("added ", added, ", "));
    }
    if (!removed.isEmpty()) {
      parts.add(listed("removed ", removed, ", "));
    }
    return parts.isEmpty() ? "" : "Changed params: " + String.join("; ", parts);
  }

  private static String listed(String what, List<String> items, String separator) {
    return what
        + String.join(separator, items.subList(0, Math.min(LISTED, items.size())))
        + (items.size() > LISTED ? separator + "and " + (items.size() - LISTED) + " more" : "");
  }

  /** Returns this comparison with its tables showing the unchanged rows too. */
  public RunComparison showingAll() {
    return new RunComparison(a, b, params, sameParams, metrics, cells, cellDiff, true, rates);
  }

  /**
   * Returns this comparison with the metrics (and result-table columns) whose names {@code isRate}
   * accepts read as percentages and their changes in percentage points: the log stores names and
   * numbers, the caller knows which names are rates.
   */
  public RunComparison readingRates(java.util.function.Predicate<String> isRate) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    metrics.forEach(d -> names.add(d.name()));
    cells.forEach(c -> names.add(c.column()));
    names.removeIf(isRate.negate());
    return new RunComparison(a, b, params, sameParams, metrics, cells, cellDiff, all, names);
  }

  /** Returns the first 8 hex digits of the SHA-256 of {@code text} (UTF-8). */
  private static String sha(String text) {
    java.security.MessageDigest d = Hashing.sha256();
    d.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return CompactRuns.shortSha(Hashing.hex(d));
  }

  /** Returns the metrics whose value changed. */
  public List<Delta> changedMetrics() {
    return metrics.stream().filter(Delta::changed).toList();
  }

  /** Returns the result-table cells whose value changed. */
  public List<CellDelta> changedCells() {
    return cells.stream().filter(CellDelta::changed).toList();
  }

  /** Returns how many unchanged rows (params, provenance, metrics, cells) the tables leave out. */
  public int hiddenRows() {
    return all
        ? 0
        : sameParams.size()
            + (metrics.size() - changedMetrics().size())
            + (cells.size() - changedCells().size());
  }

  /**
   * Returns the parameters and provenance that differ (all of them when {@link #all()}): name, run
   * a, run b, as text.
   */
  public Table paramsTable() {
    StringColumn name = StringColumn.create("differs");
    StringColumn x = StringColumn.create("run " + a.id());
    StringColumn y = StringColumn.create("run " + b.id());
    List<Difference> shown = new ArrayList<>(params);
    if (all) {
      shown.addAll(sameParams);
    }
    for (Difference d : shown) {
      name.append(d.name());
      x.append(d.a().map(CompactRuns::param).orElse("(none)"));
      y.append(d.b().map(CompactRuns::param).orElse("(none)"));
    }
    return Table.create(
        "run "
            + a.id()
            + " ("
            + a.name()
            + ") vs run "
            + b.id()
            + " ("
            + b.name()
            + "): "
            + (all ? "params and provenance" : "what differs"),
        name,
        x,
        y);
  }

  /**
   * Returns the metrics and table cells that changed (all of them when {@link #all()}) with their
   * deltas: table, row, value, run a, run b, delta. The title says how many rows are hidden.
   */
  public Table toTable() {
    StringColumn table = StringColumn.create("table");
    StringColumn row = StringColumn.create("row");
    StringColumn value = StringColumn.create("value");
    DoubleColumn x = DoubleColumn.create("run " + a.id());
    DoubleColumn y = DoubleColumn.create("run " + b.id());
    DoubleColumn delta = DoubleColumn.create("delta");
    for (Delta d : all ? metrics : changedMetrics()) {
      table.append("metrics");
      row.append("");
      value.append(d.name());
      x.append(d.a());
      y.append(d.b());
      delta.append(d.delta());
    }
    for (CellDelta c : all ? cells : changedCells()) {
      table.append(c.table());
      row.append(c.row());
      value.append(c.column());
      x.append(c.a());
      y.append(c.b());
      delta.append(c.delta());
    }
    int hidden = hiddenRows();
    String title =
        "run "
            + a.id()
            + " → run "
            + b.id()
            + ": "
            + (all ? "metric deltas" : "what changed")
            + (hidden > 0 ? " (" + hidden + " unchanged rows hidden; --all shows them)" : "");
    return Table.create(title, table, row, value, x, y, delta);
  }

  private static Difference item(String name, Object x, Object y) {
    return new Difference(name, Optional.of(x), Optional.of(y));
  }

  private static Set<String> names(List<Dataset> datasets) {
    Set<String> out = new LinkedHashSet<>();
    datasets.forEach(d -> out.add(d.name()));
    return out;
  }

  /** Returns data set {@code name} as its short hash, rows and columns, or empty if not logged. */
  private static Optional<Object> data(List<Dataset> datasets, String name) {
    return datasets.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .map(
            d ->
                CompactRuns.shortSha(d.sha256())
                    + (d.rows().isPresent()
                        ? ", "
                            + d.rows().getAsLong()
                            + " rows × "
                            + d.columns().getAsInt()
                            + " columns"
                        : ""));
  }

  private static String models(RunRecord r) {
    return r.models().isEmpty()
        ? "(none)"
        : String.join(
            ", ",
            r.models().stream()
                .map(
                    m ->
                        java.nio.file.Path.of(m.path()).getFileName()
                            + " "
                            + CompactRuns.shortSha(m.sha256()))
                .toList());
  }

  private static void cells(String name, ResultTable ta, ResultTable tb, List<CellDelta> out) {
    Map<String, Integer> rowsA = keys(ta);
    Map<String, Integer> rowsB = keys(tb);
    for (ResultTable.ResultColumn ca : ta.columns()) {
      if (!ca.numeric()) {
        continue;
      }
      Optional<ResultTable.ResultColumn> cb =
          tb.columns().stream().filter(c -> c.numeric() && c.name().equals(ca.name())).findFirst();
      if (cb.isEmpty()) {
        continue;
      }
      for (String key : union(rowsA.keySet(), rowsB.keySet())) {
        Integer ra = rowsA.get(key);
        Integer rb = rowsB.get(key);
        out.add(new CellDelta(name, key, ca.name(), ra == null ? Double.NaN : ca.number(ra),
            rb == null ? Double.NaN : cb.get().number(rb)));
      }
    }
  }

  /** Returns row keys: the first text column's values, or row numbers when there is none. */
  private static Map<String, Integer> keys(ResultTable t) {
    Optional<ResultTable.ResultColumn> key = t.columns().stream().filter(c -> !c.numeric()).findFirst();
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int r = 0; r < t.rows(); r++) {
      out.putIfAbsent(key.isPresent() ? key.get().text(r) : Integer.toString(r), r);
    }
    return out;
  }

  private static Set<String> union(Set<String> x, Set<String> y) {
    Set<String> all = new LinkedHashSet<>(x);
    all.addAll(y);
    return all;
  }

  /**
   * Shows what differs: parameters and provenance exactly as logged (with the changes in one
   * line), then the metric and table-cell deltas as the numbers logged, then the diff of the two
   * runs' {@code %%experiment} cells when they differ.
   */
  @Override
  public Presentation present() {
    return present(rates::contains);
  }

  /**
   * Returns {@link #present()} with the deltas of the metrics (and table columns) whose names
   * {@code isRate} accepts shown as percentages and their changes in percentage points: the log
   * stores names and numbers, the caller knows which names are rates.
   */
  public Presentation present(java.util.function.Predicate<String> isRate) {
    Table params = paramsTable();
    Presentation p =
        Presentation.of(
            Section.of(params)
                .with(ColumnKind.LABEL, "differs")
                .with(ColumnKind.PARAMETER, params.column(1).name(), params.column(2).name()));
    String changes = paramChanges();
    if (!changes.isEmpty()) {
      p = p.notes(List.of(changes));
    }
    Table deltas = toTable();
    List<ColumnKind> values = new ArrayList<>();
    List<ColumnKind> changesKinds = new ArrayList<>();
    for (int r = 0; r < deltas.rowCount(); r++) {
      boolean rate = isRate.test(deltas.stringColumn("value").get(r));
      values.add(rate ? ColumnKind.PROPORTION : ColumnKind.NUMBER);
      changesKinds.add(rate ? ColumnKind.PERCENTAGE_POINT : ColumnKind.NUMBER);
    }
    p =
        p.then(
            Section.of(deltas)
                .with(ColumnKind.LABEL, "table", "row", "value")
                .byRow(deltas.column(3).name(), values)
                .byRow(deltas.column(4).name(), values)
                .byRow("delta", changesKinds));
    return cellDiff().isEmpty()
        ? p
        : p.then(
            new Presentation.Block(
                "The %%experiment cells differ:", String.join("\n", cellDiff())));
  }
}
