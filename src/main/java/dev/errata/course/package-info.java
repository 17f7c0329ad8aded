/**
 * The modelling half of the course week: the three milestones (training set, dev/test, business
 * metric) with their flags, and the overfit-a-small-set sanity check. Counts come from {@link
 * dev.errata.load.Predictions#counts}.
 */
package dev.errata.course;
