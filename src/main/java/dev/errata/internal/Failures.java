package dev.errata.internal;

import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * Describes a failure in one line a user can act on, for command-line tools and notebook magics:
 * never null, never empty, never a library's message alone.
 */
public final class Failures {

  private Failures() {}

  /**
   * Returns {@code t}'s message followed by what its causes add, e.g. {@code Cannot read p.csv (the
   * bytes are not valid UTF-8: MalformedInputException)}. A failure with no message anywhere in its
   * chain is a bug: it is named by type and the code it came from, with a request to report it.
   */
  public static String describe(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return outOfMemory(t);
    }
    String text = hasText(t.getMessage()) ? t.getMessage().strip() : null;
    Throwable cause = t.getCause();
    for (int depth = 0; cause != null && cause != t && depth < 3; depth++) {
      String why = cause(cause);
      if (why != null && (text == null || !text.contains(why))) {
        text = text == null ? why : text + " (" + why + ")";
      }
      cause = cause.getCause();
    }
    if (text != null) {
      return text;
    }
    return t.getClass().getSimpleName()
        + " with no message "
        + where(t)
        + "; this is a bug in Errata, please report it with the stack trace";
  }

  /** Returns whether {@code t} has no message of its own, the case a safety net must replace. */
  public static boolean silent(Throwable t) {
    return !hasText(t.getMessage());
  }

  private static String cause(Throwable c) {
    if (c instanceof CharacterCodingException) {
      return "the bytes are not valid UTF-8: " + c.getClass().getSimpleName();
    }
    if (!hasText(c.getMessage())) {
      return null;
    }
    // One line: an engine's message can run to a screen of settings after its first line.
    return c.getClass().getSimpleName() + ": " + c.getMessage().strip().split("\\R", 2)[0];
  }

  private static String outOfMemory(Throwable t) {
    return String.format(
        Locale.ROOT,
        "ran out of memory (%s) with a maximum heap of %.1f GB %s; give Java more (-Xmx) or less"
            + " data, and check the label columns: an id column given as the label makes one class"
            + " per row",
        hasText(t.getMessage()) ? t.getMessage() : "OutOfMemoryError",
        Runtime.getRuntime().maxMemory() / 1e9,
        where(t));
  }

  /** Names the first frame in Errata's own code, else the first frame: where it happened. */
  private static String where(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    if (stack.length == 0) {
      return "(no stack trace)";
    }
    StackTraceElement at = stack[0];
    for (StackTraceElement e : stack) {
      if (e.getClassName().startsWith("dev.errata.")) {
        at = e;
        break;
      }
    }
    return "at " + at;
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
