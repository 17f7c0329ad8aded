/**
 * Makes the course's example data sets, seeded and exact: the companion notebooks generate their
 * data here instead of shipping hand-typed numbers. Not needed for analysing your own models.
 */
package dev.errata.examples;
