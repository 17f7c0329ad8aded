package dev.errata.metrics;

import java.util.Objects;
import java.util.Optional;

/**
 * Holds the choices behind a classification report; {@link #defaults()} then {@code with...}.
 *
 * @param zeroDivision what an undefined ratio becomes (default: undefined)
 * @param level the confidence level of every interval (default 0.95)
 * @param resamples bootstrap resamples for F1 and averages (default 1,000; 0 turns them off)
 * @param seed the bootstrap's random seed, so intervals are reproducible (default 42)
 * @param positive the label reported as positive in the baselines, if any
 */
public record ReportOptions(
    ZeroDivision zeroDivision, double level, int resamples, long seed, Optional<String> positive) {

  public ReportOptions {
    Objects.requireNonNull(zeroDivision, "zeroDivision");
    Objects.requireNonNull(positive, "positive");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Confidence level must be in (0, 1), got " + level);
    }
    if (resamples < 0) {
      throw new IllegalArgumentException("Resamples must be >= 0, got " + resamples);
    }
  }

  /** Returns undefined zero division, 95 % intervals, 1,000 resamples, seed 42. */
  public static ReportOptions defaults() {
    return new ReportOptions(ZeroDivision.UNDEFINED, 0.95, 1000, 42, Optional.empty());
  }

  /** Returns these options with another zero-division policy. */
  public ReportOptions withZeroDivision(ZeroDivision policy) {
    return new ReportOptions(policy, level, resamples, seed, positive);
  }

  /** Returns these options with another confidence level. */
  public ReportOptions withLevel(double newLevel) {
    return new ReportOptions(zeroDivision, newLevel, resamples, seed, positive);
  }

  /** Returns these options with another number of bootstrap resamples. */
  public ReportOptions withResamples(int count) {
    return new ReportOptions(zeroDivision, level, count, seed, positive);
  }

  /** Returns these options with another bootstrap seed. */
  public ReportOptions withSeed(long newSeed) {
    return new ReportOptions(zeroDivision, level, resamples, newSeed, positive);
  }

  /** Returns these options with a positive label. */
  public ReportOptions withPositive(String label) {
    return new ReportOptions(zeroDivision, level, resamples, seed, Optional.of(label));
  }
}
