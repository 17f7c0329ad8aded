package dev.errata.significance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

  // The 15 p-values of Benjamini & Hochberg (1995), JRSS B 57:289, section 4.
  static final double[] PAPER = {
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
    0.6528, 0.7590, 1.000
  };

  @Test
  void adjustedValuesMatchAnIndependentComputation() {
    // numpy: minimum.accumulate of (p_sorted * m / rank) from the largest rank down.
    double[] expected = {
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182,
      0.714875, 0.753231, 0.813214, 1.0
    };
    assertArrayEquals(expected, BenjaminiHochberg.adjust(PAPER), 1e-6);
  }

  @Test
  void rejectsTheFourHypothesesThePaperRejectsAtFivePercent() {
    double[] adjusted = BenjaminiHochberg.adjust(PAPER);
    int rejected = 0;
    for (double a : adjusted) {
      rejected += a <= 0.05 ? 1 : 0;
    }
    assertEquals(4, rejected);
  }

  @Test
  void keepsTheGivenOrderAndLeavesUndefinedValuesOut() {
    double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.04, Double.NaN, 0.01});
    // m = 2: 0.01 * 2 / 1 = 0.02; 0.04 * 2 / 2 = 0.04.
    assertEquals(0.04, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(0.02, adjusted[2], 1e-15);
  }

  @Test
  void rejectsValuesOutsideTheUnitInterval() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {0.5, 2}));
    assertEquals("p-values must lie in [0, 1], got 2.0 at index 1", e.getMessage());
  }
}
