package dev.errata;

import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import dev.errata.metrics.Average;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The slices a run logs with its predictions, one per value of every column that plays no role and
 * has at most {@value #MAX_VALUES} values: each slice's share of the rows, and its accuracy,
 * precision, recall and F1 (of the positive class when the predictions name one, else
 * macro-averaged). Counted in the engine, one query per column; no row is brought into memory.
 */
final class RunSlices {

  /** The result table of each slice's rows and share of all rows. */
  static final String SHARES = "data shares";

  /**
   * The result table of each slice's metrics. The log lists a run's tables by name, so this one
   * comes before "report" and a comparison shows its per-slice deltas first.
   */
  static final String METRICS = "per slice";

  /** Columns with more distinct values are no slice columns (ids, free text, measurements). */
  static final int MAX_VALUES = 30;

  private final List<String> names = new ArrayList<>();
  private final List<double[]> rows = new ArrayList<>();
  private final List<Map<String, Double>> metrics = new ArrayList<>();
  private double total;

  private RunSlices() {}

  static RunSlices of(Predictions p) {
    RunSlices s = new RunSlices();
    s.total = p.size();
    for (String column : sliceColumns(p)) {
      CountCube unweighted = p.counts(List.of(column), false);
      if (unweighted.values().get(0).size() > MAX_VALUES) {
        continue;
      }
      CountCube counted = p.hasWeights() ? p.counts(List.of(column)) : unweighted;
      for (int cell = 0; cell < unweighted.cells(); cell++) {
        double n = sum(unweighted.confusion(cell));
        if (n == 0) {
          continue;
        }
        s.names.add(column + " = " + unweighted.cellValues(cell).get(0));
        s.rows.add(new double[] {n});
        ConfusionMatrix cm = confusion(p, counted.confusion(cell));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(Metric.accuracy().key(), Metric.accuracy().value(cm));
        for (Metric metric : headline(p.roles().positive())) {
          values.put(metric.key(), metric.value(cm));
        }
        s.metrics.add(values);
      }
    }
    return s;
  }

  /** The per-class measures a run logs. */
  static final List<Metric.Kind> PER_CLASS =
      List.of(Metric.Kind.PRECISION, Metric.Kind.RECALL, Metric.Kind.F1);

  /**
   * Returns precision, recall and F1 of the {@code positive} class, or their macro averages when no
   * class is named positive.
   */
  static List<Metric> headline(Optional<String> positive) {
    return PER_CLASS.stream().map(k -> Metric.of(k, positive)).toList();
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  /** Returns slice | rows | share, share a proportion of all rows. */
  Table shares() {
    DoubleColumn n = DoubleColumn.create("rows");
    DoubleColumn share = DoubleColumn.create("share");
    for (double[] r : rows) {
      n.append(r[0]);
      share.append(r[0] / total);
    }
    return Table.create(SHARES, StringColumn.create("slice", names), n, share);
  }

  /** Returns slice | accuracy | precision | recall | f1; NaN where a metric is undefined. */
  Table metrics() {
    Table t = Table.create(METRICS, StringColumn.create("slice", names));
    for (String metric : metrics.get(0).keySet()) {
      DoubleColumn c = DoubleColumn.create(metric);
      metrics.forEach(m -> c.append(m.get(metric)));
      t.addColumns(c);
    }
    return t;
  }

  /** Returns the columns that play no role: neither labels, id, score, weight nor probability. */
  private static List<String> sliceColumns(Predictions p) {
    Predictions.Roles r = p.roles();
    Set<String> roles = new LinkedHashSet<>(List.of(r.actual(), r.predicted()));
    r.id().ifPresent(roles::add);
    r.score().ifPresent(roles::add);
    r.weight().ifPresent(roles::add);
    roles.addAll(r.probabilities().values());
    return p.columnNames().stream().filter(c -> !roles.contains(c)).toList();
  }

  private static ConfusionMatrix confusion(Predictions p, double[] flat) {
    int k = p.labels().size();
    double[][] counts = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(flat, i * k, counts[i], 0, k);
    }
    return ConfusionMatrix.of(p.labels(), counts);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
