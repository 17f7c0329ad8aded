/**
 * Metrics per slice of the data (each value of a categorical column, or each intersection of two or
 * three), disparities between slices, each slice's significance against the rest, and slice
 * discovery: searching for the conjunctions of predicates where the model fails most.
 */
package dev.errata.slices;
