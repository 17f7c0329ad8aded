package dev.errata.render.chart;

import dev.errata.metrics.Metric;
import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.render.Hostile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Charts built from the course's numbers and from hostile or oversized data, for tests. */
public final class Samples {

  private Samples() {}

  /** The course's skewed example: TN 905, FP 9, FN 18, TP 68 (rows = actual). */
  public static ConfusionMatrix courseBinary() {
    return new ConfusionMatrix(new Labels(List.of("0", "1")), new double[] {905, 9, 18, 68});
  }

  /** Returns a confusion matrix over {@code k} classes named {@code names}, seeded and dense. */
  public static ConfusionMatrix dense(List<String> names, long seed, int scale) {
    int k = names.size();
    SplittableRandom random = new SplittableRandom(seed);
    double[] counts = new double[k * k];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        counts[a * k + p] = a == p ? scale + random.nextInt(scale) : random.nextInt(scale / 10 + 1);
      }
    }
    return new ConfusionMatrix(new Labels(names), counts);
  }

  /** Returns {@code k} class names "class-00", "class-01", …. */
  public static List<String> names(int k) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      names.add(String.format(java.util.Locale.ROOT, "class-%02d", i));
    }
    return names;
  }

  /** Returns the hostile labels made distinct and usable as class names. */
  public static List<String> hostileNames() {
    return new ArrayList<>(Hostile.LABELS);
  }

  /** The course's prioritisation table as a gap-to-HLP chart. */
  public static Chart courseGap() {
    return Charts.gapToHlp(
        "Accuracy vs human-level performance",
        List.of("clean speech", "car noise", "people noise", "low bandwidth"),
        List.of(0.94, 0.89, 0.87, 0.70),
        List.of(0.95, 0.93, 0.89, 0.70),
        List.of(0.60, 0.04, 0.30, 0.06));
  }

  /** Recall per accent with Wilson-like bounds. */
  public static Chart slices() {
    return Charts.sliceMetric(
        "Recall by accent",
        "recall",
        List.of("us", "uk", "indian", "scottish", "nigerian"),
        List.of(0.934, 0.912, 0.881, 0.712, 0.802),
        List.of(0.920, 0.890, 0.850, 0.650, 0.740),
        List.of(0.946, 0.930, 0.906, 0.770, 0.852));
  }

  /** A precision-recall curve with {@code n} points from a seeded score model. */
  public static Chart pr(int n) {
    double[][] c = curve(n, 11);
    return Charts.precisionRecall(c[0], c[1], 0.874);
  }

  /** A precision-recall curve with a 12 % prevalence line and the point at a chosen threshold. */
  public static Chart prAtThreshold() {
    double[][] c = curve(200, 11);
    int at = 120;
    return Charts.precisionRecall(
        c[0], c[1], 0.874, 0.12, new Lines.Mark("threshold 0.5", c[0][at], c[1][at]));
  }

  /** The penguin runs: accuracy 122, 123 and 122 of 134, no intervals logged. */
  public static Chart runsWithoutIntervals() {
    return Charts.acrossRuns(
        "accuracy",
        List.of("knn-k5", "knn-k15", "knn-k5-species"),
        List.of(122.0 / 134, 123.0 / 134, 122.0 / 134),
        List.of(),
        List.of());
  }

  /** A ROC curve with {@code n} points. */
  public static Chart roc(int n) {
    double[][] c = curve(n, 5);
    double[] fpr = new double[n];
    double[] tpr = new double[n];
    for (int i = 0; i < n; i++) {
      fpr[i] = i / (double) (n - 1);
      tpr[i] = Math.pow(fpr[i], 0.25);
    }
    c[0] = fpr;
    c[1] = tpr;
    return Charts.roc(c[0], c[1], 0.8);
  }

  private static double[][] curve(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] recall = new double[n];
    double[] precision = new double[n];
    double p = 1;
    for (int i = 0; i < n; i++) {
      recall[i] = i / (double) (n - 1);
      p = Math.max(0.3, Math.min(1, p - 0.7 / n + (random.nextDouble() - 0.5) * 0.02));
      precision[i] = p;
    }
    return new double[][] {recall, precision};
  }

  /** Accuracy across five runs with intervals. */
  public static Chart runs() {
    return Charts.acrossRuns(
        "accuracy",
        List.of("baseline", "lr=0.01", "lr=0.003 depth=4", "augmented cafe noise", "final"),
        List.of(0.881, 0.893, 0.902, 0.919, 0.913),
        List.of(0.861, 0.874, 0.884, 0.902, 0.895),
        List.of(0.899, 0.910, 0.918, 0.934, 0.929));
  }

  /** Every chart above with a file-friendly name, in a fixed order. */
  public static Map<String, Chart> all() {
    Map<String, Chart> m = new LinkedHashMap<>();
    m.put("confusion-course", Charts.confusion(courseBinary()));
    m.put("confusion-10", Charts.confusion(dense(names(10), 1, 200)));
    m.put("confusion-42", Charts.confusion(dense(names(42), 2, 100)));
    m.put("confusion-hostile", Charts.confusion(dense(hostileNames(), 3, 50)));
    m.put("gap-course", courseGap());
    m.put("slices", slices());
    m.put("pr", pr(2000));
    m.put("roc", roc(2000));
    m.put("runs", runs());
    m.put("pr-threshold", prAtThreshold());
    m.put("runs-without-intervals", runsWithoutIntervals());
    m.put("hostile-bars", hostileBars());
    m.put("hostile-runs", Charts.acrossRuns("error rate", Hostile.LABELS,
        List.of(0.1, 0.2, 0.15, 0.3, 0.25, 0.22, 0.18, 0.12), List.of(), List.of()));
    return m;
  }

  /** {@link #all()} plus the largest charts Errata draws, for the size budget. */
  public static Map<String, Chart> withWorstCases() {
    Map<String, Chart> m = all();
    m.putAll(worstCases());
    return m;
  }

  /** The largest charts: 30 dense classes with 200-character names, 40 long bars, 10^6-point ROC. */
  public static Map<String, Chart> worstCases() {
    Map<String, Chart> m = new LinkedHashMap<>();
    List<String> longNames = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> lower = new ArrayList<>();
    List<Double> upper = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      longNames.add(String.format(java.util.Locale.ROOT, "%03d <b>&amp;</b> ", i) + Hostile.LONG);
      values.add(0.5 + (i % 7) * 0.05);
      lower.add(0.45 + (i % 7) * 0.05);
      upper.add(0.55 + (i % 7) * 0.05);
    }
    m.put("worst-confusion-30", Charts.confusion(dense(longNames.subList(0, 30), 4, 5000)));
    m.put("worst-confusion-60", Charts.confusion(dense(longNames, 5, 5000)));
    m.put("worst-bars-60", Charts.sliceMetric(Hostile.LONG, Hostile.LONG, longNames, values, lower, upper));
    m.put("worst-roc-1e6", roc(1_000_000));
    m.put("worst-runs-60", Charts.acrossRuns(Hostile.LONG, longNames, values, lower, upper));
    return m;
  }

  /** Bars whose categories, series name, notes and title are all hostile. */
  public static Chart hostileBars() {
    List<String> labels = Hostile.LABELS;
    List<Double> model = new ArrayList<>();
    List<Double> hlp = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      model.add(0.5 + i * 0.05);
      hlp.add(0.6 + i * 0.04);
      share.add(1.0 / labels.size());
    }
    return Charts.gapToHlp(labels.get(0) + " " + labels.get(1), labels, model, hlp, share);
  }
}
