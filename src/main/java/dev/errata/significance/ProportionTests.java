package dev.errata.significance;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Compares a rate between two independent groups: {@code x1} successes of {@code n1} trials against
 * {@code x2} of {@code n2}. All p-values are two-sided unless a method says otherwise.
 */
public final class ProportionTests {

  /** Fisher's test is used instead of the z test when an expected cell count is below this. */
  public static final double MIN_EXPECTED = 5;

  /** Relative tolerance when comparing table probabilities, as R's {@code fisher.test} uses. */
  private static final double RELATIVE_TOLERANCE = 1e-7;

  private ProportionTests() {}

  /**
   * Tests with the two-proportion z test, or with Fisher's exact test when any expected cell of the
   * 2×2 table is below {@link #MIN_EXPECTED} and the counts are whole numbers (weighted counts
   * always use the z test).
   */
  public static TestResult compare(double x1, double n1, double x2, double n2) {
    check(x1, n1);
    check(x2, n2);
    if (n1 == 0 || n2 == 0) {
      return TestResult.undefined("z");
    }
    double n = n1 + n2;
    double successes = x1 + x2;
    double failures = n - successes;
    double smallest = Math.min(n1, n2) * Math.min(successes, failures) / n;
    boolean whole = isWhole(x1) && isWhole(n1) && isWhole(x2) && isWhole(n2);
    if (smallest < MIN_EXPECTED && whole) {
      return fisher((long) x1, (long) (n1 - x1), (long) x2, (long) (n2 - x2));
    }
    return twoProportionZ(x1, n1, x2, n2);
  }

  /**
   * Returns the pooled two-proportion z test: {@code z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2))}
   * with {@code p} the pooled rate. When both groups have the same rate of 0 or 1, z is 0 and p is
   * 1.
   */
  public static TestResult twoProportionZ(double x1, double n1, double x2, double n2) {
    check(x1, n1);
    check(x2, n2);
    if (n1 == 0 || n2 == 0) {
      return TestResult.undefined("z");
    }
    double pooled = (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    if (variance == 0) {
      return new TestResult("z", 0, 1);
    }
    double z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
    double p = 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
    return new TestResult("z", z, Math.min(1, p));
  }

  /**
   * Returns Fisher's exact test of the table {@code [[a, b], [c, d]]} (rows = groups, columns =
   * success, failure): the two-sided p-value sums the probabilities of every table with the same
   * margins that is no more likely than the observed one. The statistic is the sample odds ratio
   * {@code ad / bc}.
   */
  public static TestResult fisher(long a, long b, long c, long d) {
    Table t = new Table(a, b, c, d);
    double observed = t.hypergeometric().probability((int) a);
    double limit = observed * (1 + RELATIVE_TOLERANCE);
    double p = 0;
    for (int x = t.low(); x <= t.high(); x++) {
      double px = t.hypergeometric().probability(x);
      if (px <= limit) {
        p += px;
      }
    }
    return new TestResult("Fisher", t.oddsRatio(), Math.min(1, p));
  }

  /**
   * Returns the one-sided Fisher p-value that the first group's success rate is greater: the
   * probability of {@code a} or more successes in the first row given the margins.
   */
  public static double fisherGreater(long a, long b, long c, long d) {
    Table t = new Table(a, b, c, d);
    return Math.min(1, t.hypergeometric().upperCumulativeProbability((int) a));
  }

  /** Returns the one-sided Fisher p-value that the first group's success rate is smaller. */
  public static double fisherLess(long a, long b, long c, long d) {
    Table t = new Table(a, b, c, d);
    return Math.min(1, t.hypergeometric().cumulativeProbability((int) a));
  }

  private static void check(double x, double n) {
    if (!(x >= 0) || !(n >= x) || Double.isInfinite(n)) {
      throw new IllegalArgumentException(
          "A group needs 0 <= successes <= trials, got " + x + " / " + n);
    }
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v) && v < Integer.MAX_VALUE;
  }

  /** A 2×2 table with its margins; the first cell follows a hypergeometric law given them. */
  private record Table(long a, long b, long c, long d) {

    Table {
      if (a < 0 || b < 0 || c < 0 || d < 0) {
        throw new IllegalArgumentException(
            "Fisher's test needs counts >= 0, got [["
                + a
                + ", "
                + b
                + "], ["
                + c
                + ", "
                + d
                + "]]");
      }
      if (a + b + c + d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "Fisher's test takes at most " + Integer.MAX_VALUE + " examples");
      }
    }

    HypergeometricDistribution hypergeometric() {
      // Population: every example; "successes" in it: the first column; draws: the first row.
      return new HypergeometricDistribution(
          null, (int) (a + b + c + d), (int) (a + c), (int) (a + b));
    }

    int low() {
      return (int) Math.max(0, (a + b) + (a + c) - (a + b + c + d));
    }

    int high() {
      return (int) Math.min(a + b, a + c);
    }

    double oddsRatio() {
      return (double) a * d / ((double) b * c);
    }
  }
}
