/**
 * Turns results into HTML tables, text and charts (static SVG plus optional Plotly). Strings only:
 * usable outside a kernel; every label that reaches HTML is escaped here.
 */
package dev.errata.render;
