package dev.errata.course;

import dev.errata.agreement.Agreement;
import dev.errata.agreement.AgreementReport;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The course's good-data checklist in one table: coverage (examples per class and per value of the
 * named columns against a minimum), label consistency (kappa between annotator columns), size (the
 * widest interval a class's examples allow) and drift of class and value shares against a
 * reference, with a chi-square test per column. Counts come from {@link Predictions#counts}; every
 * example counts once (weights are ignored: coverage is about examples).
 *
 * <p>{@code DataCheck.of(p).by(List.of("accent")).minimum(30).reference(DataShares.of(before,
 * List.of("accent"))).report()}.
 */
public final class DataCheck {

  /** The minimum examples per class and per value when none is given. */
  public static final int DEFAULT_MINIMUM = 30;

  /** The widest useful 95 % interval on a class when none is given: ±10 points. */
  public static final double DEFAULT_MAX_WIDTH = 0.2;

  /** Kappas at or below this (Landis–Koch "moderate" or worse) are flagged. */
  public static final double CONSISTENT_ABOVE = 0.6;

  /** Drift tests with a p-value at or below this are flagged. */
  public static final double ALPHA = 0.05;

  private final Predictions p;
  private List<String> by = List.of();
  private int minimum = DEFAULT_MINIMUM;
  private double maxWidth = DEFAULT_MAX_WIDTH;
  private List<String> annotators = List.of();
  private DataShares reference;

  private DataCheck(Predictions p) {
    this.p = p;
  }

  /** Starts checking the data of {@code p}. */
  public static DataCheck of(Predictions p) {
    return new DataCheck(p);
  }

  /** Also checks coverage and drift of the values of these columns (slices, metadata). */
  public DataCheck by(List<String> columns) {
    if (new LinkedHashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("A column repeats in " + columns + "; name each once");
    }
    for (String c : columns) {
      DataShares.requireColumn(p, c);
    }
    this.by = List.copyOf(columns);
    return this;
  }

  /** Sets the minimum examples per class and per value (default {@value #DEFAULT_MINIMUM}). */
  public DataCheck minimum(int examples) {
    if (examples < 1) {
      throw new IllegalArgumentException(
          "The minimum examples per class or value is " + examples + "; it must be >= 1");
    }
    this.minimum = examples;
    return this;
  }

  /**
   * Sets the widest useful 95 % interval on a class, a fraction (default {@value
   * #DEFAULT_MAX_WIDTH}: ±10 points); classes whose examples cannot narrow it that far are flagged.
   */
  public DataCheck maxWidth(double width) {
    if (!(width > 0 && width < 1)) {
      throw new IllegalArgumentException(
          "The widest useful interval is "
              + width
              + "; it must be between 0 and 1 (0.2 = ±10"
              + " points)");
    }
    this.maxWidth = width;
    return this;
  }

  /** Also measures label consistency between these annotator columns (two or more). */
  public DataCheck annotators(List<String> columns) {
    Agreement.of(p, columns); // checks the columns now
    this.annotators = List.copyOf(columns);
    return this;
  }

  /** Measures drift of class and value shares against {@code reference}. */
  public DataCheck reference(DataShares reference) {
    this.reference = reference;
    return this;
  }

  /** Counts and returns the checklist. */
  public DataCheckReport report() {
    DataShares now = DataShares.of(p, by);
    double total = now.classes().values().stream().mapToDouble(Double::doubleValue).sum();
    Optional<DataShares> ref = Optional.ofNullable(reference);
    double refTotal =
        ref.map(r -> r.classes().values().stream().mapToDouble(Double::doubleValue).sum())
            .orElse(Double.NaN);
    List<ValueCount> values = new ArrayList<>();
    List<ShareDrift> drift = new ArrayList<>();
    scope(null, now.classes(), ref.map(DataShares::classes), total, refTotal, values, drift);
    for (String c : by) {
      scope(c, now.column(c), ref.map(r -> r.column(c)), total, refTotal, values, drift);
    }
    Optional<AgreementReport> agreement =
        annotators.isEmpty() ? Optional.empty() : Optional.of(Agreement.of(p, annotators).report());
    return new DataCheckReport(
        p.source(),
        total,
        minimum,
        maxWidth,
        values,
        agreement,
        ref.map(DataShares::source),
        refTotal,
        drift);
  }

  private static void scope(
      String column,
      Map<String, Double> now,
      Optional<Map<String, Double>> ref,
      double total,
      double refTotal,
      List<ValueCount> values,
      List<ShareDrift> drift) {
    Set<String> names = new LinkedHashSet<>(now.keySet());
    ref.ifPresent(r -> names.addAll(r.keySet()));
    List<String> order = List.copyOf(names);
    double[] a = new double[order.size()];
    double[] b = new double[order.size()];
    for (int i = 0; i < order.size(); i++) {
      String v = order.get(i);
      a[i] = now.getOrDefault(v, 0.0);
      b[i] = ref.map(r -> r.getOrDefault(v, 0.0)).orElse(Double.NaN);
      values.add(new ValueCount(column, v, a[i], total, b[i], refTotal));
    }
    if (ref.isPresent()) {
      drift.add(ShareDrift.test(column == null ? "class" : column, order, a, b));
    }
  }
}
