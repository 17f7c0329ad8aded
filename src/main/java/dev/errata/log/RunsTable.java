package dev.errata.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Lays runs out one per row. Parameters become {@code params.NAME} columns typed by their values
 * (long, double when longs and doubles mix, boolean, else text); metrics become {@code
 * metrics.NAME} double columns. A run without that parameter or metric has a missing cell.
 */
final class RunsTable {

  private static final double MB = 1024.0 * 1024.0;

  private RunsTable() {}

  static Table of(List<RunRecord> runs) {
    int n = runs.size();
    LongColumn id = LongColumn.create("id");
    StringColumn name = StringColumn.create("name");
    StringColumn status = StringColumn.create("status");
    InstantColumn started = InstantColumn.create("started");
    DoubleColumn seconds = DoubleColumn.create("seconds");
    DoubleColumn peak = DoubleColumn.create("peak heap MB");
    StringColumn commit = StringColumn.create("commit");
    BooleanColumn dirty = BooleanColumn.create("dirty");
    StringColumn diff = StringColumn.create("diff sha256");
    StringColumn data = StringColumn.create("data");
    StringColumn dataSha = StringColumn.create("data sha256");
    StringColumn model = StringColumn.create("model");
    StringColumn modelSha = StringColumn.create("model sha256");
    StringColumn labels = StringColumn.create("labels");
    StringColumn notes = StringColumn.create("notes");
    StringColumn message = StringColumn.create("message");
    StringColumn jdk = StringColumn.create("jdk");
    StringColumn host = StringColumn.create("host");
    LongColumn cpus = LongColumn.create("cpus");
    DoubleColumn maxHeap = DoubleColumn.create("max heap MB");
    for (RunRecord r : runs) {
      id.append(r.id());
      name.append(r.name());
      status.append(r.status().word());
      started.append(r.started());
      seconds.append(r.usage().map(u -> u.wallMillis() / 1000.0).orElse(Double.NaN));
      peak.append(r.usage().map(u -> u.peakHeapBytes() / MB).orElse(Double.NaN));
      commit.append(r.code().commit());
      if (r.code().known()) {
        dirty.append(r.code().dirty());
      } else {
        dirty.appendMissing();
      }
      diff.append(r.code().diffSha256());
      data.append(join(r.datasets().stream().map(Dataset::name).toList(), ", "));
      dataSha.append(join(r.datasets().stream().map(Dataset::sha256).toList(), ", "));
      model.append(join(r.models().stream().map(ModelFile::path).toList(), ", "));
      modelSha.append(join(r.models().stream().map(ModelFile::sha256).toList(), ", "));
      labels.append(join(r.labels(), ", "));
      notes.append(join(r.notes(), " | "));
      message.append(r.message());
      jdk.append(r.environment().jdk());
      host.append(r.environment().host());
      cpus.append(r.environment().cpus());
      maxHeap.append(r.environment().maxHeapBytes() / MB);
    }
    Table t = Table.create("runs", id, name, status, started, seconds, peak, commit, dirty, diff,
        data, dataSha, model, modelSha, labels, notes, message, jdk, host, cpus, maxHeap);
    for (Map.Entry<String, List<Object>> p : byName(runs, true).entrySet()) {
      t.addColumns(paramColumn("params." + p.getKey(), p.getValue()));
    }
    for (Map.Entry<String, List<Object>> m : byName(runs, false).entrySet()) {
      DoubleColumn c = DoubleColumn.create("metrics." + m.getKey(), n);
      for (int i = 0; i < n; i++) {
        Object v = m.getValue().get(i);
        c.set(i, v == null ? Double.NaN : (Double) v);
      }
      t.addColumns(c);
    }
    return t;
  }

  /** Returns, per name in first-seen order, each run's value (null where it has none). */
  private static Map<String, List<Object>> byName(List<RunRecord> runs, boolean params) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<String, ?> values = params ? runs.get(i).params() : runs.get(i).metrics();
      for (Map.Entry<String, ?> e : values.entrySet()) {
        List<Object> column = out.computeIfAbsent(e.getKey(), k -> nulls(runs.size()));
        column.set(i, e.getValue());
      }
    }
    return out;
  }

  private static Column<?> paramColumn(String name, List<Object> values) {
    boolean longs = values.stream().allMatch(v -> v == null || v instanceof Long);
    boolean numbers = values.stream().allMatch(v -> v == null || v instanceof Number);
    boolean bools = values.stream().allMatch(v -> v == null || v instanceof Boolean);
    if (longs) {
      LongColumn c = LongColumn.create(name);
      values.forEach(v -> {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append((Long) v);
        }
      });
      return c;
    }
    if (numbers) {
      DoubleColumn c = DoubleColumn.create(name);
      values.forEach(v -> c.append(v == null ? Double.NaN : ((Number) v).doubleValue()));
      return c;
    }
    if (bools) {
      BooleanColumn c = BooleanColumn.create(name);
      values.forEach(v -> {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append((Boolean) v);
        }
      });
      return c;
    }
    StringColumn c = StringColumn.create(name);
    values.forEach(v -> c.append(v == null ? "" : v.toString()));
    return c;
  }

  private static List<Object> nulls(int n) {
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(null);
    }
    return list;
  }

  private static String join(List<String> parts, String sep) {
    return parts.stream().collect(Collectors.joining(sep));
  }
}
