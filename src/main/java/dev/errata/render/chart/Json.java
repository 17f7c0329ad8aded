package dev.errata.render.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as JSON that is also safe inside an HTML
 * {@code <script>} element: {@code <} and U+2028/U+2029 are written as backslash-u escapes, so
 * no label can close the script ({@code </script>}), open a comment ({@code <!--}) or end a line.
 * NaN and infinities become {@code null} (Plotly draws a gap); numbers keep four significant digits (well below a pixel).
 */
final class Json {

  private Json() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder(1024);
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Number n) {
      number(sb, n.doubleValue());
    } else if (v instanceof double[] a) {
      sb.append('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        number(sb, a[i]);
      }
      sb.append(']');
    } else if (v instanceof Object[] a) {
      write(sb, List.of(a));
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, list.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("Cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  static void number(StringBuilder sb, double d) {
    if (!Double.isFinite(d)) {
      sb.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      BigDecimal b = new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros();
      double a = Math.abs(d);
      sb.append(a >= 1e-6 && a < 1e15 ? b.toPlainString() : b.toString());
    }
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '\u2028', '\u2029' -> hex(sb, c);
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pair(s, i)) {
            hex(sb, Character.isSurrogate(c) ? '\uFFFD' : c);
          } else {
            sb.append(c);
            if (Character.isHighSurrogate(c)) {
              sb.append(s.charAt(++i));
            }
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean pair(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void hex(StringBuilder sb, char c) {
    sb.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
  }
}
