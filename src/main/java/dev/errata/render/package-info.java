/**
 * Turns results into what a notebook shows: HTML tables with a text twin, and (in {@code
 * render.chart}) charts. Strings only, usable outside a kernel; every label that reaches HTML is
 * escaped here.
 *
 * <p>How a table's numbers read is decided by column names ({@link dev.errata.render.TableFormat}
 * has the full convention and a hint map to override it): a rate column ({@code "recall"}, {@code
 * "error rate"}, {@code "% of data"}) holds a proportion and reads {@code 88.3 %}; columns {@code
 * "X low"} and {@code "X high"} beside {@code X} merge into {@code 83.4 % [79.9, 86.5]}; NaN reads
 * "undefined"; a table shows at most 50 rows and then "… N more rows", its shape in the caption.
 */
package dev.errata.render;
