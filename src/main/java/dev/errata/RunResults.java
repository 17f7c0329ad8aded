package dev.errata;

import dev.errata.load.Predictions;
import dev.errata.log.Dataset;
import dev.errata.log.Run;
import dev.errata.metrics.Average;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.Metric;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Map;

/**
 * Logs a predictions set's results on a run: the predictions as the run's data set, the overall
 * metrics as numbers, the classification report, the confusion matrix and, when the predictions
 * carry slice columns, each slice's share of the data and its metrics as tables. Lives beside the
 * facade because it is the one place that may know both the log and the metrics.
 */
final class RunResults {

  /** The name the predictions are registered under as the run's data set. */
  static final String DATA_SET = "predictions";

  private RunResults() {}

  static Run log(Run run, Predictions p) {
    dataset(run, p);
    ClassificationReport report = ClassificationReport.of(p);
    ClassificationMetrics m = report.metrics();
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric metric : logged(p.roles().positive())) {
      metrics.put(metric.key(), metric.value(m.confusion()));
    }
    metrics.put("examples", (double) p.size());
    // An undefined metric (NaN) stays out of the numbers; the report table still shows it.
    metrics.values().removeIf(v -> Double.isNaN(v));
    run.metrics(metrics)
        .table("report", report.toTable())
        .table("confusion", report.metrics().confusion().toTable());
    RunSlices slices = RunSlices.of(p);
    if (!slices.isEmpty()) {
      run.table(RunSlices.SHARES, slices.shares()).table(RunSlices.METRICS, slices.metrics());
    }
    return run;
  }

  /**
   * Returns the metrics a run logs, keyed by their one spelling ({@link Metric#key()}): accuracy;
   * precision, recall and F1 of the positive class when there is one; balanced accuracy; precision,
   * recall and F1 averaged each way; Matthews correlation and Cohen's kappa.
   */
  static List<Metric> logged(Optional<String> positive) {
    List<Metric> out = new ArrayList<>();
    out.add(Metric.accuracy());
    positive.ifPresent(c -> out.addAll(RunSlices.headline(positive)));
    out.add(Metric.of(Metric.Kind.BALANCED_ACCURACY));
    for (Average a : Average.values()) {
      for (Metric.Kind kind : RunSlices.PER_CLASS) {
        out.add(Metric.of(kind, a));
      }
    }
    out.add(Metric.of(Metric.Kind.MATTHEWS));
    out.add(Metric.of(Metric.Kind.KAPPA));
    return out;
  }

  /**
   * Registers the predictions' source as the run's data set {@value #DATA_SET}: the file they were
   * read from (hashed whole; rows and columns as read when the file is not CSV/TSV), else the table
   * in memory (hashed as CSV text). A file already registered with the run is not added again.
   */
  private static void dataset(Run run, Predictions p) {
    Path file = file(p.source());
    if (file == null) {
      run.dataset(Dataset.ofTable(DATA_SET, "(table \"" + p.source() + "\" in memory)", p.table()));
      return;
    }
    String path = file.toAbsolutePath().normalize().toString();
    if (run.record().datasets().stream().noneMatch(d -> d.path().equals(path))) {
      run.dataset(Dataset.of(DATA_SET, file).withShape(p.size(), p.columnNames().size()));
    }
  }

  /** Returns the file {@code source} names, or null when it names no regular file (a table). */
  private static Path file(String source) {
    try {
      Path f = Path.of(source);
      return Files.isRegularFile(f) ? f : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
