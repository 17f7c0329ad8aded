package dev.errata.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import org.junit.jupiter.api.Test;

class DifferenceIntervalTest {

  private static void assertInterval(double lo, double hi, Interval actual) {
    assertEquals(lo, actual.lower(), 5e-5);
    assertEquals(hi, actual.upper(), 5e-5);
  }

  @Test
  void matchesNewcombesPublishedMethodTenIntervals() {
    // Newcombe (1998), Statistics in Medicine 17:873, Table II, method 10.
    assertInterval(0.0524, 0.3339, newcombe(56, 70, 48, 80));
    assertInterval(0.1705, 0.8090, newcombe(9, 10, 3, 10));
    assertInterval(0.0582, 0.8062, newcombe(6, 7, 2, 7));
    assertInterval(-0.0381, 0.1926, newcombe(5, 56, 0, 29));
  }

  @Test
  void isUndefinedWhenAGroupIsEmpty() {
    assertTrue(newcombe(0, 0, 3, 10).isUndefined());
  }

  private static Interval newcombe(int x1, int n1, int x2, int n2) {
    return DifferenceInterval.newcombe(new Proportion(x1, n1), new Proportion(x2, n2), 0.95);
  }
}
