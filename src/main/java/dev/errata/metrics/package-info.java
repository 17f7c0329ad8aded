/**
 * Counts (group × actual × predicted) in one pass over int codes, and every metric derived from
 * those counts: confusion matrices, per-class precision/recall/F1, averages, intervals.
 */
package dev.errata.metrics;
