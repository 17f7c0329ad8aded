/**
 * Reads predictions (CSV, TSV, JSON Lines or a Tablesaw table), validates the column roles once and
 * encodes labels to int codes. Everything downstream works on {@link dev.errata.load.Predictions}.
 */
package dev.errata.load;
