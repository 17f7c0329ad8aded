/**
 * The presentation contract: what a result shows, without showing it. A result implements {@link
 * dev.errata.present.Presentable}: its {@link dev.errata.present.Presentation} lists its tables
 * ({@link dev.errata.present.Section}s), each with the {@link dev.errata.present.ColumnKind} of its
 * columns, and its notes and warnings. Rendering ({@code dev.errata.render}) and the kernel have one
 * path from any presentable value to HTML, text and export, so a new result type declares its
 * tables and column kinds and nothing else. How a column reads is never guessed from its name.
 *
 * <p>This package depends on Tablesaw only; every result package may use it.
 */
package dev.errata.present;
