package dev.errata;

import dev.errata.load.Predictions;
import dev.errata.log.Run;
import dev.errata.metrics.Average;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.Measure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs a predictions set's results on a run: the overall metrics as numbers, the classification
 * report and the confusion matrix as tables. Lives beside the facade because it is the one place
 * that may know both the log and the metrics.
 */
final class RunResults {

  private RunResults() {}

  static Run log(Run run, Predictions p) {
    ClassificationReport report = ClassificationReport.of(p);
    ClassificationMetrics m = report.metrics();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", m.accuracy());
    metrics.put("balanced accuracy", m.balancedAccuracy());
    for (Average a : Average.values()) {
      for (Measure measure : Measure.values()) {
        metrics.put(
            a.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + measure.name().toLowerCase(java.util.Locale.ROOT),
            m.average(a, measure));
      }
    }
    metrics.put("matthews", m.matthews());
    metrics.put("kappa", m.kappa());
    metrics.put("examples", (double) p.size());
    // An undefined metric (NaN) stays out of the numbers; the report table still shows it.
    metrics.values().removeIf(v -> Double.isNaN(v));
    return run.metrics(metrics)
        .table("report", report.toTable())
        .table("confusion", report.metrics().confusion().toTable());
  }
}
