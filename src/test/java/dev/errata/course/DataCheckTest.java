package dev.errata.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DataCheckTest {

  /**
   * Ten examples: classes a 6, b 3, c 1 (c predicted as a once, d predicted but never actual);
   * accent x 7, y 3; the second annotator says b on rows 3 and 6 (a) and a on row 9 (b).
   */
  static Predictions now() {
    return build(
        "now",
        new String[] {"a", "a", "a", "a", "a", "a", "b", "b", "b", "c"},
        new String[] {"a", "a", "a", "a", "a", "d", "b", "b", "b", "a"},
        new String[] {"x", "x", "x", "x", "x", "x", "x", "y", "y", "y"});
  }

  /** Ten examples: classes a 4, b 4, c 2; accent x 5, y 5. */
  static Predictions before() {
    return build(
        "before",
        new String[] {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c"},
        new String[] {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c"},
        new String[] {"x", "x", "x", "x", "x", "y", "y", "y", "y", "y"});
  }

  private static Predictions build(
      String name, String[] actual, String[] predicted, String[] accent) {
    List<String> annB = new ArrayList<>(List.of(actual));
    annB.set(2, "b");
    annB.set(5, "b");
    annB.set(8, "a");
    Table t =
        Table.create(
            name,
            StringColumn.create("actual", actual),
            StringColumn.create("predicted", predicted),
            StringColumn.create("accent", accent),
            StringColumn.create("ann_a", actual),
            StringColumn.create("ann_b", annB));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
  }

  @Test
  void countsEachClassAndValueAgainstTheMinimum() {
    DataCheckReport r = DataCheck.of(now()).by(List.of("accent")).minimum(3).report();
    assertEquals(10, r.examples());
    assertEquals(6, r.value("class = a").examples());
    assertEquals(0.6, r.value("class = a").share(), 1e-15);
    assertEquals(0, r.value("class = d").examples(), "predicted only: a coverage hole");
    assertEquals(7, r.value("accent = x").examples());
    assertEquals(
        List.of(
            "class = a: too few for a useful interval: up to ±31.2 points on 6 examples (±10"
                + " needs 93)",
            "class = b: too few for a useful interval: up to ±37.5 points on 3 examples (±10"
                + " needs 93)",
            "class = c: 1 example, below the minimum of 3",
            "class = c: too few for a useful interval: up to ±44.5 points on 1 example (±10 needs"
                + " 93)",
            "class = d: no examples (only predicted)"),
        r.flags());
    assertTrue(r.drift().isEmpty());
  }

  @Test
  void widestIntervalIsTheWilsonWidthAtOneHalf() {
    // z / sqrt(n + z²) with z = 1.959964: n = 6 → 0.624767, n = 100 → 0.192337 (by hand); n = 3
    // → 0.749331, n = 1 → 0.890758 (±37.5 and ±44.5 points above).
    assertEquals(0.624767387034699, new ValueCount(null, "a", 6, 6, 0, 0).widestInterval(), 1e-12);
    assertEquals(
        0.1923369392680087, new ValueCount(null, "a", 100, 100, 0, 0).widestInterval(), 1e-12);
    // z²(1/w² − 1) = 3.841459 · 24 = 92.2 → 93 examples for ±10 points; 3.841459 · 99 → 381.
    assertEquals(93, ValueCount.examplesForWidth(0.2));
    assertEquals(381, ValueCount.examplesForWidth(0.1));
    assertTrue(new ValueCount(null, "a", 93, 93, 0, 0).widestInterval() <= 0.2);
    assertTrue(new ValueCount(null, "a", 92, 92, 0, 0).widestInterval() > 0.2);
  }

  @Test
  void driftIsAChiSquareTestOfTheSharesAgainstTheReference() {
    DataCheckReport r =
        DataCheck.of(now())
            .by(List.of("accent"))
            .minimum(1)
            .maxWidth(0.9)
            .reference(DataShares.of(before(), List.of("accent")))
            .report();
    ShareDrift classes = r.drift("class");
    // [[6, 3, 1, 0], [4, 4, 2, 0]] without the empty d: expected 5, 3.5, 1.5 per row,
    // chi-square 2·(1/5 + 0.25/3.5 + 0.25/1.5) = 0.876190; df 2 so p = exp(−0.876190 / 2).
    // scipy.stats.chi2_contingency([[6,3,1],[4,4,2]], correction=False): 0.8761904761904761,
    // p 0.6452643261854819.
    assertEquals(List.of("a", "b", "c", "d"), classes.values());
    assertEquals(0.8761904761904762, classes.chiSquare(), 1e-12);
    assertEquals(Math.exp(-0.8761904761904762 / 2), classes.p(), 1e-12);
    assertEquals(2, classes.degreesOfFreedom(), "d is in neither side's counts");
    ShareDrift accent = r.drift("accent");
    // scipy: chi2_contingency([[7,3],[5,5]], correction=False) → 0.8333333333333333, p
    // 0.3613104285261787, df 1.
    assertEquals(0.8333333333333333, accent.chiSquare(), 1e-12);
    assertEquals(0.3613104285261787, accent.p(), 1e-12);
    assertEquals(1, accent.degreesOfFreedom());
    assertEquals(0.2, r.value("accent = x").change(), 1e-15);
    assertEquals(-0.2, r.value("accent = y").change(), 1e-15);
    assertEquals(0.2, r.value("class = a").change(), 1e-15);
    assertEquals(
        List.of("class = d: no examples (only predicted)"), r.flags(), "p > 0.05 everywhere");
    assertTrue(
        r.notes()
            .contains(
                "class: an expected count is 1.50 (below 5), so the chi-square p-value is rough"),
        r.notes().toString());
  }

  @Test
  void aLargeShiftIsFlagged() {
    // scipy: chi2_contingency([[50,30,20],[40,40,20]], correction=False) → 2.5396825396825395,
    // p 0.28087620176428163; scaled ten times the statistic is ten times as large.
    DataShares now = new DataShares("now", Map.of("a", 500.0, "b", 300.0, "c", 200.0), Map.of());
    DataShares ref = new DataShares("ref", Map.of("a", 400.0, "b", 400.0, "c", 200.0), Map.of());
    ShareDrift d =
        ShareDrift.test(
            "class", List.of("a", "b", "c"), new double[] {50, 30, 20}, new double[] {40, 40, 20});
    assertEquals(2.5396825396825395, d.chiSquare(), 1e-12);
    assertEquals(0.28087620176428163, d.p(), 1e-12);
    ShareDrift big =
        ShareDrift.test(
            "class",
            List.of("a", "b", "c"),
            new double[] {now.classes().get("a"), now.classes().get("b"), now.classes().get("c")},
            new double[] {ref.classes().get("a"), ref.classes().get("b"), ref.classes().get("c")});
    assertEquals(25.396825396825395, big.chiSquare(), 1e-9);
    assertEquals(Math.exp(-25.396825396825395 / 2), big.p(), 1e-15);
  }

  @Test
  void labelConsistencyComesFromTheAgreementBetweenAnnotators() {
    DataCheckReport r =
        DataCheck.of(now()).minimum(1).maxWidth(0.9).annotators(List.of("ann_a", "ann_b")).report();
    // ann_a vs ann_b: a→a 4, a→b 2, b→a 1, b→b 2, c→c 1; p_o = 0.7, margins a 6/5, b 3/4, c 1/1:
    // p_e = (6·5 + 3·4 + 1·1) / 100 = 0.43, kappa = 0.27 / 0.57 = 0.473684 (moderate).
    assertEquals(0.27 / 0.57, r.agreement().get().overall().kappa(), 1e-12);
    Table t = r.toTable();
    int overall = t.stringColumn("scope").indexOf("labels overall");
    assertEquals("Cohen kappa", t.stringColumn("measure").get(overall));
    assertEquals(0.4737, t.doubleColumn("value").get(overall), 1e-12);
    assertEquals("labels ambiguous", t.stringColumn("result").get(overall));
    assertEquals(
        "Data check of now: 10 examples, minimum 1 per class and value, labels by ann_a, ann_b: 4"
            + " problems",
        t.name());
    int c = t.stringColumn("scope").indexOf("labels class = c");
    assertEquals("almost perfect agreement", t.stringColumn("result").get(c));
    // class a vs rest: [[4, 2], [1, 3]]: p_o 0.7, p_e 0.6·0.5 + 0.4·0.5 = 0.5, kappa 0.4;
    // class b vs rest: [[2, 1], [2, 5]]: p_o 0.7, p_e 0.3·0.4 + 0.7·0.6 = 0.54, kappa 0.347826;
    // class c: perfect. d is no annotator's class.
    assertEquals(
        List.of(
            "class = d: no examples (only predicted)",
            "labels overall: Cohen kappa 0.474 (moderate agreement), at most 0.6: define the"
                + " labels more consistently",
            "labels class = a: Cohen kappa 0.400 (fair agreement), at most 0.6: define the labels"
                + " more consistently",
            "labels class = b: Cohen kappa 0.348 (fair agreement), at most 0.6: define the labels"
                + " more consistently"),
        r.flags());
  }

  @Test
  void theTableHasOneRowPerCheck() {
    DataCheckReport r =
        DataCheck.of(now())
            .by(List.of("accent"))
            .minimum(2)
            .reference(DataShares.of(before(), List.of("accent")))
            .report();
    Table t = r.toTable();
    assertEquals(
        List.of(
            "all data",
            "class = a",
            "class = b",
            "class = c",
            "class = d",
            "accent = x",
            "accent = y",
            "class shares",
            "accent shares"),
        t.stringColumn("scope").asList());
    assertEquals(
        List.of("size", "size", "size", "size", "size", "coverage", "coverage", "drift", "drift"),
        t.stringColumn("check").asList());
    assertEquals(0.20, t.doubleColumn("change").get(1), 1e-9);
    assertEquals("chi-square, df 2", t.stringColumn("measure").get(7));
    assertEquals("no significant change", t.stringColumn("result").get(7));
    assertEquals(
        "Data check of now: 10 examples, minimum 2 per class and value, against before (10"
            + " examples): 5 problems",
        t.name());
  }

  @Test
  void aReferenceWithoutTheColumnIsAnError() {
    DataShares ref = DataShares.of(before(), List.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataCheck.of(now()).by(List.of("accent")).reference(ref).report());
    assertEquals(
        "The reference before has no counts for column \"accent\"; it has counts for []",
        e.getMessage());
    assertEquals(
        "The reference run 3 counts 2.5 examples for class value \"a\"; counts of examples are"
            + " whole numbers >= 0 (weighted counts cannot be tested for drift)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new DataShares("run 3", Map.of("a", 2.5), Map.of()))
            .getMessage());
    assertEquals(
        "No column \"region\" (data check column) in now; columns are [actual, predicted, accent,"
            + " ann_a, ann_b]",
        assertThrows(
                IllegalArgumentException.class, () -> DataCheck.of(now()).by(List.of("region")))
            .getMessage());
  }
}
