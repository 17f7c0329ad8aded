/**
 * Charts on plain data (heatmaps, bars with interval whiskers, lines and curves). A {@link
 * dev.errata.render.chart.Chart} yields a deterministic static SVG, a PNG, a one-line summary, a
 * Plotly figure as JSON, and one HTML fragment that shows the static image everywhere and swaps in
 * the interactive chart only where scripts run and plotly.js loads. {@link
 * dev.errata.render.chart.Charts} builds the charts an analysis needs; every label is data and is
 * escaped for each place it lands (SVG text, HTML attributes, JSON inside a script).
 */
package dev.errata.render.chart;
