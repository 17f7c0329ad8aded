/**
 * Charts on plain data, for any analysis: {@link dev.errata.render.chart.Charts} builds them
 * (confusion-matrix heatmap, per-slice bars with interval whiskers, model-vs-HLP bars annotated
 * with gap and share of data, precision-recall and ROC curves, a metric across runs, bars of any
 * result table's columns), and a {@link dev.errata.render.chart.Chart} yields every form a viewer
 * may need.
 *
 * <ul>
 *   <li>{@code svg()}: a deterministic, hand-written static SVG (labels escaped and cut with an
 *       ellipsis); {@code png()}: the same layout drawn with Java2D, headless.
 *   <li>{@code output()}: the notebook bundle — {@code text/html} is a data-URI image, the PNG
 *       with the SVG as its {@code srcset} alternative (shown by every viewer, scripts or not,
 *       sanitizing code hosts included) plus the Plotly figure as inert JSON and a guarded
 *       script that swaps in the interactive chart only where scripts run and plotly.js 3.0.1
 *       loads (page's own Plotly, a RequireJS-loaded one, or the pinned CDN build with its SRI
 *       hash); {@code image/png}; a one-line {@code text/plain}. At most 40 KB per chart.
 *   <li>{@code plotlyJson()}: the Plotly figure; {@code toTable()}: the data back as a table.
 *   <li>{@link dev.errata.render.chart.OfflineHtml}: a page, or a notebook's HTML export, with
 *       plotly.js included once, interactive without network.
 * </ul>
 */
package dev.errata.render.chart;
