package dev.errata.metrics;

/** Names a per-class measure that can be averaged over classes. */
public enum Measure {
  /** True positives over predicted positives. */
  PRECISION,
  /** True positives over actual positives (sensitivity). */
  RECALL,
  /** The harmonic mean of precision and recall. */
  F1
}
