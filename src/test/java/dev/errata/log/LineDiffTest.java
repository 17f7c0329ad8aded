package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected hunks are GNU diff 3.8's {@code diff -u} output for the same two files. */
class LineDiffTest {

  private static List<String> hunks(String a, String b) {
    List<String> d = LineDiff.unified(a, b, "a", "b");
    assertEquals(List.of("--- a", "+++ b"), d.subList(0, 2));
    return d.subList(2, d.size());
  }

  @Test
  void changesFarApartMakeTwoHunksWithThreeLinesOfContext() {
    assertEquals(
        List.of(
            "@@ -1,5 +1,5 @@", " a", "-b", "+B", " c", " d", " e",
            "@@ -10,3 +10,4 @@", " j", " k", " l", "+m"),
        hunks("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n", "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"));
  }

  @Test
  void aLineAddedAtTheTopOrRemovedCountsAsDiffWritesIt() {
    assertEquals(List.of("@@ -1 +1,2 @@", "+zero", " one"), hunks("one\n", "zero\none\n"));
    assertEquals(List.of("@@ -1,2 +1 @@", "-a", " b"), hunks("a\nb\n", "b\n"));
    assertEquals(List.of("@@ -0,0 +1 @@", "+x"), hunks("", "x\n"));
  }

  @Test
  void equalTextsHaveNoDiffAndLineEndingsAloneAreNamed() {
    assertEquals(List.of(), LineDiff.unified("x\n", "x\n", "a", "b"));
    assertEquals(
        List.of("(the same lines; only line endings or the final newline differ)"),
        hunks("x\r\ny\n", "x\ny"));
  }
}
