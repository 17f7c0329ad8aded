package dev.errata.internal;

/**
 * Makes label text safe to lay out: counts and cuts it by code point (never splitting an emoji's
 * surrogate pair) and replaces characters that XML forbids. Labels are data, so nothing else is
 * changed.
 */
public final class LabelText {

  /** The character that ends a label cut short. */
  public static final String ELLIPSIS = "…";

  private LabelText() {}

  /** Returns the number of visible code points in {@code s} (format characters take no room). */
  public static int length(String s) {
    return (int) s.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).count();
  }

  /**
   * Returns {@code s} fit for one line of plain text: line breaks and tabs become spaces, other
   * control characters U+FFFD, and text with right-to-left or bidi-control characters is wrapped
   * in an isolate (U+2068 … U+2069) so it cannot reorder what follows it on the line.
   */
  public static String oneLine(String s) {
    String flat = xmlSafe(s == null ? "" : s).replaceAll("[\\t\\n\\r\\u2028\\u2029]", " ");
    return bidi(flat) ? "\u2068" + flat + "\u2069" : flat;
  }

  /** Returns whether {@code s} holds a right-to-left letter or a bidi control character. */
  static boolean bidi(String s) {
    return s.codePoints()
        .anyMatch(
            c -> {
              byte d = Character.getDirectionality(c);
              return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                  || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                  || (c >= 0x202A && c <= 0x202E)
                  || (c >= 0x2066 && c <= 0x2069);
            });
  }

  /**
   * Returns {@code s} cut to at most {@code max} code points, the last being an ellipsis when
   * anything was cut; null becomes "".
   */
  public static String cap(String s, int max) {
    if (s == null) {
      return "";
    }
    if (length(s) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, Math.max(0, max - 1));
    return s.substring(0, end) + ELLIPSIS;
  }

  /**
   * Returns {@code s} with every character that XML 1.0 forbids (controls other than tab, line
   * feed and carriage return; lone surrogates; U+FFFE and U+FFFF) replaced by U+FFFD.
   */
  public static String xmlSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (sb != null) {
            sb.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
      }
      if (!ok && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(ok ? c : '\uFFFD');
      }
    }
    return sb == null ? s : sb.toString();
  }
}
