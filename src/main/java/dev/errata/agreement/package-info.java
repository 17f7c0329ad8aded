/**
 * Agreement between annotators: Cohen's kappa for two, Fleiss' kappa for more, overall, per class
 * and per tag value, with intervals; the annotator-vs-annotator matrix and a sheet of the examples
 * they disagree on. Every count comes from {@link dev.errata.load.Predictions#counts}.
 */
package dev.errata.agreement;
