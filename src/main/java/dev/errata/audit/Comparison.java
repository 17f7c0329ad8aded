package dev.errata.audit;

import java.util.Optional;

/** How a rule compares a value with its threshold; an undefined (NaN) value never holds. */
public enum Comparison {
  AT_LEAST(">="),
  AT_MOST("<="),
  ABOVE(">"),
  BELOW("<");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** Returns the symbol as written, e.g. ">=". */
  public String symbol() {
    return symbol;
  }

  /** Returns whether {@code value} compares with {@code threshold} as required. */
  public boolean holds(double value, double threshold) {
    return switch (this) {
      case AT_LEAST -> value >= threshold;
      case AT_MOST -> value <= threshold;
      case ABOVE -> value > threshold;
      case BELOW -> value < threshold;
    };
  }

  /** Returns the comparison written as {@code symbol} (also ≥ and ≤), if it is one. */
  static Optional<Comparison> of(String symbol) {
    return switch (symbol) {
      case ">=", "≥" -> Optional.of(AT_LEAST);
      case "<=", "≤" -> Optional.of(AT_MOST);
      case ">" -> Optional.of(ABOVE);
      case "<" -> Optional.of(BELOW);
      default -> Optional.empty();
    };
  }
}
