package dev.errata.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for F1 and the averages, by resampling the confusion counts
 * (multinomial over the k×k cells), never the rows: 1,000 resamples cost the same at any size.
 *
 * <p>Resamples where a metric is undefined are left out of its interval; the interval is undefined
 * when the metric itself is, or when fewer than half of the resamples define it.
 *
 * @param resamples how many resamples were drawn
 * @param seed the random seed (same seed, same intervals)
 * @param level the confidence level
 * @param f1 the F1 interval of each class, by class code
 * @param macro the macro-average intervals of precision, recall and F1 (in {@link Measure} order)
 * @param weighted the weighted-average intervals, in {@link Measure} order
 * @param balancedAccuracy the balanced-accuracy interval
 * @param matthews the Matthews-correlation interval
 * @param kappa the Cohen's kappa interval
 */
public record Bootstrap(
    int resamples,
    long seed,
    double level,
    List<Interval> f1,
    List<Interval> macro,
    List<Interval> weighted,
    Interval balancedAccuracy,
    Interval matthews,
    Interval kappa) {

  public Bootstrap {
    f1 = List.copyOf(f1);
    macro = List.copyOf(macro);
    weighted = List.copyOf(weighted);
  }

  /**
   * Resamples {@code metrics}' counts {@code resamples} times.
   *
   * @param draws examples per resample: the number of rows behind the counts (for weighted counts,
   *     the cells' shares are resampled with this many draws)
   */
  public static Bootstrap of(
      ClassificationMetrics metrics, long draws, int resamples, long seed, double level) {
    ConfusionMatrix cm = metrics.confusion();
    int k = cm.classes();
    int series = k + 9;
    double[][] values = new double[series][resamples];
    double total = cm.total();
    double[] shares = cm.counts();
    for (int i = 0; i < shares.length; i++) {
      shares[i] = total == 0 ? 0 : shares[i] / total;
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] drawn = new long[shares.length];
    double[] counts = new double[shares.length];
    for (int b = 0; b < resamples; b++) {
      Multinomial.sample(random, total == 0 ? 0 : draws, shares, drawn);
      for (int i = 0; i < counts.length; i++) {
        counts[i] = drawn[i];
      }
      ClassificationMetrics m =
          new ClassificationMetrics(
              new ConfusionMatrix(cm.labels(), counts), metrics.zeroDivision());
      for (int c = 0; c < k; c++) {
        values[c][b] = m.f1(c);
      }
      int s = k;
      for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
        for (Measure measure : Measure.values()) {
          values[s++][b] = m.average(a, measure);
        }
      }
      values[s++][b] = m.balancedAccuracy();
      values[s++][b] = m.matthews();
      values[s][b] = m.kappa();
    }
    double[] point = new double[series];
    for (int c = 0; c < k; c++) {
      point[c] = metrics.f1(c);
    }
    int s = k;
    for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
      for (Measure measure : Measure.values()) {
        point[s++] = metrics.average(a, measure);
      }
    }
    point[s++] = metrics.balancedAccuracy();
    point[s++] = metrics.matthews();
    point[s] = metrics.kappa();
    List<Interval> intervals = new ArrayList<>();
    for (int i = 0; i < series; i++) {
      intervals.add(percentile(values[i], point[i], level));
    }
    return new Bootstrap(
        resamples,
        seed,
        level,
        intervals.subList(0, k),
        intervals.subList(k, k + 3),
        intervals.subList(k + 3, k + 6),
        intervals.get(k + 6),
        intervals.get(k + 7),
        intervals.get(k + 8));
  }

  /** Returns the interval of {@code average} of {@code measure}; micro averages are not here. */
  public Interval average(Average average, Measure measure) {
    return switch (average) {
      case MACRO -> macro.get(measure.ordinal());
      case WEIGHTED -> weighted.get(measure.ordinal());
      case MICRO ->
          throw new IllegalArgumentException(
              "Micro averages equal accuracy; use its Wilson interval");
    };
  }

  /** Returns the [α/2, 1 − α/2] quantiles (linear interpolation, as numpy's default). */
  static Interval percentile(double[] values, double point, double level) {
    if (Double.isNaN(point)) {
      return Interval.undefined(level);
    }
    double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (defined.length == 0 || defined.length * 2 < values.length) {
      return Interval.undefined(level);
    }
    double alpha = 1 - level;
    return new Interval(quantile(defined, alpha / 2), quantile(defined, 1 - alpha / 2), level);
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
