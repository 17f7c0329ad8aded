package dev.errata.render.chart;

import dev.errata.render.Html;
import dev.errata.internal.LabelText;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Canvas} as a standalone SVG document: deterministic (same canvas, same bytes)
 * and compact (runs of same-coloured rectangles become one path, runs of same-styled texts share
 * one group). Every text is made XML-safe and escaped.
 */
final class SvgWriter {

  static final String FONT = "Helvetica,Arial,'DejaVu Sans',sans-serif";

  private SvgWriter() {}

  static String write(Canvas canvas) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(canvas.width)
        .append("\" height=\"")
        .append(canvas.height)
        .append("\" viewBox=\"0 0 ")
        .append(canvas.width)
        .append(' ')
        .append(canvas.height)
        .append("\" font-family=\"")
        .append(FONT)
        .append("\"><title>")
        .append(content(canvas.title))
        .append("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    List<Canvas.Shape> shapes = canvas.shapes;
    int i = 0;
    while (i < shapes.size()) {
      Canvas.Shape s = shapes.get(i);
      if (s instanceof Canvas.Rect r) {
        int j = i;
        while (j < shapes.size() && shapes.get(j) instanceof Canvas.Rect q && q.fill().equals(r.fill())) {
          j++;
        }
        rects(sb, shapes.subList(i, j));
        i = j;
      } else if (s instanceof Canvas.Glyphs first) {
        int j = i;
        sb.append("<g font-size=\"").append(n(first.size())).append("\" fill=\"").append(first.fill())
            .append("\" text-anchor=\"middle\">");
        while (j < shapes.size() && shapes.get(j) instanceof Canvas.Glyphs g
            && g.size() == first.size() && g.fill().equals(first.fill())) {
          sb.append("<text y=\"").append(n(g.y())).append("\" x=\"");
          for (int k = 0; k < g.xs().length; k++) {
            sb.append(k == 0 ? "" : " ").append(n(g.xs()[k]));
          }
          sb.append("\">").append(content(g.chars())).append("</text>");
          j++;
        }
        sb.append("</g>");
        i = j;
      } else if (s instanceof Canvas.Text t) {
        int j = i;
        sb.append("<g font-size=\"")
            .append(n(t.size()))
            .append("\" fill=\"")
            .append(t.fill())
            .append('"');
        if (t.anchor() != Canvas.Anchor.START) {
          sb.append(" text-anchor=\"").append(t.anchor() == Canvas.Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (t.bold()) {
          sb.append(" font-weight=\"bold\"");
        }
        sb.append('>');
        while (j < shapes.size() && shapes.get(j) instanceof Canvas.Text u && sameStyle(t, u)) {
          sb.append("<text x=\"").append(n(u.x())).append("\" y=\"").append(n(u.y())).append('"');
          if (u.rotate() != 0) {
            sb.append(" transform=\"rotate(")
                .append(n(u.rotate()))
                .append(' ')
                .append(n(u.x()))
                .append(' ')
                .append(n(u.y()))
                .append(")\"");
          }
          sb.append('>').append(content(u.text())).append("</text>");
          j++;
        }
        sb.append("</g>");
        i = j;
      } else if (s instanceof Canvas.Line l) {
        int j = i;
        sb.append("<path d=\"");
        while (j < shapes.size() && shapes.get(j) instanceof Canvas.Line m && sameStroke(l, m)) {
          sb.append('M').append(n(m.x1())).append(' ').append(n(m.y1()));
          if (tenth(m.y1()) == tenth(m.y2())) {
            sb.append('h').append(n(tenth(m.x2()) - tenth(m.x1())));
          } else if (tenth(m.x1()) == tenth(m.x2())) {
            sb.append('v').append(n(tenth(m.y2()) - tenth(m.y1())));
          } else {
            sb.append('L').append(n(m.x2())).append(' ').append(n(m.y2()));
          }
          j++;
        }
        sb.append('"');
        stroke(sb, l.stroke(), l.width(), l.dashed());
        i = j;
      } else {
        shape(sb, s);
        i++;
      }
    }
    return sb.append("</svg>").toString();
  }

  /**
   * Writes same-coloured rectangles as one path: as a thick stroke with relative moves when they
   * share one size (heatmap cells: about nine bytes each), else as closed outlines.
   */
  private static void rects(StringBuilder sb, List<Canvas.Shape> run) {
    Canvas.Rect first = (Canvas.Rect) run.get(0);
    boolean same =
        run.stream().allMatch(s -> ((Canvas.Rect) s).w() == first.w() && ((Canvas.Rect) s).h() == first.h());
    if (same && run.size() > 1) {
      double h = first.h();
      sb.append("<path stroke=\"").append(first.fill()).append("\" stroke-width=\"").append(n(h)).append("\" d=\"");
      double cx = 0;
      double cy = 0;
      boolean start = true;
      for (Canvas.Shape s : run) {
        Canvas.Rect q = (Canvas.Rect) s;
        double x = tenth(q.x());
        double y = tenth(q.y() + h / 2);
        double w = tenth(q.w());
        sb.append(start ? 'M' : 'm').append(n(start ? x : x - cx)).append(' ')
            .append(n(start ? y : y - cy)).append('h').append(n(w));
        cx = x + w;
        cy = y;
        start = false;
      }
      sb.append("\"/>");
      return;
    }
    sb.append("<path fill=\"").append(first.fill()).append("\" d=\"");
    for (Canvas.Shape s : run) {
      Canvas.Rect q = (Canvas.Rect) s;
      sb.append('M').append(n(q.x())).append(' ').append(n(q.y())).append('h').append(n(q.w()))
          .append('v').append(n(q.h())).append('h').append(n(-q.w())).append('z');
    }
    sb.append("\"/>");
  }

  private static boolean sameStroke(Canvas.Line a, Canvas.Line b) {
    return a.stroke().equals(b.stroke()) && a.width() == b.width() && a.dashed() == b.dashed();
  }

  private static boolean sameStyle(Canvas.Text a, Canvas.Text b) {
    return a.size() == b.size()
        && a.anchor() == b.anchor()
        && a.fill().equals(b.fill())
        && a.bold() == b.bold();
  }

  private static void shape(StringBuilder sb, Canvas.Shape s) {
    if (s instanceof Canvas.Polyline p) {
      double[] xy = p.xy();
      sb.append("<path d=\"M");
      for (int k = 0; k < xy.length; k += 2) {
        if (k > 0) {
          sb.append('L');
        }
        sb.append(n(xy[k])).append(' ').append(n(xy[k + 1]));
      }
      sb.append('"');
      stroke(sb, p.stroke(), p.width(), p.dashed());
    } else if (s instanceof Canvas.Dot d) {
      sb.append("<circle cx=\"")
          .append(n(d.x()))
          .append("\" cy=\"")
          .append(n(d.y()))
          .append("\" r=\"")
          .append(n(d.r()))
          .append("\" fill=\"")
          .append(d.fill())
          .append("\"/>");
    }
  }

  private static void stroke(StringBuilder sb, String color, double width, boolean dashed) {
    sb.append(" fill=\"none\" stroke=\"").append(color).append('"');
    if (width != 1) {
      sb.append(" stroke-width=\"").append(n(width)).append('"');
    }
    if (dashed) {
      sb.append(" stroke-dasharray=\"4 3\"");
    }
    sb.append("/>");
  }

  private static double tenth(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Returns {@code v} rounded to one decimal, without a trailing ".0", in Locale.ROOT. */
  static String n(double v) {
    long tenths = Math.round(v * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /**
   * Returns {@code text} XML-safe and escaped for element content: {@code &} and {@code <}
   * always, {@code >} where it would end a {@code ]]>}.
   */
  static String content(String text) {
    String safe = LabelText.xmlSafe(text == null ? "" : text);
    return safe.replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "]]&gt;");
  }

  /** Returns {@code text} XML-safe and escaped for element content and attribute values. */
  static String escape(String text) {
    return Html.escape(text);
  }
}
