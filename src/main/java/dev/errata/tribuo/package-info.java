/**
 * Tribuo in, Errata out: a trained model's predictions become Errata predictions, and its
 * provenance (trainer, hyperparameters, data) becomes a logged run's parameters. The only package
 * that loads Tribuo classes; Tribuo is an optional dependency, needed only when this is used.
 */
package dev.errata.tribuo;
