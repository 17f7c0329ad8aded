package dev.errata.log;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, in the format of {@code diff -u} (hunks with three
 * lines of context), from a longest common subsequence of their lines. Small texts only: cells
 * longer than {@link #MAX_CELLS} line pairs get a one-line note instead.
 */
final class LineDiff {

  /** Lines of context around each change. */
  static final int CONTEXT = 3;

  /** Largest lines(a) × lines(b) diffed; above it the texts are only said to differ. */
  static final long MAX_CELLS = 4_000_000;

  private LineDiff() {}

  private record Edit(char op, String line, int a, int b) {}

  /**
   * Returns the unified diff of {@code a} and {@code b} as lines, headed {@code --- nameA} and
   * {@code +++ nameB}; empty when the texts are equal.
   */
  static List<String> unified(String a, String b, String nameA, String nameB) {
    if (a.equals(b)) {
      return List.of();
    }
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    List<String> out = new ArrayList<>(List.of("--- " + nameA, "+++ " + nameB));
    if ((long) x.size() * y.size() > MAX_CELLS) {
      out.add("(" + x.size() + " and " + y.size() + " lines: too long to diff line by line)");
      return out;
    }
    if (x.equals(y)) { // only line endings or the final newline differ
      out.add("(the same lines; only line endings or the final newline differ)");
      return out;
    }
    List<Edit> edits = edits(x, y);
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while the next change is within two contexts of the last one.
      int last = i;
      for (int k = i; k < edits.size(); k++) {
        if (edits.get(k).op() != ' ') {
          if (k - last > 2 * CONTEXT) {
            break;
          }
          last = k;
        }
      }
      end = Math.min(edits.size(), last + CONTEXT + 1);
      out.add(header(edits.subList(start, end)));
      for (Edit e : edits.subList(start, end)) {
        out.add(e.op() + e.line());
      }
      i = end;
    }
    return out;
  }

  /** Returns {@code @@ -s,c +s,c @@} of a hunk, as diff -u writes it (1-based; ",1" left out). */
  private static String header(List<Edit> hunk) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    int aBefore = 0;
    int bBefore = 0;
    for (Edit e : hunk) {
      if (e.op() != '+') {
        if (aStart < 0) {
          aStart = e.a();
        }
        aCount++;
      }
      if (e.op() != '-') {
        if (bStart < 0) {
          bStart = e.b();
        }
        bCount++;
      }
    }
    // An empty side starts at the line before the hunk (0 at the top), as diff -u writes it.
    Edit first = hunk.get(0);
    aBefore = first.a();
    bBefore = first.b();
    return "@@ -"
        + range(aCount == 0 ? aBefore : aStart + 1, aCount)
        + " +"
        + range(bCount == 0 ? bBefore : bStart + 1, bCount)
        + " @@";
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** Returns the edit script: ' ' kept, '-' only in x, '+' only in y; a and b are 0-based indices. */
  private static List<Edit> edits(List<String> x, List<String> y) {
    int n = x.size();
    int m = y.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x.get(i).equals(y.get(j))) {
        edits.add(new Edit(' ', x.get(i), i++, j++));
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        edits.add(new Edit('+', y.get(j), i, j++));
      } else {
        edits.add(new Edit('-', x.get(i), i++, j));
      }
    }
    return edits;
  }
}
