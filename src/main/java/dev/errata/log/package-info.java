/**
 * The experiment log: a run records code version, data set, hyperparameters, results, model file
 * and environment in a SQLite file (by default next to the notebook) or any JDBC database, and
 * comes back as a Tablesaw table. Knows no analysis type: results are plain maps and tables.
 */
package dev.errata.log;
