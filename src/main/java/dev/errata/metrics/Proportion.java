package dev.errata.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A rate of successes over trials (accuracy, precision, recall, error rate), with its support.
 *
 * <p>The value is NaN when there are no trials: an undefined ratio is never shown as 0.
 *
 * @param successes the numerator (may be a weighted count)
 * @param trials the denominator, the support of the rate
 */
public record Proportion(double successes, double trials) {

  /** The confidence level used when none is given. */
  public static final double DEFAULT_LEVEL = 0.95;

  public Proportion {
    if (!(successes >= 0) || !(trials >= successes)) {
      throw new IllegalArgumentException(
          "A proportion needs 0 <= successes <= trials, got " + successes + " / " + trials);
    }
  }

  /** Returns successes / trials, or NaN when there are no trials. */
  public double value() {
    return trials == 0 ? Double.NaN : successes / trials;
  }

  /** Returns the Wilson score interval at the default 95 % level. */
  public Interval wilson() {
    return wilson(DEFAULT_LEVEL);
  }

  /**
   * Returns the Wilson score interval at {@code level} (Wilson 1927; Brown, Cai and DasGupta 2001),
   * undefined when there are no trials.
   */
  public Interval wilson(double level) {
    if (trials == 0) {
      return Interval.undefined(level);
    }
    double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), level);
  }
}
