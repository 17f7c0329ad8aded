package dev.errata.audit;

import dev.errata.internal.Where;

/**
 * One line of rule text with where it came from, so every error can point at a column.
 *
 * @param source the file name, or "rules" for text given directly
 * @param number the 1-based line number
 * @param text the line as written
 */
public record RuleLine(String source, int number, String text) {

  /** Returns the rule as written, without a trailing comment or surrounding blanks. */
  public String rule() {
    int hash = -1;
    char quote = 0;
    for (int i = 0; i < text.length() && hash < 0; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '#') {
        hash = i;
      }
    }
    return (hash < 0 ? text : text.substring(0, hash)).strip();
  }

  /**
   * Returns an error whose message names the line and column, repeats the line and puts a caret
   * under the 0-based position {@code column}.
   */
  IllegalArgumentException error(int column, String message) {
    return new IllegalArgumentException(
        Where.line(number, source)
            + ", column "
            + (column + 1)
            + ": "
            + message
            + Where.caret(text, column));
  }
}
