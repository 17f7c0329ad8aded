package dev.errata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.audit.RuleCheck.Status;
import dev.errata.load.Predictions;
import dev.errata.metrics.Proportion;
import dev.errata.significance.DifferenceInterval;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AuditTest {

  final Predictions ten = AuditFixtures.ten();

  private AuditResult audit(String rules) {
    return AuditRules.parse(rules).check(ten);
  }

  @Test
  void anOverallThresholdIsInclusiveAndCarriesItsEvidence() {
    AuditResult r = audit("accuracy >= 0.7");
    assertTrue(r.passed());
    RuleCheck c = r.checks().get(0);
    assertEquals("all data", c.subject());
    assertEquals(0.7, c.value(), 1e-15);
    assertEquals(new Proportion(7, 10).wilson(), c.interval());
    assertEquals(10, c.support());
    assertEquals(Status.PASS, c.status());
  }

  @Test
  void aPerSliceRuleFailsOnTheSliceBelowAndListsItsWrongRows() {
    AuditResult r = audit("accuracy >= 0.75 for every accent");
    assertFalse(r.passed());
    List<RuleCheck> checks = r.checks();
    assertEquals(
        List.of("accent = uk", "accent = us"), checks.stream().map(RuleCheck::subject).toList());
    assertEquals(Status.PASS, checks.get(0).status());
    RuleCheck us = checks.get(1);
    assertEquals(Status.FAIL, us.status());
    assertEquals(4.0 / 6, us.value(), 1e-15);
    assertEquals(2, us.failing());
    assertEquals(List.of(new Example("r4", "a", "b"), new Example("r6", "b", "a")), us.examples());
  }

  @Test
  void recallOfAClassCountsOnlyThatClassesMisses() {
    // gender m has b actual once (r6, predicted a): recall 0; gender f has b three times, all hit.
    AuditResult r = audit("recall of class b >= 0.6 for every gender");
    assertEquals(1, r.checks().get(0).value());
    assertEquals(3, r.checks().get(0).support());
    RuleCheck m = r.checks().get(1);
    assertEquals(0, m.value());
    assertEquals(1, m.support());
    assertEquals(List.of(new Example("r6", "b", "a")), m.examples());
  }

  @Test
  void slicesUnderTheMinimumSupportAreSkippedNotFailed() {
    // gender m has 3 rows (r5, r6, r10), f has 7.
    AuditResult r = audit("recall of class b >= 0.6 for every gender with n >= 4");
    assertEquals(Status.SKIPPED, r.checks().get(1).status());
    assertEquals("gender = m (n < 4)", r.checks().get(1).subject());
    assertTrue(r.passed());
  }

  @Test
  void aRuleWithEverySliceSkippedIsUndefinedAndFails() {
    AuditResult r = audit("accuracy >= 0.5 for every accent with n >= 100");
    RuleCheck last = r.checks().get(r.checks().size() - 1);
    assertEquals(Status.UNDEFINED, last.status());
    assertEquals("no slice of accent has n ≥ 100", last.subject());
    assertFalse(r.passed());
  }

  @Test
  void aGapIsTheDifferenceBetweenBestAndWorstSliceWithNewcombesInterval() {
    AuditResult r = audit("accuracy gap across accent <= 0.05");
    RuleCheck c = r.checks().get(0);
    assertEquals(0.75 - 4.0 / 6, c.value(), 1e-12);
    assertEquals(
        DifferenceInterval.newcombe(new Proportion(3, 4), new Proportion(4, 6), 0.95),
        c.interval());
    assertEquals("worst accent = us (0.6667) vs best accent = uk (0.7500)", c.subject());
    assertEquals(Status.FAIL, c.status());
    assertEquals(2, c.failing());
    assertTrue(audit("accuracy gap across accent <= 0.09").passed());
  }

  @Test
  void anUndefinedValueFailsTheRule() {
    // uk/m has one row, actual a: precision of b is defined (0/1) but recall of b is 0/0.
    AuditResult r = audit("recall of class b >= 0.5 for every accent and gender");
    RuleCheck ukm = r.checks().get(1);
    assertEquals("accent = uk, gender = m", ukm.subject());
    assertEquals(Status.UNDEFINED, ukm.status());
    assertFalse(r.passed());
  }

  @Test
  void watchWordsCountPredictionsThatAddAWatchedWholeWord() {
    AuditResult r = AuditRules.parse("watch words gun, gang").check(AuditFixtures.transcripts());
    RuleCheck c = r.checks().get(0);
    assertEquals(2, c.failing());
    assertEquals(2.0 / 6, c.value(), 1e-15);
    assertEquals(
        List.of(
            new Example("t1", "GANs tutorial", "gun tutorial"), new Example("t5", "hello", "GUN")),
        c.examples());
    assertEquals(Status.FAIL, c.status());
    assertTrue(
        AuditRules.parse("watch words gun at most 2").check(AuditFixtures.transcripts()).passed());
  }

  @Test
  void anUnknownColumnPointsAtItAndListsTheColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> audit("accuracy >= 0.9\nrecall >= 0.9 for every acent"));
    assertEquals(
        "Line 2 of rules, column 25: unknown column \"acent\" in ten; columns are [id, accent,"
            + " gender, y, yhat]\n"
            + "  recall >= 0.9 for every acent\n"
            + "                          ^",
        e.getMessage());
  }

  @Test
  void anUnknownClassPointsAtItAndListsTheClasses() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> audit("recall of class hernia >= 0.85"));
    assertEquals(
        "Line 1 of rules, column 17: unknown class \"hernia\" in ten; classes are [a, b]\n"
            + "  recall of class hernia >= 0.85\n"
            + "                  ^",
        e.getMessage());
  }

  @Test
  void summaryHasOneRowPerRuleAndTheTitleCountsFailures() {
    AuditResult r = audit("accuracy >= 0.7\naccuracy >= 0.75 for every accent\n");
    Table s = r.summary();
    assertEquals("Audit of ten: 1 of 2 rules fail", s.name());
    assertEquals(List.of("pass", "FAIL"), s.stringColumn("result").asList());
    assertEquals(List.of(1, 2), s.intColumn("line").asList());
    assertEquals(List.of(1, 2), s.intColumn("checks").asList());
    Table examples = r.examples();
    assertEquals(List.of("r4", "r6"), examples.stringColumn("id").asList());
    assertEquals("r4, r6", r.toTable().stringColumn("examples").get(2));
  }
}
