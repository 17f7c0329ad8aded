package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One form for "where the problem is", counted from 1 as a spreadsheet or an editor shows it. */
class WhereTest {

  @Test
  void rowsAndCellsCountFromOneWithThousandsSeparators() {
    assertEquals("Row 1 of a.csv", Where.row(1, "a.csv"));
    assertEquals("Row 1,234,567 of a.csv, column \"weight\"", Where.cell(1_234_567, "a.csv", "weight"));
    // Past 2^31 rows (a 10^10-row lake) the number stays exact.
    assertEquals("Row 3,000,000,000 of lake", Where.row(3_000_000_000L, "lake"));
  }

  @Test
  void linesAndKeysOfLineFormats() {
    assertEquals("Line 12 of p.jsonl", Where.line(12, "p.jsonl"));
    assertEquals("Line 12 of p.jsonl, key \"score\"", Where.key(12, "p.jsonl", "score"));
  }

  @Test
  void theCaretSitsUnderTheGivenPosition() {
    assertEquals("\n  a & | b\n      ^", Where.caret("a & | b", 4));
    assertEquals("\n  x\n  ^", Where.caret("x", -3));
  }
}
