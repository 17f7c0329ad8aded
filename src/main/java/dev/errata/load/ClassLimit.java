package dev.errata.load;

import java.util.Collection;
import java.util.Locale;

/**
 * Refuses a label column with more distinct labels than Errata's count matrices can hold, before
 * anything is counted.
 *
 * <p>Every confusion-style result keeps k×k counts for k classes (rows = actual, columns =
 * predicted) as 8-byte doubles, often twice (counts and shares), and per-slice results keep one
 * such matrix per slice. At 5,000 classes one matrix is 25 million cells, 200 MB; at 10,000 it is
 * 800 MB, more than a default JVM heap on an 8 GB machine (a quarter of it, 2 GB) can hold twice.
 * So by default more than {@value #DEFAULT} classes are refused with a message that names the
 * column and the likely mistake (an id or a numeric column given as the label); a caller that
 * means it passes a higher limit, up to {@value #MAX}, the largest k whose k×k cells fit one Java
 * array.
 */
public final class ClassLimit {

  /** The most classes accepted unless a caller allows more: one k×k matrix is then 200 MB. */
  public static final int DEFAULT = 5_000;

  /** The highest limit a caller may set: k×k cells must fit one Java array (46,340² < 2³¹). */
  public static final int MAX = 46_340;

  /** A label column with at least this share of one label per row looks like an id column. */
  private static final double ID_LIKE_SHARE = 0.9;

  private ClassLimit() {}

  /**
   * Throws {@link IllegalArgumentException} when {@code labels} holds more than {@code limit}
   * distinct labels; the message names the column, the count, a few labels, the likely mistake and
   * the memory the classes would take.
   *
   * @param source the file or table the labels come from, for the message
   * @param column the label column's name
   * @param role what the column is for, e.g. "actual label"
   * @param labels the distinct labels (of this column, or of actual and predicted together)
   * @param rows how many rows the labels come from
   * @param limit the most classes to accept, 1 to {@value #MAX}; usually {@value #DEFAULT}
   */
  public static void check(
      String source, String column, String role, Collection<String> labels, long rows, int limit) {
    if (limit < 1 || limit > MAX) {
      throw new IllegalArgumentException(
          "The class limit is "
              + count(limit)
              + "; it must be between 1 and "
              + count(MAX)
              + " (k×k counts must fit one array)");
    }
    int k = labels.size();
    if (k <= limit) {
      return;
    }
    String mistake;
    if (k >= ID_LIKE_SHARE * rows) {
      mistake =
          (k >= rows ? "every row has its own label" : "almost every row has its own label")
              + ", so it looks like an id column, not the label";
    } else if (labels.stream().allMatch(ClassLimit::isNumber)) {
      mistake = "every label is a number, so it looks like a numeric column (a score or a"
          + " measurement), not the label";
    } else {
      mistake = "check that it is the label column";
    }
    throw new IllegalArgumentException(
        source
            + ": column \""
            + column
            + "\" ("
            + role
            + ") has "
            + count(k)
            + " distinct labels in "
            + count(rows)
            + " rows "
            + examples(labels)
            + ", more than the limit of "
            + count(limit)
            + " classes; "
            + mistake
            + ". Name the label column, or "
            + (k > MAX
                ? "if these really are classes, count them elsewhere: Errata holds at most "
                    + count(MAX)
                    + " (k×k counts in one array; one "
                : "raise the class limit if these really are " + count(k) + " classes (one ")
            + count(k)
            + "×"
            + count(k)
            + " count matrix takes "
            + bytes(8.0 * k * k)
            + ")");
  }

  /** Returns whether {@code s} is a finite number as Java writes it ("1", "0.5", "1e3"). */
  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String examples(Collection<String> labels) {
    StringBuilder sb = new StringBuilder("(");
    int shown = 0;
    for (String label : labels) {
      if (shown == 3) {
        return sb.append(", …)").toString();
      }
      sb.append(shown == 0 ? "" : ", ").append('"').append(label).append('"');
      shown++;
    }
    return sb.append(')').toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String bytes(double b) {
    if (b >= 1e9) {
      return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
    }
    if (b >= 1e6) {
      return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
    return b >= 1e3
        ? String.format(Locale.ROOT, "%.0f kB", b / 1e3)
        : String.format(Locale.ROOT, "%.0f bytes", b);
  }
}
