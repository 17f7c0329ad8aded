package dev.errata.metrics;

/** Names what a confusion matrix is divided by, as scikit-learn's {@code normalize}. */
public enum Normalization {
  /** Each row sums to 1: the share of each actual class predicted as each class. */
  TRUE,
  /** Each column sums to 1: the share of each predicted class that is each actual class. */
  PRED,
  /** The whole matrix sums to 1. */
  ALL;

  /** Parses "true", "pred" or "all", case-insensitively. */
  public static Normalization parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "actual", "row", "rows" -> TRUE;
      case "pred", "predicted", "column", "columns" -> PRED;
      case "all" -> ALL;
      default ->
          throw new IllegalArgumentException(
              "Unknown normalization \"" + text + "\"; choices are [true, pred, all]");
    };
  }
}
