package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowBitsTest {

  @Test
  void allSetsExactlyTheRowsAndNoPadding() {
    RowBits all = RowBits.all(70);
    assertEquals(70, all.count());
    assertEquals(2, all.words().length);
    assertEquals((1L << 6) - 1, all.words()[1]);
  }

  @Test
  void setOperationsWorkAcrossWordBoundaries() {
    RowBits even = RowBits.of(130, i -> i % 2 == 0);
    RowBits small = RowBits.of(130, i -> i < 5 || i == 128 || i == 129);
    assertArrayEquals(new int[] {0, 2, 4, 128}, even.and(small).rows());
    assertEquals(65 + 3, even.or(small).count());
    assertArrayEquals(new int[] {1, 3, 129}, small.andNot(even).rows());
    assertTrue(small.get(129));
    assertFalse(small.get(127));
  }

  @Test
  void ofWordsClearsBitsBeyondTheLastRow() {
    RowBits b = RowBits.ofWords(3, new long[] {-1L});
    assertEquals(3, b.count());
    assertEquals(RowBits.all(3), b);
  }

  @Test
  void fromABitSetKeepsTheRowsAndPadsTheWordsToTheSize() {
    java.util.BitSet set = new java.util.BitSet();
    set.set(1);
    set.set(64);
    RowBits b = RowBits.of(200, set);
    assertArrayEquals(new int[] {1, 64}, b.rows());
    assertEquals(4, b.words().length);
    assertEquals(200, b.size());
  }

  @Test
  void aBitSetWithARowPastTheSizeIsRefused() {
    java.util.BitSet set = new java.util.BitSet();
    set.set(5);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RowBits.of(5, set));
    assertEquals("Row 5 is set in bits over 5 rows", e.getMessage());
  }

  @Test
  void rowSetsOfDifferentSizesDoNotCombine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RowBits.all(3).and(RowBits.all(4)));
    assertEquals("Row sets differ in size: 3 vs 4 rows", e.getMessage());
  }
}
