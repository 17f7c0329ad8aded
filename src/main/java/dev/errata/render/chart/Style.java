package dev.errata.render.chart;

import dev.errata.internal.LabelText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Colours, text sizes and the small geometry helpers every layout shares. */
final class Style {

  /** Series colours, in order (Vega's category10, readable on white and in grey print). */
  static final String[] SERIES = {
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#eeca3b", "#9d755d"
  };

  static final String INK = "#222";
  static final String MUTED = "#666";
  static final String GRID = "#e6e6e6";
  static final String AXIS = "#999";

  /** The sequential scale for shares (ColorBrewer "Blues"), from 0 to 1. */
  private static final int[] BLUES = {
    0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b
  };

  /** Steps the colour scale is cut into, so equal shares share one colour (and one SVG path). */
  static final int SCALE_STEPS = 20;

  /**
   * Text sizes in pixels at 100 % zoom. Nothing is smaller than 12 px (matplotlib's default text is
   * about 14 px on screen): a chart in a shared notebook must read without zooming in.
   */
  static final double TITLE_SIZE = 15;

  static final double LABEL_SIZE = 12;
  static final double SMALL_SIZE = 12;

  /** The smallest text any chart draws. */
  static final double MIN_TEXT_SIZE = 12;

  /** Longest title, category label and note, in code points. */
  static final int TITLE_CHARS = 80;

  static final int LABEL_CHARS = 28;
  static final int NOTE_CHARS = 48;

  private Style() {}

  /** Returns the colour of series {@code i}. */
  static String series(int i) {
    return SERIES[i % SERIES.length];
  }

  /** Returns the scale colour of share {@code v} in [0, 1], rounded to the scale's steps. */
  static String blues(double v) {
    if (Double.isNaN(v)) {
      return "#fff";
    }
    double t = Math.round(Math.max(0, Math.min(1, v)) * SCALE_STEPS) / (double) SCALE_STEPS;
    double pos = t * (BLUES.length - 1);
    int i = Math.min((int) pos, BLUES.length - 2);
    double f = pos - i;
    int a = BLUES[i];
    int b = BLUES[i + 1];
    int r = mix(a >> 16 & 255, b >> 16 & 255, f);
    int g = mix(a >> 8 & 255, b >> 8 & 255, f);
    int bl = mix(a & 255, b & 255, f);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  /** Returns the Plotly colour scale matching {@link #blues}. */
  static List<Object[]> bluesScale() {
    List<Object[]> scale = new ArrayList<>();
    for (int i = 0; i < BLUES.length; i++) {
      scale.add(
          new Object[] {
            i / (double) (BLUES.length - 1), String.format(Locale.ROOT, "#%06x", BLUES[i])
          });
    }
    return scale;
  }

  /** Returns whether text on a cell of share {@code v} should be white. */
  static boolean dark(double v) {
    return !Double.isNaN(v) && v >= 0.5;
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /**
   * Estimates the width in pixels of {@code text} at font size {@code size}: a fixed advance per
   * character (wide for CJK and emoji), so layouts are deterministic and never depend on fonts.
   */
  static double width(String text, double size) {
    double em = 0;
    for (int cp : text.codePoints().toArray()) {
      if (Character.getType(cp) == Character.FORMAT) {
        continue;
      }
      em += advance(cp);
    }
    return em * size;
  }

  /**
   * Returns a generous advance, in em, of code point {@code cp} in common sans-serif fonts
   * (DejaVu Sans is the widest of them), so estimated labels never overlap their neighbours.
   */
  static double advance(int cp) {
    if (cp >= 0x1100) {
      return 1.0;
    }
    if (" .,:;'|!iljI()[]".indexOf(cp) >= 0) {
      return 0.34;
    }
    if ("<>=+~&%@#MWmw—…".indexOf(cp) >= 0) {
      return 0.86;
    }
    if (Character.isUpperCase(cp)) {
      return 0.72;
    }
    return 0.64;
  }

  /** Returns {@code text} cut to {@code chars} code points with an ellipsis. */
  static String cap(String text, int chars) {
    return LabelText.cap(text == null ? "" : text, chars);
  }

  /** Returns about {@code count} round tick values covering [min, max]. */
  static double[] ticks(double min, double max, int count) {
    double span = max - min;
    double raw = span / Math.max(1, count);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      step = m * mag;
      if (span / step <= count) {
        break;
      }
    }
    double first = Math.ceil(min / step - 1e-9) * step;
    List<Double> ticks = new ArrayList<>();
    for (double t = first; t <= max + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns a round upper bound at or above {@code max} (the largest tick of its scale). */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double[] t = ticks(0, max, 5);
    double last = t[t.length - 1];
    return last >= max - 1e-12 ? last : last + (t.length > 1 ? t[1] - t[0] : last);
  }

  /** Formats a tick on a percent axis: whole percents without decimals. */
  static String tick(double v, boolean percent) {
    if (percent) {
      double p = v * 100;
      return (Math.abs(p - Math.rint(p)) < 1e-9
              ? String.format(Locale.ROOT, "%d", Math.round(p))
              : String.format(Locale.ROOT, "%.1f", p))
          + " %";
    }
    return dev.errata.render.Numbers.format(v);
  }

  /** Formats a count in at most four characters: 987, 1.2k, 12k, 123k, 1.2M. */
  static String compact(double n) {
    if (Double.isNaN(n)) {
      return "";
    }
    double a = Math.abs(n);
    if (a < 1000) {
      return n == Math.rint(n)
          ? Long.toString(Math.round(n))
          : String.format(Locale.ROOT, "%.1f", n);
    }
    String[] units = {"k", "M", "G", "T"};
    double v = a;
    int u = -1;
    while (v >= 999.5 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    String s =
        v < 9.95 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
    return (n < 0 ? "-" : "") + s + units[u];
  }
}
