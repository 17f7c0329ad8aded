package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static <T extends Throwable> T at(T t, String className, String method, int line) {
    t.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("com.google.common.base.Preconditions", "checkArgument",
              "Preconditions.java", 129),
          new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1)
              + ".java", line)
        });
    return t;
  }

  @Test
  void aMessageIsKeptAndCausesAddWhatTheyKnow() {
    IOException cause = new IOException("Is a directory");
    assertEquals(
        "Cannot read p.csv (IOException: Is a directory)",
        Failures.describe(new UncheckedIOException("Cannot read p.csv", cause)));
  }

  @Test
  void anEncodingErrorSaysTheBytesAreNotUtf8() {
    assertEquals(
        "Cannot read p.csv (the bytes are not valid UTF-8: MalformedInputException)",
        Failures.describe(
            new UncheckedIOException("Cannot read p.csv", new MalformedInputException(1))));
  }

  @Test
  void aCauseAlreadyInTheMessageIsNotRepeated() {
    IllegalArgumentException cause = new IllegalArgumentException("bad");
    assertEquals(
        "wrapped: IllegalArgumentException: bad",
        Failures.describe(new IllegalStateException("wrapped: IllegalArgumentException: bad", cause)));
  }

  @Test
  void noMessageAnywhereNamesTheTypeAndErrataCodeAndAsksForAReport() {
    IllegalArgumentException e =
        at(new IllegalArgumentException(), "dev.errata.load.Predictions", "rows", 198);
    assertEquals(
        "IllegalArgumentException with no message at"
            + " dev.errata.load.Predictions.rows(Predictions.java:198); this is a bug in Errata,"
            + " please report it with the stack trace",
        Failures.describe(e));
    assertTrue(Failures.silent(e));
  }

  @Test
  void aMessagelessCauseStillGivesTheWrappersMessage() {
    RuntimeException e = new RuntimeException("Cannot count", new NullPointerException());
    assertEquals("Cannot count", Failures.describe(e));
    assertFalse(Failures.silent(e));
  }

  @Test
  void aBlankMessageIsSilent() {
    assertTrue(Failures.silent(new IllegalStateException("  ")));
  }

  @Test
  void runningOutOfMemoryPointsAtTheLabelColumns() {
    String text =
        Failures.describe(at(new OutOfMemoryError("Java heap space"), "dev.errata.metrics.Counting",
            "grouped", 50));
    assertTrue(text.startsWith("ran out of memory (Java heap space) with a maximum heap of "), text);
    assertTrue(
        text.endsWith(
            " GB at dev.errata.metrics.Counting.grouped(Counting.java:50); give Java more (-Xmx) or"
                + " less data, and check the label columns: an id column given as the label makes"
                + " one class per row"),
        text);
  }
}
