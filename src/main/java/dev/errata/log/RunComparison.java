package dev.errata.log;

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
 * What differs between run a and run b: parameters and provenance (only those that differ), every
 * metric with its delta, and, for each result table both logged, every numeric cell with its
 * delta. Deltas are b − a; NaN (undefined) where either side has no value.
 *
 * @param a the first run
 * @param b the second run
 * @param params the parameters and provenance (commit, dirty, data, model) that differ
 * @param metrics every metric of either run
 * @param cells every numeric cell of the result tables both runs logged
 */
public record RunComparison(
    RunRecord a, RunRecord b, List<Difference> params, List<Delta> metrics, List<CellDelta> cells) {

  /** A parameter or provenance item that differs; empty where a run has none. */
  public record Difference(String name, Optional<Object> a, Optional<Object> b) {}

  /** A metric in both runs. */
  public record Delta(String name, double a, double b) {
    /** Returns b − a. */
    public double delta() {
      return b - a;
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
  }

  /** Copies the lists. */
  public RunComparison {
    params = List.copyOf(params);
    metrics = List.copyOf(metrics);
    cells = List.copyOf(cells);
  }

  /** Compares two runs read with their result tables. */
  public static RunComparison of(RunRecord a, RunRecord b) {
    List<Difference> params = new ArrayList<>();
    for (String name : union(a.params().keySet(), b.params().keySet())) {
      Object x = a.params().get(name);
      Object y = b.params().get(name);
      if (!Objects.equals(x, y)) {
        params.add(new Difference("params." + name, Optional.ofNullable(x), Optional.ofNullable(y)));
      }
    }
    differ(params, "commit", a.code().commit(), b.code().commit());
    differ(params, "dirty", a.code().dirty(), b.code().dirty());
    differ(params, "diff sha256", a.code().diffSha256(), b.code().diffSha256());
    differ(params, "data sha256", a.datasets().stream().map(Dataset::sha256).toList(),
        b.datasets().stream().map(Dataset::sha256).toList());
    differ(params, "model sha256", a.models().stream().map(ModelFile::sha256).toList(),
        b.models().stream().map(ModelFile::sha256).toList());
    List<Delta> metrics = new ArrayList<>();
    for (String name : union(a.metrics().keySet(), b.metrics().keySet())) {
      metrics.add(new Delta(name, a.metrics().getOrDefault(name, Double.NaN),
          b.metrics().getOrDefault(name, Double.NaN)));
    }
    List<CellDelta> cells = new ArrayList<>();
    for (String table : a.tables().keySet()) {
      if (b.tables().containsKey(table)) {
        cells(table, a.tables().get(table), b.tables().get(table), cells);
      }
    }
    return new RunComparison(a, b, params, metrics, cells);
  }

  /** Returns the differing parameters and provenance: name, run a, run b (as text). */
  public Table paramsTable() {
    StringColumn name = StringColumn.create("differs");
    StringColumn x = StringColumn.create("run " + a.id());
    StringColumn y = StringColumn.create("run " + b.id());
    for (Difference d : params) {
      name.append(d.name());
      x.append(d.a().map(Object::toString).orElse("(none)"));
      y.append(d.b().map(Object::toString).orElse("(none)"));
    }
    return Table.create("run " + a.id() + " (" + a.name() + ") vs run " + b.id() + " (" + b.name() + "): what differs", name, x, y);
  }

  /** Returns metrics and table cells with their deltas: table, row, value, run a, run b, delta. */
  public Table toTable() {
    StringColumn table = StringColumn.create("table");
    StringColumn row = StringColumn.create("row");
    StringColumn value = StringColumn.create("value");
    DoubleColumn x = DoubleColumn.create("run " + a.id());
    DoubleColumn y = DoubleColumn.create("run " + b.id());
    DoubleColumn delta = DoubleColumn.create("delta");
    for (Delta d : metrics) {
      table.append("metrics");
      row.append("");
      value.append(d.name());
      x.append(d.a());
      y.append(d.b());
      delta.append(d.delta());
    }
    for (CellDelta c : cells) {
      table.append(c.table());
      row.append(c.row());
      value.append(c.column());
      x.append(c.a());
      y.append(c.b());
      delta.append(c.delta());
    }
    return Table.create("run " + a.id() + " → run " + b.id() + ": metric deltas", table, row, value, x, y, delta);
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

  private static void differ(List<Difference> out, String name, Object x, Object y) {
    if (!Objects.equals(x, y)) {
      out.add(new Difference(name, Optional.of(x), Optional.of(y)));
    }
  }

  private static Set<String> union(Set<String> x, Set<String> y) {
    Set<String> all = new LinkedHashSet<>(x);
    all.addAll(y);
    return all;
  }
}
