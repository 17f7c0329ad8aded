package dev.errata.log;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Lays one run out as a two-column table of field and value, for showing a run on its own. */
final class RunRecordTable {

  private RunRecordTable() {}

  static Table of(RunRecord r) {
    StringColumn field = StringColumn.create("field");
    StringColumn value = StringColumn.create("value");
    put(field, value, "id", r.id() == 0 ? "0 (not saved)" : Long.toString(r.id()));
    put(field, value, "name", r.name());
    put(
        field,
        value,
        "status",
        r.status().word() + (r.message().isEmpty() ? "" : ": " + r.message()));
    put(field, value, "started", r.started().toString());
    r.usage().ifPresent(u -> {
      put(field, value, "seconds", number(u.wallMillis() / 1000.0));
      put(field, value, "peak heap MB", number(u.peakHeapBytes() / (1024.0 * 1024.0)));
    });
    put(
        field,
        value,
        "commit",
        r.code().commit()
            + (r.code().known()
                ? (r.code().dirty() ? " (dirty)" : " (clean)")
                : " (" + r.code().detail() + ")"));
    for (Dataset d : r.datasets()) {
      put(
          field,
          value,
          "data " + d.name(),
          d.sha256()
              + (d.rows().isPresent()
                  ? " (" + d.rows().getAsLong() + " rows × " + d.columns().getAsInt() + " columns)"
                  : ""));
    }
    for (ModelFile m : r.models()) {
      put(
          field,
          value,
          "model",
          m.path() + " " + m.sha256() + m.copiedTo().map(c -> " (copy: " + c + ")").orElse(""));
    }
    for (Map.Entry<String, Object> p : r.params().entrySet()) {
      put(
          field,
          value,
          "params." + p.getKey(),
          p.getValue() instanceof Double d ? number(d) : p.getValue().toString());
    }
    for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
      put(field, value, "metrics." + m.getKey(), number(m.getValue()));
    }
    for (ResultTable t : r.tables().values()) {
      put(
          field,
          value,
          "table " + t.name(),
          t.rows() + " rows × " + t.columns().size() + " columns");
    }
    if (!r.labels().isEmpty()) {
      put(field, value, "labels", String.join(", ", r.labels()));
    }
    for (String n : r.notes()) {
      put(field, value, "note", n);
    }
    put(
        field,
        value,
        "environment",
        r.environment().jdk()
            + ", "
            + r.environment().os()
            + ", "
            + r.environment().cpus()
            + " CPUs, max heap "
            + number(r.environment().maxHeapBytes() / (1024.0 * 1024.0))
            + " MB");
    put(field, value, "errata", r.environment().errata());
    List<String> jars = r.environment().libraries();
    String all = jars.size() + " jars: " + String.join(", ", jars);
    put(
        field,
        value,
        "libraries",
        jars.size() <= SHOWN_JARS
            ? all
            : jars.size()
                + " jars: "
                + String.join(", ", jars.subList(0, SHOWN_JARS))
                + ", … (all in the tooltip, or environment().libraries())");
    Table card = Table.create("run " + r.id() + " (" + r.name() + ")", field, value);
    if (jars.size() > SHOWN_JARS) {
      // The full list as the libraries cell's tooltip (CompactRuns' " (full)" convention).
      StringColumn full = StringColumn.create("value" + CompactRuns.FULL);
      for (int i = 0; i < field.size(); i++) {
        full.append(i == field.size() - 1 ? all : "");
      }
      card.addColumns(full);
    }
    return card;
  }

  /** Jars the run card names before "…"; a kernel with Spark carries about 200. */
  static final int SHOWN_JARS = 8;

  /** Formats without locale: whole numbers plainly, others to six significant digits, never 1E-5. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "undefined";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static void put(StringColumn field, StringColumn value, String f, String v) {
    field.append(f);
    value.append(v);
  }
}
