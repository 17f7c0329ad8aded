/**
 * The course week's checks: the three milestones (training set, dev/test, business metric) with
 * their flags, the overfit-a-small-set sanity check, and the good-data checklist (coverage, label
 * consistency, size, drift of shares). Counts come from {@link dev.errata.load.Predictions#counts}.
 */
package dev.errata.course;
