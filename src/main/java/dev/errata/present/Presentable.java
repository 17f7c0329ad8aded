package dev.errata.present;

/**
 * A result that says what it shows: its tables with their column kinds, and its notes. Every
 * Errata result implements it; a notebook renders any presentable value the same way (HTML with a
 * text twin), and {@code %charts --export} writes it into a report.
 */
public interface Presentable {

  /** Returns what this result shows, in order. */
  Presentation present();
}
