package dev.errata.render.chart;

import java.nio.charset.StandardCharsets;

/**
 * One chart's notebook output, the MIME bundle a kernel publishes: {@code text/html} (the static
 * chart as a PNG image with the SVG as its sharper alternative, plus the guarded interactive
 * upgrade), {@code image/png} (base64, the same PNG) for viewers that show no HTML, and a one-line
 * {@code text/plain}. It stays within {@link #BUDGET} bytes of notebook JSON. When a chart would
 * pass it, the output gives up, in turn: the SVG alternative, then PNG resolution, then the
 * interactive upgrade, then the PNG (the SVG then becomes the image).
 *
 * @param html the {@code text/html} fragment
 * @param pngBase64 the {@code image/png} payload, base64
 * @param text the {@code text/plain} summary
 * @param pngScale the scale the PNG was drawn at (1 = same size as the SVG)
 */
public record ChartOutput(String html, String pngBase64, String text, double pngScale) {

  /**
   * The most a chart may add to a notebook file, in bytes of UTF-8 JSON: 40 KB since the PNG is
   * carried twice (in the HTML, which every viewer picks, and as {@code image/png}, which PDF
   * exports pick); 30 KB before.
   */
  public static final int BUDGET = 40 * 1024;

  /** PNG scales tried in turn until the output fits. */
  static final double[] SCALES = {1, 0.85, 0.7, 0.55, 0.4};

  static ChartOutput of(Chart chart, PlotlyJs js) {
    Canvas canvas = chart.canvas();
    for (boolean interactive : new boolean[] {true, false}) {
      for (double scale : SCALES) {
        String png = base64(PngWriter.write(canvas, scale));
        for (boolean svg : new boolean[] {true, false}) {
          String html = interactive ? chart.html(js, png, svg) : chart.staticHtml(png, svg);
          ChartOutput out = new ChartOutput(html, png, chart.text(), scale);
          if (out.size() <= BUDGET) {
            return out;
          }
        }
      }
    }
    return new ChartOutput(chart.staticHtml("", true), "", chart.text(), 0);
  }

  /** Returns whether this output carries the interactive upgrade (it may lose it to the budget). */
  public boolean interactive() {
    return html.contains("<script");
  }

  /** Returns whether this output carries a PNG (only a chart past every budget step lacks one). */
  public boolean hasPng() {
    return !pngBase64.isEmpty();
  }

  /**
   * Returns the bytes this output takes in a notebook file: each value as a JSON string (quotes
   * and escapes included) in UTF-8, plus the MIME type keys.
   */
  public int size() {
    return json("text/html") + json(html) + json("image/png") + json(pngBase64)
        + json("text/plain") + json(text) + 6;
  }

  /** Returns the UTF-8 size of {@code s} as a JSON string the way nbformat writes it. */
  private static int json(String s) {
    int extra = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      extra += c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' ? 1 : c < 0x20 ? 5 : 0;
    }
    return s.getBytes(StandardCharsets.UTF_8).length + extra;
  }

  private static String base64(byte[] png) {
    return java.util.Base64.getEncoder().encodeToString(png);
  }
}
