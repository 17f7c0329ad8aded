package dev.errata.internal;

import java.util.Locale;

/**
 * Says where in an input a problem is, in one form everywhere: {@code Row 1,234 of preds.csv,
 * column "weight"} for tables and sheets, {@code Line 12 of preds.jsonl, key "score"} for line
 * formats. Numbers count from 1, as a spreadsheet or an editor shows them, with thousands
 * separators. The message goes on after a colon: the text found and what is accepted.
 */
public final class Where {

  private Where() {}

  /** Returns {@code Row N of SOURCE} for the 1-based row {@code row}. */
  public static String row(long row, Object source) {
    return String.format(Locale.ROOT, "Row %,d of %s", row, source);
  }

  /** Returns {@code Row N of SOURCE, column "C"} for the 1-based row {@code row}. */
  public static String cell(long row, Object source, String column) {
    return row(row, source) + ", column \"" + column + "\"";
  }

  /** Returns {@code Line N of SOURCE} for the 1-based line {@code line}. */
  public static String line(long line, Object source) {
    return String.format(Locale.ROOT, "Line %,d of %s", line, source);
  }

  /** Returns {@code Line N of SOURCE, character C} for the 1-based line and character. */
  public static String character(long line, Object source, long character) {
    return line(line, source) + ", character " + character;
  }

  /** Returns {@code Line N of SOURCE, key "K"} for the 1-based line {@code line}. */
  public static String key(long line, Object source, String key) {
    return line(line, source) + ", key \"" + key + "\"";
  }

  /**
   * Returns {@code text} on its own indented line with a caret under the 0-based position {@code
   * column}, to follow a message: {@code "\n  a & | b\n      ^"}.
   */
  public static String caret(String text, int column) {
    return "\n  " + text + "\n  " + " ".repeat(Math.max(0, column)) + "^";
  }
}
