/**
 * Counts (group × actual × predicted) in one pass over int codes, and every metric derived from
 * those counts as scikit-learn 1.2 defines it: confusion matrices, per-class precision, recall,
 * F-beta, averages, MCC, kappa, score curves, baselines and intervals. Matrices are rows = actual,
 * columns = predicted; an undefined ratio is NaN unless a {@link dev.errata.metrics.ZeroDivision}
 * policy says otherwise.
 */
package dev.errata.metrics;
