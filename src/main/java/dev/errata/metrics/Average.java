package dev.errata.metrics;

/** Names how per-class values are combined into one number, as scikit-learn's {@code average}. */
public enum Average {
  /** The unweighted mean over classes. */
  MACRO,
  /** The mean over classes weighted by support (the number of actual examples). */
  WEIGHTED,
  /** The value computed from counts summed over classes (equals accuracy for single-label data). */
  MICRO;

  /** Returns the row label scikit-learn's report uses, e.g. "macro avg". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT) + " avg";
  }
}
