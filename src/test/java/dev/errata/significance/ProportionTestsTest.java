package dev.errata.significance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionTestsTest {

  @Test
  void fisherOnTheLadyTastingTeaMatchesFishersPublishedValues() {
    // Fisher (1935), The Design of Experiments: 3 of 4 milk-first cups named right.
    // One-sided p = (16 + 1) / 70 = 0.242857; two-sided adds the mirror tables: 34 / 70.
    assertEquals(17.0 / 70, ProportionTests.fisherGreater(3, 1, 1, 3), 1e-12);
    TestResult two = ProportionTests.fisher(3, 1, 1, 3);
    assertEquals("Fisher", two.test());
    assertEquals(34.0 / 70, two.p(), 1e-12);
    assertEquals(9.0, two.statistic(), 1e-12);
  }

  @Test
  void fisherLessIsTheLowerTail() {
    // P(X <= 1) for the tea table margins: (1 + 16) / 70.
    assertEquals(17.0 / 70, ProportionTests.fisherLess(1, 3, 3, 1), 1e-12);
  }

  @Test
  void fisherTwoSidedMatchesScipyOnAnUnbalancedTable() {
    // scipy.stats.fisher_exact([[1, 9], [11, 3]]) -> 0.0027594561852200836 (also R's example).
    assertEquals(0.0027594561852200836, ProportionTests.fisher(1, 9, 11, 3).p(), 1e-12);
    // scipy.stats.fisher_exact([[2, 28], [30, 940]]) -> 0.24881460445670306
    assertEquals(0.24881460445670306, ProportionTests.fisher(2, 28, 30, 940).p(), 1e-12);
  }

  @Test
  void zTestMatchesTheHandComputedStatistic() {
    // 30/120 vs 20/180: pooled 1/6, variance (5/36)(1/120 + 1/180) = 25/12960, z = sqrt(10).
    TestResult r = ProportionTests.twoProportionZ(30, 120, 20, 180);
    assertEquals(Math.sqrt(10), r.statistic(), 1e-12);
    // 2 * (1 - Phi(sqrt 10)), from scipy.stats.norm.sf
    assertEquals(0.001565402258002548, r.p(), 1e-12);
  }

  @Test
  void compareUsesZWhenEveryExpectedCountIsAtLeastFive() {
    TestResult r = ProportionTests.compare(30, 120, 20, 180);
    assertEquals("z", r.test());
  }

  @Test
  void compareSwitchesToFisherWhenAnExpectedCountIsBelowFive() {
    // Smallest expected cell: 30 * 32 / 1000 = 0.96.
    TestResult r = ProportionTests.compare(2, 30, 30, 970);
    assertEquals("Fisher", r.test());
    assertEquals(0.24881460445670306, r.p(), 1e-12);
  }

  @Test
  void weightedCountsAlwaysUseTheZTest() {
    assertEquals("z", ProportionTests.compare(1.5, 3, 1, 4).test());
  }

  @Test
  void anEmptyGroupMakesTheTestUndefined() {
    TestResult r = ProportionTests.compare(0, 0, 3, 10);
    assertTrue(Double.isNaN(r.p()));
  }

  @Test
  void identicalDegenerateRatesGiveZeroAndOne() {
    TestResult r = ProportionTests.twoProportionZ(10, 10, 20, 20);
    assertEquals(0, r.statistic());
    assertEquals(1, r.p());
  }

  @Test
  void impossibleCountsAreRejectedWithTheValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProportionTests.compare(5, 3, 1, 2));
    assertEquals("A group needs 0 <= successes <= trials, got 5.0 / 3.0", e.getMessage());
    IllegalArgumentException f =
        assertThrows(IllegalArgumentException.class, () -> ProportionTests.fisher(1, -1, 0, 0));
    assertEquals("Fisher's test needs counts >= 0, got [[1, -1], [0, 0]]", f.getMessage());
  }
}
