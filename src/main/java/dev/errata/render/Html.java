package dev.errata.render;

import dev.errata.internal.LabelText;

/** Escapes text for HTML element content and attribute values. */
public final class Html {

  /**
   * Characters without a space after which a long word gets a break opportunity: words up to this
   * long (identifiers, tag names, dates) never wrap mid-word.
   */
  static final int BREAK_EVERY = 30;

  private Html() {}

  /**
   * Returns {@code text} escaped for element content, with a {@code <wbr>} break opportunity every
   * {@value #BREAK_EVERY} characters inside words longer than that. Sanitizers keep {@code <wbr>}
   * where they strip styles, so a 200-character label still wraps in an untrusted notebook.
   */
  public static String escapeBreakable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        run = 0;
      } else if (++run > BREAK_EVERY) {
        sb.append("<wbr>");
        run = 1;
      }
      sb.append(escape(Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD"));
    }
    return sb.toString();
  }

  /**
   * Returns {@code text} with {@code & < > " '} replaced by entities, and characters no document
   * may hold (NUL and other controls, lone surrogates) by U+FFFD; null becomes "".
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    text = LabelText.xmlSafe(text);
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
