/**
 * Agreement between annotators: Cohen's kappa for two, Fleiss' kappa for more, overall, per class
 * and per tag value, with intervals; the annotator-vs-annotator matrix, a sheet of the examples
 * they disagree on, and that sheet read back with its corrected labels. Every count comes from
 * {@link dev.errata.load.Predictions#counts}.
 */
package dev.errata.agreement;
