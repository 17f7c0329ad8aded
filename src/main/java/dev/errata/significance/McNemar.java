package dev.errata.significance;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Tests whether two models' correctness differs on the same examples (paired outcomes). Only the
 * discordant pairs carry information: {@code b} examples only the first model got right, {@code c}
 * only the second.
 */
public final class McNemar {

  private McNemar() {}

  /**
   * Returns McNemar's exact (conditional) test: under no difference {@code b} follows Binomial(b +
   * c, 1/2); the two-sided p-value is {@code min(1, 2 P(X <= min(b, c)))}, and 1 when there are no
   * discordant pairs. The statistic is {@code b - c}.
   */
  public static TestResult exact(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException(
          "McNemar's test needs discordant counts >= 0, got b = " + b + ", c = " + c);
    }
    if (b + c > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "McNemar's exact test takes at most " + Integer.MAX_VALUE + " discordant pairs");
    }
    if (b + c == 0) {
      return new TestResult("McNemar exact", 0, 1);
    }
    BinomialDistribution binomial = new BinomialDistribution(null, (int) (b + c), 0.5);
    double tail = binomial.cumulativeProbability((int) Math.min(b, c));
    return new TestResult("McNemar exact", b - c, Math.min(1, 2 * tail));
  }
}
