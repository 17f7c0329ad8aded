package dev.errata.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class McNemarTest {

  @Test
  void matchesFagerlandsAirwayExample() {
    // Fagerland, Lydersen & Laake (2013), BMC Med Res Methodol 13:91: b = 1, c = 7 discordant
    // pairs, exact conditional p = 0.070; by hand 2 * (1 + 8) / 2^8 = 18 / 256.
    TestResult r = McNemar.exact(1, 7);
    assertEquals(18.0 / 256, r.p(), 1e-12);
    assertEquals(-6, r.statistic());
  }

  @Test
  void isSymmetricInTheDiscordantCounts() {
    // 2 * P(X <= 2 | n = 10, 1/2) = 2 * (1 + 10 + 45) / 1024; b + c = 10; scipy binomtest(2, 10) =
    // 0.109375.
    assertEquals(0.109375, McNemar.exact(2, 8).p(), 1e-12);
    assertEquals(0.109375, McNemar.exact(8, 2).p(), 1e-12);
  }

  @Test
  void balancedDiscordanceIsCappedAtOne() {
    assertEquals(1, McNemar.exact(5, 5).p());
    assertEquals(1, McNemar.exact(0, 0).p());
  }

  @Test
  void negativeCountsAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> McNemar.exact(-1, 2));
    assertEquals("McNemar's test needs discordant counts >= 0, got b = -1, c = 2", e.getMessage());
  }
}
