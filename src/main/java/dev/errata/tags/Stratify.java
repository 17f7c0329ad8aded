package dev.errata.tags;

/** Says how a sample of errors is spread: at random, or evenly over classes or tags. */
public enum Stratify {
  /** A simple random sample of the errors. */
  NONE,
  /** Round-robin over actual classes, so rare classes get their share. */
  CLASS,
  /** Round-robin over tags and the untagged errors, so every tag gets examples. */
  TAG
}
