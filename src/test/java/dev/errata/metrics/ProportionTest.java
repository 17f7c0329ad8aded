package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionTest {

  @Test
  void wilsonMatchesNewcombesPublishedExample() {
    // Newcombe (1998), Statistics in Medicine 17:857, Table I: 81/263 -> 0.2553 to 0.3662.
    Interval ci = new Proportion(81, 263).wilson();
    assertEquals(0.2553, ci.lower(), 5e-5);
    assertEquals(0.3662, ci.upper(), 5e-5);
  }

  @Test
  void wilsonOfZeroSuccessesStartsAtZero() {
    // Closed form for x = 0: upper = z^2 / (n + z^2) with z = 1.959964.
    Interval ci = new Proportion(0, 10).wilson();
    double z2 = 1.959963984540054 * 1.959963984540054;
    assertEquals(0, ci.lower(), 1e-15);
    assertEquals(z2 / (10 + z2), ci.upper(), 1e-12);
  }

  @Test
  void noTrialsIsUndefinedNotZero() {
    Proportion p = new Proportion(0, 0);
    assertTrue(Double.isNaN(p.value()));
    assertTrue(p.wilson().isUndefined());
  }

  @Test
  void moreSuccessesThanTrialsIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
    assertEquals("A proportion needs 0 <= successes <= trials, got 3.0 / 2.0", e.getMessage());
  }
}
