package dev.errata.baseline;

/** Says where a baseline number comes from, as the per-tag table names it. */
public enum BaselineKind {
  /** Human-level performance given per category in a table. */
  HLP_TABLE("HLP"),
  /** Human-level performance measured from a second annotator's labels against ground truth. */
  ANNOTATOR("HLP, second annotator"),
  /** A published number (state of the art, a paper, a benchmark). */
  LITERATURE("literature"),
  /** An older system's predictions on the same examples. */
  OLDER_SYSTEM("older system");

  private final String label;

  BaselineKind(String label) {
    this.label = label;
  }

  /** Returns the short name shown in tables. */
  public String label() {
    return label;
  }
}
