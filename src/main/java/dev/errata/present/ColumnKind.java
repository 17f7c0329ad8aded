package dev.errata.present;

/**
 * What the values of a table column are, which decides how they read. A column whose kind is not
 * declared reads by its type: a number column as {@link #NUMBER}, any other as {@link #TEXT}.
 */
public enum ColumnKind {
  /** How many: a whole number with thousands separators, {@code 12,345}. */
  COUNT,
  /** Any other number: whole numbers plain, others with up to four decimals. */
  NUMBER,
  /** A proportion in [0, 1], shown as a percentage: {@code 0.883 → 88.3 %}. */
  PROPORTION,
  /**
   * A difference of two proportions, shown in percentage points: {@code 0.021 → 2.1 pp}, {@code
   * -0.01 → -1.0 pp}, so it never reads as a rate of its own.
   */
  PERCENTAGE_POINT,
  /** A p-value: four decimals, and {@code < 0.0001} below that, so a tiny one never reads 0. */
  P_VALUE,
  /** An identifier, shown exactly as written (no thousands separators). */
  ID,
  /** A class, tag or slice label, shown exactly as written. */
  LABEL,
  /** A hash or other shortened value; its full value may be a tooltip ({@link Section#fullValues}). */
  HASH,
  /** A parameter value, shown exactly as given ({@code 0.1} stays {@code 0.1}). */
  PARAMETER,
  /** Free text, shown as written. */
  TEXT;

  /** Returns whether values of this kind are numbers aligned to the right. */
  public boolean numeric() {
    return this == COUNT
        || this == NUMBER
        || this == PROPORTION
        || this == PERCENTAGE_POINT
        || this == P_VALUE;
  }
}
