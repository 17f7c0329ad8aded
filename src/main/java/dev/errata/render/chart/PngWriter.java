package dev.errata.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Paints a {@link Canvas} with Java2D into a PNG; needs no display (works headless). */
final class PngWriter {

  private PngWriter() {}

  static byte[] write(Canvas canvas) {
    return write(canvas, 1);
  }

  /** Returns the PNG of {@code canvas} drawn at {@code scale} (1 = one pixel per SVG unit). */
  static byte[] write(Canvas canvas, double scale) {
    BufferedImage image = Palette.indexed(paint(canvas, scale));
    ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("No PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode chart \"" + canvas.title + "\" as PNG", e);
    }
    return out.toByteArray();
  }

  static BufferedImage paint(Canvas canvas, double scale) {
    int w = Math.max(1, (int) Math.round(canvas.width * scale));
    int h = Math.max(1, (int) Math.round(canvas.height * scale));
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      for (Canvas.Shape s : canvas.shapes) {
        draw(g, s);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void draw(Graphics2D g, Canvas.Shape s) {
    if (s instanceof Canvas.Rect r) {
      g.setColor(colour(r.fill()));
      g.fill(new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h()));
    } else if (s instanceof Canvas.Line l) {
      stroke(g, l.stroke(), l.width(), l.dashed());
      g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
    } else if (s instanceof Canvas.Polyline p) {
      double[] xy = p.xy();
      Path2D.Double path = new Path2D.Double();
      path.moveTo(xy[0], xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        path.lineTo(xy[i], xy[i + 1]);
      }
      stroke(g, p.stroke(), p.width(), p.dashed());
      g.draw(path);
    } else if (s instanceof Canvas.Dot d) {
      g.setColor(colour(d.fill()));
      g.fill(new Ellipse2D.Double(d.x() - d.r(), d.y() - d.r(), 2 * d.r(), 2 * d.r()));
    } else if (s instanceof Canvas.Text t) {
      text(g, t);
    } else if (s instanceof Canvas.Glyphs gl) {
      int[] cps = gl.chars().codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        text(g, new Canvas.Text(gl.xs()[i], gl.y(), new String(Character.toChars(cps[i])), gl.size(),
            Canvas.Anchor.MIDDLE, gl.fill(), false, 0));
      }
    }
  }

  /** Parses {@code #rgb} or {@code #rrggbb}. */
  static Color colour(String css) {
    String hex = css.substring(1);
    if (hex.length() == 3) {
      hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
    }
    return new Color(Integer.parseInt(hex, 16));
  }

  private static void stroke(Graphics2D g, String colour, double width, boolean dashed) {
    g.setColor(colour(colour));
    g.setStroke(
        dashed
            ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 3f}, 0f)
            : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
  }

  private static void text(Graphics2D g, Canvas.Text t) {
    String text = dev.errata.internal.LabelText.xmlSafe(t.text());
    if (text.isEmpty()) {
      return;
    }
    g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size()));
    g.setColor(colour(t.fill()));
    double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
    double dx =
        switch (t.anchor()) {
          case START -> 0;
          case MIDDLE -> -w / 2;
          case END -> -w;
        };
    AffineTransform saved = g.getTransform();
    if (t.rotate() != 0) {
      g.rotate(Math.toRadians(t.rotate()), t.x(), t.y());
    }
    g.drawString(text, (float) (t.x() + dx), (float) t.y());
    g.setTransform(saved);
  }
}
