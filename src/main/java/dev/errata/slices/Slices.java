package dev.errata.slices;

import dev.errata.metrics.Metric;
import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Proportion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Slices predictions by categorical columns; an option bag: {@code Slices.of(p).by("accent",
 * "gender").minSupport(50).report()}.
 *
 * <p>Without {@link #metrics}, the report shows accuracy, error rate, and precision, recall and F1
 * of the positive class when the predictions name one, otherwise macro-averaged.
 */
public final class Slices {

  /** Slices with fewer examples than this are flagged small unless told otherwise. */
  public static final int DEFAULT_MIN_SUPPORT = 30;

  private final Predictions predictions;
  private List<String> columns = List.of();
  private int minSupport = DEFAULT_MIN_SUPPORT;
  private List<Metric> metrics;
  private Metric tested = Metric.accuracy();
  private double level = Proportion.DEFAULT_LEVEL;

  private Slices(Predictions predictions) {
    this.predictions = predictions;
  }

  /** Starts slicing {@code p}. */
  public static Slices of(Predictions p) {
    return new Slices(p);
  }

  /** Slices by one column, or by the intersection of two or three. */
  public Slices by(String... columns) {
    return by(Arrays.asList(columns));
  }

  /** Slices by one column, or by the intersection of two or three. */
  public Slices by(List<String> columns) {
    this.columns = List.copyOf(columns);
    return this;
  }

  /** Flags slices with fewer examples than {@code n} (default 30) and leaves them out of gaps. */
  public Slices minSupport(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Minimum support must be >= 0, got " + n);
    }
    this.minSupport = n;
    return this;
  }

  /** Chooses the metrics reported, in column order. */
  public Slices metrics(Metric... metrics) {
    this.metrics = List.of(metrics);
    return this;
  }

  /** Chooses the proportion each slice is tested on against the rest (default accuracy). */
  public Slices tested(Metric metric) {
    this.tested = metric;
    return this;
  }

  /** Sets the confidence level of intervals (default 0.95). */
  public Slices level(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Confidence level must lie in (0, 1), got " + level);
    }
    this.level = level;
    return this;
  }

  /** Counts every slice in one pass and returns the report. */
  public SliceReport report() {
    List<Metric> chosen = metrics != null ? metrics : defaultMetrics(predictions);
    for (Metric m : chosen) {
      m.className().ifPresent(c -> predictions.labels().require(c, "class"));
    }
    tested.className().ifPresent(c -> predictions.labels().require(c, "class"));
    SliceCodes.requireColumns(predictions, columns);
    CountCube cube = predictions.counts(columns);
    int k = predictions.labels().size();
    List<Slice> slices = new ArrayList<>();
    double[] all = new double[k * k];
    for (int cell = 0; cell < cube.cells(); cell++) {
      double[] cm = cube.confusion(cell);
      double support = 0;
      for (int i = 0; i < cm.length; i++) {
        support += cm[i];
        all[i] += cm[i];
      }
      if (support > 0) {
        slices.add(
            new Slice(
                cube.columns(),
                cube.cellValues(cell),
                new ConfusionMatrix(predictions.labels(), cm)));
      }
    }
    ConfusionMatrix overall = new ConfusionMatrix(predictions.labels(), all);
    return new SliceReport(
        predictions.source(), cube.columns(), chosen, tested, overall, slices, minSupport, level);
  }

  /**
   * Returns the default metrics for {@code p}: accuracy, error rate, and precision, recall and F1
   * of its positive class, or macro-averaged when it names none.
   */
  public static List<Metric> defaultMetrics(Predictions p) {
    List<Metric> out = new ArrayList<>(List.of(Metric.accuracy(), Metric.errorRate()));
    for (Metric.Kind kind : List.of(Metric.Kind.PRECISION, Metric.Kind.RECALL, Metric.Kind.F1)) {
      out.add(Metric.of(kind, p.roles().positive()));
    }
    return out;
  }
}
