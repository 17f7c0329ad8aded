package dev.errata.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * Holds one bit per example row: the rows that carry a tag, the rows a source knows about, the
 * misclassified rows. Immutable; operations return new values.
 *
 * <p>Bit {@code i} lives in word {@code i >>> 6}; bits at or beyond {@link #size()} are always
 * clear, so {@link #count()} and the word-wise operations never see padding.
 */
public final class RowBits {

  private final int size;
  private final long[] words;

  private RowBits(int size, long[] words) {
    this.size = size;
    this.words = words;
  }

  /** Returns {@code size} rows with no bit set. */
  public static RowBits none(int size) {
    return new RowBits(size, new long[wordCount(size)]);
  }

  /** Returns {@code size} rows with every bit set. */
  public static RowBits all(int size) {
    long[] w = new long[wordCount(size)];
    Arrays.fill(w, -1L);
    return new RowBits(size, clearPadding(size, w));
  }

  /** Returns the rows {@code 0 <= i < size} for which {@code test} holds. */
  public static RowBits of(int size, IntPredicate test) {
    long[] w = new long[wordCount(size)];
    for (int i = 0; i < size; i++) {
      if (test.test(i)) {
        w[i >>> 6] |= 1L << i;
      }
    }
    return new RowBits(size, w);
  }

  /** Returns bits over {@code size} rows taken from {@code words} (copied; padding cleared). */
  public static RowBits ofWords(int size, long[] words) {
    if (words.length != wordCount(size)) {
      throw new IllegalArgumentException(
          size + " rows need " + wordCount(size) + " words, got " + words.length);
    }
    return new RowBits(size, clearPadding(size, words.clone()));
  }

  /**
   * Returns bits over {@code size} rows taken from {@code bits} (copied).
   *
   * @throws IllegalArgumentException if a bit at or past {@code size} is set
   */
  public static RowBits of(int size, BitSet bits) {
    if (bits.length() > size) {
      throw new IllegalArgumentException(
          "Row " + (bits.length() - 1) + " is set in bits over " + size + " rows");
    }
    return new RowBits(size, Arrays.copyOf(bits.toLongArray(), wordCount(size)));
  }

  /** Returns the number of words needed for {@code size} rows. */
  public static int wordCount(int size) {
    return (size + 63) >>> 6;
  }

  /** Returns the number of rows (set or not). */
  public int size() {
    return size;
  }

  /** Returns whether row {@code row} is set. */
  public boolean get(int row) {
    return (words[row >>> 6] & (1L << row)) != 0;
  }

  /** Returns the number of set rows. */
  public int count() {
    int c = 0;
    for (long w : words) {
      c += Long.bitCount(w);
    }
    return c;
  }

  /** Returns the rows set in both. */
  public RowBits and(RowBits other) {
    check(other);
    long[] w = new long[words.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = words[i] & other.words[i];
    }
    return new RowBits(size, w);
  }

  /** Returns the rows set in either. */
  public RowBits or(RowBits other) {
    check(other);
    long[] w = new long[words.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = words[i] | other.words[i];
    }
    return new RowBits(size, w);
  }

  /** Returns the rows set here but not in {@code other}. */
  public RowBits andNot(RowBits other) {
    check(other);
    long[] w = new long[words.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = words[i] & ~other.words[i];
    }
    return new RowBits(size, w);
  }

  /** Returns the set rows in increasing order. */
  public int[] rows() {
    int[] out = new int[count()];
    int k = 0;
    for (int wi = 0; wi < words.length; wi++) {
      long w = words[wi];
      while (w != 0) {
        out[k++] = (wi << 6) + Long.numberOfTrailingZeros(w);
        w &= w - 1;
      }
    }
    return out;
  }

  /**
   * Returns the backing words for tight counting loops. Read-only by contract: never write to the
   * returned array.
   */
  public long[] words() {
    return words;
  }

  private void check(RowBits other) {
    if (other.size != size) {
      throw new IllegalArgumentException(
          "Row sets differ in size: " + size + " vs " + other.size + " rows");
    }
  }

  private static long[] clearPadding(int size, long[] w) {
    int tail = size & 63;
    if (tail != 0) {
      w[w.length - 1] &= (1L << tail) - 1;
    }
    return w;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowBits b && b.size == size && Arrays.equals(b.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * size + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "RowBits[" + count() + " of " + size + " rows]";
  }
}
