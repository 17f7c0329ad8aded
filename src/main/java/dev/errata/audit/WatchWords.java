package dev.errata.audit;

import dev.errata.load.Labels;
import java.util.List;
import java.util.regex.Pattern;

/** Finds the (actual, predicted) class pairs whose prediction adds a watched word. */
final class WatchWords {

  private WatchWords() {}

  /**
   * Returns a k×k table, index {@code actual * k + predicted}, true where the predicted label
   * contains one of {@code words} as a whole word (ignoring case) that the actual label lacks.
   */
  static boolean[] flaggedPairs(Labels labels, List<String> words) {
    int k = labels.size();
    boolean[][] has = new boolean[k][words.size()];
    for (int w = 0; w < words.size(); w++) {
      Pattern pattern = wholeWord(words.get(w));
      for (int c = 0; c < k; c++) {
        has[c][w] = pattern.matcher(labels.name(c)).find();
      }
    }
    boolean[] flagged = new boolean[k * k];
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        for (int w = 0; w < words.size(); w++) {
          flagged[a * k + p] |= has[p][w] && !has[a][w];
        }
      }
    }
    return flagged;
  }

  /** Returns a pattern for {@code word} between non-word characters (letters, digits, _). */
  static Pattern wholeWord(String word) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
