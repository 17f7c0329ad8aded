/**
 * Reads predictions (CSV, TSV, Parquet, JSON Lines, a Tablesaw table, a Spark Dataset), validates
 * the column roles once and answers the one counting seam, {@link
 * dev.errata.load.Predictions#counts}, from memory, embedded DuckDB or Spark (the {@code Spark*}
 * classes, the only ones that touch Spark). Everything downstream works on {@link
 * dev.errata.load.Predictions}.
 */
package dev.errata.load;
