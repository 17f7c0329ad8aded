/**
 * Build and QA tools, kept out of the jar the kernel loads: {@link dev.errata.tools.NotebookRunner}
 * executes notebooks through the installed kernel, {@link dev.errata.tools.RenderNotebooks} is the
 * main job (install, run every notebook, write HTML), {@link dev.errata.tools.HtmlCheck} opens pages
 * in headless Chromium and fails on script errors or injected markup.
 */
package dev.errata.tools;
