package dev.errata.render.chart;

import dev.errata.metrics.ConfusionMatrix;
import dev.errata.render.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Turns a confusion matrix into a heatmap chart, folding rarely confused classes above 30. */
final class ConfusionChart {

  /** Classes shown in full; above this, the most confused {@code MAX_CLASSES - 1} plus "other". */
  static final int MAX_CLASSES = 30;

  private ConfusionChart() {}

  static Chart of(ConfusionMatrix cm) {
    int k = cm.classes();
    List<Integer> kept = kept(cm);
    boolean folded = kept.size() < k;
    int shown = kept.size() + (folded ? 1 : 0);
    int[] slot = new int[k];
    java.util.Arrays.fill(slot, kept.size());
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      slot[kept.get(i)] = i;
      labels.add(cm.labels().name(kept.get(i)));
    }
    if (folded) {
      labels.add("other (" + (k - kept.size()) + " classes)");
    }
    double[][] counts = new double[shown][shown];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        counts[slot[a]][slot[p]] += cm.count(a, p);
      }
    }
    Heatmap h = new Heatmap(labels, labels, counts, "actual", "predicted");
    String title = "Confusion matrix";
    return new Chart(title, h, summary(cm, kept.size(), folded));
  }

  /** Returns the classes to show by code, in code order: all, or the most confused ones. */
  static List<Integer> kept(ConfusionMatrix cm) {
    int k = cm.classes();
    if (k <= MAX_CLASSES) {
      return IntStream.range(0, k).boxed().toList();
    }
    double[] errors = new double[k];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        if (a != p) {
          errors[a] += cm.count(a, p);
          errors[p] += cm.count(a, p);
        }
      }
    }
    return IntStream.range(0, k)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -errors[c]).thenComparingInt(c -> c))
        .limit(MAX_CLASSES - 1)
        .sorted()
        .toList();
  }

  private static String summary(ConfusionMatrix cm, int kept, boolean folded) {
    int k = cm.classes();
    double total = cm.total();
    StringBuilder sb = new StringBuilder("Confusion matrix: ")
        .append(k).append(k == 1 ? " class, " : " classes, ")
        .append(Numbers.format(total)).append(" examples, accuracy ")
        .append(Numbers.percent(total == 0 ? Double.NaN : cm.correct() / total));
    int worstA = -1;
    int worstP = -1;
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        if (a != p && cm.count(a, p) > 0 && (worstA < 0 || cm.count(a, p) > cm.count(worstA, worstP))) {
          worstA = a;
          worstP = p;
        }
      }
    }
    if (worstA >= 0) {
      sb.append("; most confused: actual ").append(Charts.quote(cm.labels().name(worstA)))
          .append(" predicted as ").append(Charts.quote(cm.labels().name(worstP))).append(' ')
          .append(Numbers.format(cm.count(worstA, worstP))).append(" times (")
          .append(Numbers.percent(cm.count(worstA, worstP) / cm.actualTotal(worstA)))
          .append(" of ").append(Charts.quote(cm.labels().name(worstA))).append(')');
    }
    if (folded) {
      sb.append("; showing the ").append(kept).append(" most confused classes, the other ")
          .append(k - kept).append(" folded into \"other\"");
    }
    return sb.toString();
  }
}
