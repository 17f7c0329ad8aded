package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart laid out as a list of shapes on a pixel grid (origin top left), drawn in order. One
 * layout feeds both the SVG and the PNG writers, so the two images agree.
 */
final class Canvas {

  /** Where a text's x coordinate sits relative to the text. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  sealed interface Shape permits Rect, Line, Polyline, Text, Glyphs, Dot {}

  /** A filled rectangle. */
  record Rect(double x, double y, double w, double h, String fill) implements Shape {}

  /** A straight stroke. */
  record Line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed)
      implements Shape {}

  /** A connected stroke through {@code xy} = x0, y0, x1, y1, …. */
  record Polyline(double[] xy, String stroke, double width, boolean dashed) implements Shape {}

  /**
   * One line of text with its baseline at {@code y}, rotated by {@code rotate} degrees around
   * ({@code x}, {@code y}).
   */
  record Text(
      double x,
      double y,
      String text,
      double size,
      Anchor anchor,
      String fill,
      boolean bold,
      double rotate)
      implements Shape {}

  /**
   * Characters each centred on its own x, all on baseline {@code y}: a row of short numbers in
   * one element (about half the bytes of one text element per number).
   */
  record Glyphs(double y, double[] xs, String chars, double size, String fill) implements Shape {}

  /** A filled circle. */
  record Dot(double x, double y, double r, String fill) implements Shape {}

  final int width;
  final int height;
  final String title;
  final List<Shape> shapes = new ArrayList<>();

  Canvas(int width, int height, String title) {
    this.width = width;
    this.height = height;
    this.title = title;
  }

  Canvas rect(double x, double y, double w, double h, String fill) {
    shapes.add(new Rect(x, y, w, h, fill));
    return this;
  }

  Canvas line(double x1, double y1, double x2, double y2, String stroke, double width) {
    shapes.add(new Line(x1, y1, x2, y2, stroke, width, false));
    return this;
  }

  Canvas dashed(double x1, double y1, double x2, double y2, String stroke, double width) {
    shapes.add(new Line(x1, y1, x2, y2, stroke, width, true));
    return this;
  }

  Canvas polyline(double[] xy, String stroke, double width) {
    shapes.add(new Polyline(xy, stroke, width, false));
    return this;
  }

  Canvas text(double x, double y, String text, double size, Anchor anchor, String fill) {
    shapes.add(new Text(x, y, text, size, anchor, fill, false, 0));
    return this;
  }

  Canvas bold(double x, double y, String text, double size, Anchor anchor, String fill) {
    shapes.add(new Text(x, y, text, size, anchor, fill, true, 0));
    return this;
  }

  Canvas rotated(
      double x, double y, String text, double size, Anchor anchor, String fill, double degrees) {
    shapes.add(new Text(x, y, text, size, anchor, fill, false, degrees));
    return this;
  }

  /**
   * Adds {@code texts}, each centred on its x in {@code centres}, as one row of glyphs; character
   * advances are estimated from {@link Style#width}.
   */
  Canvas centred(double y, double[] centres, java.util.List<String> texts, double size, String fill) {
    StringBuilder chars = new StringBuilder();
    java.util.List<Double> xs = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      // Tighter than Style.width (which errs wide so labels never collide): digits are about
      // 0.56 em in Helvetica and Arial, 0.64 em in DejaVu Sans.
      double x = centres[i] - Style.width(t, size) * 0.9 / 2;
      for (int cp : t.codePoints().toArray()) {
        String ch = new String(Character.toChars(cp));
        double w = Style.width(ch, size) * 0.9;
        xs.add(Math.round((x + w / 2) * 10) / 10.0);
        chars.append(ch);
        x += w;
      }
    }
    if (!xs.isEmpty()) {
      shapes.add(new Glyphs(y, xs.stream().mapToDouble(Double::doubleValue).toArray(), chars.toString(), size, fill));
    }
    return this;
  }

  Canvas dot(double x, double y, double r, String fill) {
    shapes.add(new Dot(x, y, r, fill));
    return this;
  }
}
