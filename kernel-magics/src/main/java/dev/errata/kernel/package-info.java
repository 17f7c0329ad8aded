/**
 * The IJava adapter: magics that parse strings and call the library, renderers that turn results
 * into MIME bundles, the kernel installer. The notebook runner and page checks are in the tools
 * module (kernel-magics/tools), outside the jar the kernel loads.
 */
package dev.errata.kernel;
