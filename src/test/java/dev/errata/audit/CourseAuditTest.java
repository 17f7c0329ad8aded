package dev.errata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.audit.RuleCheck.Status;
import dev.errata.load.Predictions;
import dev.errata.metrics.Proportion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The course's audit questions: how common are FP and FN, and one important slice value. */
class CourseAuditTest {

  final Predictions ten = AuditFixtures.ten();

  private AuditResult audit(String rules) {
    return AuditRules.parse(rules).check(ten);
  }

  @Test
  void falsePositiveAndFalseNegativeRatesOfAClass() {
    // Class b: actual b r3 r6 r7 r8; predicted b r3 r4 r7 r8 r10.
    // FP of b: r4, r10 among the 6 actual a → 2/6; FN of b: r6 among the 4 actual b → 1/4.
    AuditResult r =
        audit("false positive rate of b <= 0.2\nfalse negative rate of class b <= 0.25");
    RuleCheck fp = r.checks().get(0);
    assertEquals(2.0 / 6, fp.value(), 1e-15);
    assertEquals(6, fp.support());
    assertEquals(new Proportion(2, 6).wilson(), fp.interval());
    assertEquals(Status.FAIL, fp.status());
    assertEquals(List.of(new Example("r4", "a", "b"), new Example("r10", "a", "b")), fp.examples());
    RuleCheck fn = r.checks().get(1);
    assertEquals(0.25, fn.value(), 1e-15);
    assertEquals(Status.PASS, fn.status());
  }

  @Test
  void aRuleAimedAtOneSliceValueChecksOnlyThatValue() {
    // accent us: 4 of 6 right; uk 3 of 4.
    AuditResult r = audit("accuracy >= 0.7 for accent = uk\naccuracy >= 0.7 for accent = \"us\"");
    assertEquals(
        List.of("accent = uk", "accent = us"),
        r.checks().stream().map(RuleCheck::subject).toList());
    assertEquals(Status.PASS, r.checks().get(0).status());
    assertEquals(4.0 / 6, r.checks().get(1).value(), 1e-15);
    assertFalse(r.passed());
    assertTrue(audit("accuracy >= 0.7 for accent = uk").passed());
  }

  @Test
  void quotedWatchWordsMayBeAnyText() {
    tech.tablesaw.api.Table t =
        tech.tablesaw.api.Table.create(
            "out",
            tech.tablesaw.api.StringColumn.create("id", "o1", "o2", "o3"),
            tech.tablesaw.api.StringColumn.create("said", "hello", "fudge", "a <script> tag"),
            tech.tablesaw.api.StringColumn.create(
                "heard", "hello <script>", "f*** it", "a <script> tag"));
    Predictions p =
        dev.errata.load.PredictionsReader.fromTable(t)
            .actual("said")
            .predicted("heard")
            .id("id")
            .load();
    AuditResult r = AuditRules.parse("watch words \"<script>\", \"f***\"").check(p);
    RuleCheck c = r.checks().get(0);
    assertEquals(Status.FAIL, c.status());
    assertEquals(2, c.failing(), "o3 says <script> in its label too");
    assertEquals(
        List.of(
            new Example("o1", "hello", "hello <script>"), new Example("o2", "fudge", "f*** it")),
        c.examples());
  }

  @Test
  void anUnknownSliceValueListsTheValues() {
    assertEquals(
        "Line 1 of rules, column 30: no value \"fr\" in column \"accent\"; values are [uk, us]\n"
            + "  accuracy >= 0.7 for accent = fr\n"
            + "                               ^",
        assertThrows(IllegalArgumentException.class, () -> audit("accuracy >= 0.7 for accent = fr"))
            .getMessage());
  }
}
