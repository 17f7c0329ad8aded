package dev.errata.kernel;

import dev.errata.render.chart.PlotlyJs;

/**
 * How this kernel shows charts; one object per kernel, shared by the chart renderer and {@code
 * %charts}. Both settings are read at each display.
 */
final class ChartSettings {

  private volatile boolean plotlyMime;
  private volatile PlotlyJs plotlyJs = PlotlyJs.CDN;

  /** Returns whether chart outputs also carry {@code application/vnd.plotly.v1+json}. */
  boolean plotlyMime() {
    return plotlyMime;
  }

  void plotlyMime(boolean on) {
    plotlyMime = on;
  }

  /** Returns where chart outputs load plotly.js from (where scripts run). */
  PlotlyJs plotlyJs() {
    return plotlyJs;
  }

  void plotlyJs(PlotlyJs js) {
    plotlyJs = js;
  }
}
