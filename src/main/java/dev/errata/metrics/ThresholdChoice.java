package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;

import tech.tablesaw.api.Table;

/**
 * Records a score threshold chosen to reach a target recall or precision, and every binary metric
 * at that threshold (examples with score {@code >= threshold} are predicted positive).
 *
 * @param target "recall" or "precision"
 * @param targetValue the value asked for
 * @param threshold the chosen threshold
 * @param metrics the binary metrics at that threshold
 */
public record ThresholdChoice(
    String target, double targetValue, double threshold, BinaryMetrics metrics) implements Presentable {

  static void check(String target, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("Target " + target + " must be in [0, 1], got " + value);
    }
  }

  /** Returns the binary metrics table, captioned with the target and threshold. */
  public Table toTable() {
    Table t = metrics.toTable();
    t.setName(
        String.format(
            java.util.Locale.ROOT,
            "Threshold %s reaches %s >= %s for \"%s\" (score >= threshold is positive)",
            threshold,
            target,
            targetValue,
            metrics.positive()));
    return t;
  }

  /** Shows the binary metrics at the chosen threshold. */
  @Override
  public Presentation present() {
    return BinaryMetrics.section(toTable()).present();
  }
}
