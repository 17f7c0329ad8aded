/**
 * The IJava adapter: magics that parse strings and call the library, renderers that turn results
 * into MIME bundles, the kernel installer and the notebook runner.
 */
package dev.errata.kernel;
