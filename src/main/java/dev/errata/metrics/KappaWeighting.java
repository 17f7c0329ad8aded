package dev.errata.metrics;

/** Names the disagreement weights of Cohen's kappa, as scikit-learn's {@code weights}. */
public enum KappaWeighting {
  /** Every disagreement weighs 1. */
  NONE,
  /** A disagreement between class codes i and j weighs |i - j|. */
  LINEAR,
  /** A disagreement between class codes i and j weighs (i - j)². */
  QUADRATIC;

  double weight(int i, int j) {
    return switch (this) {
      case NONE -> i == j ? 0 : 1;
      case LINEAR -> Math.abs(i - j);
      case QUADRATIC -> (double) (i - j) * (i - j);
    };
  }
}
