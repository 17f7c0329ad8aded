package dev.errata.baseline;

import java.util.BitSet;
import java.util.Locale;

/**
 * One source of a baseline accuracy: a fixed number for a named category, or a reference that was
 * right or wrong on each example (measured per tag by counting).
 */
public sealed interface BaselineSource {

  /** Returns where the number comes from. */
  BaselineKind kind();

  /** Returns the source as shown in the table, e.g. {@code HLP (hlp.csv)}. */
  String source();

  /**
   * Holds a given accuracy for one category (a tag name, {@code untagged}, or {@code all data}).
   *
   * @param category the category as written in the source
   * @param accuracy the accuracy in [0, 1]
   * @param kind where it comes from
   * @param source a label for the source (file, citation)
   */
  record Fixed(String category, double accuracy, BaselineKind kind, String source)
      implements BaselineSource {

    public Fixed {
      if (!(accuracy >= 0 && accuracy <= 1)) {
        throw new IllegalArgumentException(
            "Baseline accuracy for \"" + category + "\" is " + accuracy + ", outside [0, 1]");
      }
    }

    /**
     * Returns whether this category names row {@code name}: case, spaces, underscores and hyphens
     * are ignored ({@code "car noise"} matches {@code car_noise}); {@code all} and {@code overall}
     * name the {@code all data} row.
     */
    public boolean matches(String name) {
      return normalize(category).equals(normalize(name));
    }
  }

  /**
   * Holds, for every example, whether a reference (a second annotator, an older system) knows a
   * label for it and whether that label is right. Accuracy per tag = correct / known within the tag.
   * The bit sets are copied in and out, so a reference never changes.
   *
   * @param kind where it comes from
   * @param source a label for the source
   * @param rows the number of examples (bits at or past it are never set)
   * @param correct rows where the reference's label equals the actual label (a subset of known)
   * @param known rows where the reference has a label
   */
  record Reference(BaselineKind kind, String source, int rows, BitSet correct, BitSet known)
      implements BaselineSource {

    public Reference {
      if (rows < 0 || known.length() > rows) {
        throw new IllegalArgumentException(
            "A reference over " + rows + " rows knows row " + (known.length() - 1));
      }
      correct = (BitSet) correct.clone();
      known = (BitSet) known.clone();
      BitSet outside = (BitSet) correct.clone();
      outside.andNot(known);
      if (!outside.isEmpty()) {
        throw new IllegalArgumentException(
            "A reference can only be correct where it has a label; rows "
                + outside
                + " are correct but not known");
      }
    }

    /** Returns the rows where the reference's label equals the actual label (a copy). */
    @Override
    public BitSet correct() {
      return (BitSet) correct.clone();
    }

    /** Returns the rows where the reference has a label (a copy). */
    @Override
    public BitSet known() {
      return (BitSet) known.clone();
    }
  }

  /** Returns a category name reduced for matching: lower case, runs of space _ - as one "_". */
  private static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "_");
    return n.equals("all") || n.equals("overall") ? "all_data" : n;
  }
}
