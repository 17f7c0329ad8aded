/**
 * Baselines to measure a model against: human-level performance (HLP) per category from a small
 * table or from a second annotator's labels, a number from the literature, an older system's
 * predictions. The per-tag table in {@code dev.errata.tags} measures each gap against them.
 */
package dev.errata.baseline;
