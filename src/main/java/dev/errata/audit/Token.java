package dev.errata.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A token of a rule: a word (or quoted text), a comparison, or punctuation, with its 0-based column
 * in the line.
 */
record Token(Kind kind, String text, int column) {

  enum Kind {
    WORD,
    QUOTED,
    COMPARISON,
    COMMA,
    PERCENT,
    CROSS
  }

  /** Returns whether this is the word {@code word}, ignoring case. */
  boolean is(String word) {
    return kind == Kind.WORD && text.toLowerCase(Locale.ROOT).equals(word);
  }

  /** Returns the 0-based column just after the token. */
  int end() {
    return column + text.length() + (kind == Kind.QUOTED ? 2 : 0);
  }

  /** Returns the token as shown in an error: quoted text. */
  String shown() {
    return "\"" + text + "\"";
  }

  /** Splits {@code line} into tokens; a {@code #} starts a comment that runs to the end. */
  static List<Token> split(RuleLine line) {
    String s = line.text();
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        break;
      } else if (c == '"' || c == '\'' || c == '`') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw line.error(i, "the quote " + c + " is never closed");
        }
        out.add(new Token(Kind.QUOTED, s.substring(i + 1, end), i));
        i = end + 1;
      } else if (c == '>' || c == '<' || c == '=' || c == '≥' || c == '≤' || c == '!') {
        int end = i + 1;
        while (end < s.length() && "<>=!".indexOf(s.charAt(end)) >= 0) {
          end++;
        }
        out.add(new Token(Kind.COMPARISON, s.substring(i, end), i));
        i = end;
      } else if (c == ',') {
        out.add(new Token(Kind.COMMA, ",", i++));
      } else if (c == '%') {
        out.add(new Token(Kind.PERCENT, "%", i++));
      } else if (c == '×') {
        out.add(new Token(Kind.CROSS, "×", i++));
      } else {
        int end = i;
        while (end < s.length()
            && !Character.isWhitespace(s.charAt(end))
            && ",%<>=!≥≤\"'`×#".indexOf(s.charAt(end)) < 0) {
          end++;
        }
        out.add(new Token(Kind.WORD, s.substring(i, end), i));
        i = end;
      }
    }
    return out;
  }
}
