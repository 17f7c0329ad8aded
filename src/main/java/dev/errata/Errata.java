package dev.errata;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.render.chart.Chart;
import dev.errata.render.chart.Charts;
import tech.tablesaw.api.Table;

/**
 * Starts every Errata task from one name: read predictions, then ask for results. Only chains and
 * delegates; the work lives in the packages.
 */
public final class Errata {

  private Errata() {}

  /** Starts reading predictions from a CSV or TSV file. */
  public static PredictionsReader read(String file) {
    return PredictionsReader.csv(file);
  }

  /** Starts reading predictions from a table already in memory. */
  public static PredictionsReader from(Table table) {
    return PredictionsReader.fromTable(table);
  }

  /** Returns rows, classes with counts and the majority-class baseline. */
  public static PredictionsSummary summary(Predictions p) {
    return PredictionsSummary.of(p);
  }

  /** Returns the confusion matrix (rows = actual, columns = predicted). */
  public static ConfusionMatrix confusion(Predictions p) {
    return ConfusionMatrix.of(p);
  }

  /** Returns the confusion matrix as a heatmap chart (counts as text, colour by row share). */
  public static Chart heatmap(ConfusionMatrix cm) {
    return Charts.confusion(cm);
  }
}
