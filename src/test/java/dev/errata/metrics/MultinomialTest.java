package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class MultinomialTest {

  /** Returns the largest gap between the empirical and the exact binomial CDF (seeded). */
  private static double cdfDistance(int n, double p, int draws, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] histogram = new long[n + 1];
    for (int i = 0; i < draws; i++) {
      histogram[(int) Multinomial.binomial(random, n, p)]++;
    }
    BinomialDistribution exact = new BinomialDistribution(null, n, p);
    double empirical = 0;
    double worst = 0;
    for (int x = 0; x <= n; x++) {
      empirical += histogram[x] / (double) draws;
      worst = Math.max(worst, Math.abs(empirical - exact.cumulativeProbability(x)));
    }
    return worst;
  }

  @Test
  void btpeDrawsMatchTheBinomialDistribution() {
    // Kolmogorov-Smirnov 99.9 % critical value for 200,000 draws is 1.95 / sqrt(200000) = 0.0044.
    assertTrue(cdfDistance(100, 0.4, 200_000, 1) < 0.0044);
    assertTrue(cdfDistance(1000, 0.05, 200_000, 2) < 0.0044);
    assertTrue(cdfDistance(100, 0.7, 200_000, 3) < 0.0044, "p > 0.5 is drawn as n - Bin(n, 1-p)");
  }

  @Test
  void inversionDrawsMatchTheBinomialDistribution() {
    assertTrue(cdfDistance(1000, 0.01, 200_000, 4) < 0.0044);
    assertTrue(cdfDistance(20, 0.5, 200_000, 5) < 0.0044);
  }

  @Test
  void largeBinomialHasTheRightMeanAndVariance() {
    SplittableRandom random = new SplittableRandom(6);
    long n = 10_000_000;
    double p = 0.1;
    int draws = 20_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < draws; i++) {
      double x = Multinomial.binomial(random, n, p);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / draws;
    double variance = sumSq / draws - mean * mean;
    double sd = Math.sqrt(n * p * (1 - p));
    assertEquals(n * p, mean, 5 * sd / Math.sqrt(draws));
    assertEquals(1.0, variance / (n * p * (1 - p)), 0.05);
  }

  @Test
  void multinomialCountsSumToNAndFollowTheCellShares() {
    SplittableRandom random = new SplittableRandom(7);
    double[] p = {0.5, 0.0, 0.2, 0.3};
    long[] out = new long[4];
    double[] mean = new double[4];
    for (int i = 0; i < 10_000; i++) {
      Multinomial.sample(random, 1000, p, out);
      assertEquals(1000, out[0] + out[1] + out[2] + out[3]);
      assertEquals(0, out[1], "an empty cell stays empty");
      for (int c = 0; c < 4; c++) {
        mean[c] += out[c] / 10_000.0;
      }
    }
    assertEquals(500, mean[0], 1);
    assertEquals(200, mean[2], 1);
    assertEquals(300, mean[3], 1);
  }
}
