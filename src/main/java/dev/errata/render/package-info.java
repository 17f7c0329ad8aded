/**
 * Turns results into what a notebook shows: HTML tables with a text twin, and (in {@code
 * render.chart}) charts. Strings only, usable outside a kernel; every label that reaches HTML is
 * escaped here.
 *
 * <p>{@link dev.errata.render.View#of} is the one path: any {@link
 * dev.errata.present.Presentable} result is drawn from its presentation, each column read by its
 * declared {@link dev.errata.present.ColumnKind} (a proportion as {@code 88.3 %}, a difference as
 * {@code 4.0 pp}, an interval merged as {@code 83.4 % [79.9, 86.5]}); NaN reads "undefined"; a
 * table shows at most 50 rows and then "… N more rows", its shape in the caption. A plain Tablesaw
 * table reads by its column types: nothing is guessed from a column's name.
 */
package dev.errata.render;
