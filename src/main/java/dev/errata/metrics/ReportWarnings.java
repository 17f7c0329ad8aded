package dev.errata.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says, in words, when accuracy misleads: skewed classes, no gain over the majority baseline. */
final class ReportWarnings {

  /** A class below this share of the data is rare enough that accuracy hides it. */
  static final double RARE_SHARE = 0.10;

  private ReportWarnings() {}

  static List<String> of(ClassificationMetrics model, Baseline majority) {
    List<String> out = new ArrayList<>();
    ConfusionMatrix cm = model.confusion();
    double total = cm.total();
    if (total == 0) {
      out.add("No examples (or only zero weights): every rate is undefined");
      return out;
    }
    double accuracy = model.accuracy();
    double baseline = majority.metrics().accuracy();
    if (!(accuracy > baseline)) {
      out.add(
          String.format(
              Locale.ROOT,
              "Accuracy %.1f %% does not beat %s (%.1f %%): judge this model by per-class"
                  + " precision, recall and F1, not accuracy",
              100 * accuracy,
              majority.name(),
              100 * baseline));
    }
    int rarest = -1;
    for (int c = 0; c < cm.classes(); c++) {
      double support = cm.actualTotal(c);
      if (support > 0 && (rarest < 0 || support < cm.actualTotal(rarest))) {
        rarest = c;
      }
    }
    double share = cm.actualTotal(rarest) / total;
    if (share < RARE_SHARE) {
      out.add(
          String.format(
              Locale.ROOT,
              "Skewed classes: \"%s\" is only %.1f %% of the data, so accuracy barely notices how"
                  + " it fares; read its precision, recall and F1",
              cm.labels().name(rarest),
              100 * share));
    }
    List<String> neverPredicted = new ArrayList<>();
    List<String> neverActual = new ArrayList<>();
    for (int c = 0; c < cm.classes(); c++) {
      if (cm.predictedTotal(c) == 0) {
        neverPredicted.add(cm.labels().name(c));
      }
      if (cm.actualTotal(c) == 0) {
        neverActual.add(cm.labels().name(c));
      }
    }
    String treatment =
        model.zeroDivision() == ZeroDivision.UNDEFINED
            ? "undefined and left out of the macro and weighted averages"
            : "counted as " + (int) model.zeroDivision().value() + " (zero_division)";
    if (!neverPredicted.isEmpty()) {
      out.add("Never predicted " + neverPredicted + ": their precision is " + treatment);
    }
    if (!neverActual.isEmpty()) {
      out.add("No actual examples of " + neverActual + ": their recall is " + treatment);
    }
    return out;
  }
}
