/** Helpers shared across Errata's packages. Not API: may change without notice. */
package dev.errata.internal;
