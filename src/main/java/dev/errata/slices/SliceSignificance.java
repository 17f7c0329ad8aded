package dev.errata.slices;

import dev.errata.significance.TestResult;

/**
 * Whether one slice's metric differs from the rest of the data's.
 *
 * @param slice the slice tested
 * @param rest the metric on every row outside the slice
 * @param result the two-proportion z test, or Fisher's exact test when an expected count is below 5
 * @param adjustedP the Benjamini–Hochberg adjusted p-value across the slices of the report
 */
public record SliceSignificance(Slice slice, double rest, TestResult result, double adjustedP) {}
