/**
 * Compares two runs on the same examples (joined by id): per-slice deltas of every metric,
 * McNemar's exact test on paired correctness and flagged regressions; and checks a set of augmented
 * examples against the originals they came from.
 */
package dev.errata.compare;
