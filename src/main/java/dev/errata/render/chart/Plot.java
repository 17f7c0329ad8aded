package dev.errata.render.chart;

/** The data behind a chart, in one of the shapes Errata draws. */
public sealed interface Plot permits Heatmap, Bars, Lines, Parallel {}
