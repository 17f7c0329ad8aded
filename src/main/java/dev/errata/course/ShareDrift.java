package dev.errata.course;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-square test of homogeneity: are the shares of a column's values (or of the classes)
 * the same now as in the reference? A 2 × m table, rows = now and reference, columns = every value
 * seen in either; no continuity correction (scipy's {@code chi2_contingency(...,
 * correction=False)}). Undefined (NaN) with fewer than two values or an empty side.
 *
 * @param scope {@code class} or the column's name
 * @param values the values, in the order of the counts
 * @param now examples per value now
 * @param reference examples per value in the reference
 * @param chiSquare the statistic
 * @param degreesOfFreedom m − 1, m counting the values seen on either side
 * @param p the p-value
 * @param minExpected the smallest expected count (the test is rough when it is below 5)
 */
public record ShareDrift(
    String scope,
    List<String> values,
    double[] now,
    double[] reference,
    double chiSquare,
    int degreesOfFreedom,
    double p,
    double minExpected) {

  /** Expected counts below this make the chi-square approximation rough (Cochran 1954). */
  public static final double ROUGH_BELOW = 5;

  public ShareDrift {
    values = List.copyOf(values);
    now = now.clone();
    reference = reference.clone();
  }

  /** Tests the counts {@code now[i]} against {@code reference[i]} of {@code values[i]}. */
  static ShareDrift test(String scope, List<String> values, double[] now, double[] reference) {
    double n = Arrays.stream(now).sum();
    double r = Arrays.stream(reference).sum();
    // A value with no example on either side (a class only predicted) adds nothing to the test.
    int[] seen = IntStream.range(0, values.size()).filter(i -> now[i] + reference[i] > 0).toArray();
    if (seen.length < 2 || n == 0 || r == 0) {
      return new ShareDrift(scope, values, now, reference, Double.NaN, 0, Double.NaN, Double.NaN);
    }
    long[][] table = new long[2][seen.length];
    double minExpected = Double.POSITIVE_INFINITY;
    for (int j = 0; j < seen.length; j++) {
      int i = seen[j];
      table[0][j] = Math.round(now[i]);
      table[1][j] = Math.round(reference[i]);
      double column = now[i] + reference[i];
      minExpected = Math.min(minExpected, Math.min(n, r) * column / (n + r));
    }
    ChiSquareTest test = new ChiSquareTest();
    return new ShareDrift(
        scope,
        values,
        now,
        reference,
        test.chiSquare(table),
        seen.length - 1,
        test.chiSquareTest(table),
        minExpected);
  }

  /** Returns whether the test could be made. */
  public boolean isDefined() {
    return !Double.isNaN(p);
  }

  @Override
  public double[] now() {
    return now.clone();
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShareDrift d
        && d.scope.equals(scope)
        && d.values.equals(values)
        && Arrays.equals(d.now, now)
        && Arrays.equals(d.reference, reference);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * scope.hashCode() + values.hashCode()) + Arrays.hashCode(now);
  }

  @Override
  public String toString() {
    return "ShareDrift[" + scope + ", chi-square " + chiSquare + ", p " + p + "]";
  }
}
