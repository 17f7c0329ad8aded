/**
 * Tests whether a rate differs between two groups: two-proportion z test, Fisher's exact test,
 * McNemar's exact test for paired outcomes, and Benjamini–Hochberg adjustment across many tests.
 */
package dev.errata.significance;
