package dev.errata.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.significance.ProportionTests;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SliceDiscoveryTest {

  /** Random rows over columns c0..c{k-1}; errors at 5 %, or 60 % where c0 = v1 and c1 = v2. */
  static Predictions planted(int rows, int[] values, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<StringColumn> cols = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      cols.add(StringColumn.create("c" + c));
    }
    StringColumn y = StringColumn.create("y");
    StringColumn yhat = StringColumn.create("yhat");
    for (int i = 0; i < rows; i++) {
      int[] v = new int[values.length];
      for (int c = 0; c < values.length; c++) {
        v[c] = rng.nextInt(values[c]);
        cols.get(c).append("v" + v[c]);
      }
      boolean pocket = v[0] == 1 && v[1] == 2;
      boolean wrong = rng.nextDouble() < (pocket ? 0.6 : 0.05);
      y.append("a");
      yhat.append(wrong ? "b" : "a");
    }
    Table t = Table.create("planted");
    cols.forEach(t::addColumns);
    t.addColumns(y, yhat);
    return PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
  }

  @Test
  void scoreFollowsSliceLinesFormula() {
    // n = 100, 10 errors (ē = 0.1); a slice of 20 rows with 6 errors, α = 0.95:
    // 0.95 (0.3 / 0.1 − 1) − 0.05 (100 / 20 − 1) = 1.9 − 0.2 = 1.7.
    byte[] wrong = new byte[100];
    SliceLine s = new SliceLine(List.of(), wrong, 10, 0.95, 1, 5);
    assertEquals(1.7, s.score(20, 6), 1e-12);
  }

  @Test
  void upperBoundIsNeverBelowTheScoreOfASliceWithinTheBounds() {
    byte[] wrong = new byte[1000];
    SliceLine s = new SliceLine(List.of(), wrong, 100, 0.95, 30, 5);
    for (long size = 30; size <= 400; size += 7) {
      for (long errors = 1; errors <= Math.min(size, 120); errors += 3) {
        double bound = s.upperBound(400, 120);
        assertTrue(bound >= s.score(size, errors) - 1e-12, size + "/" + errors);
      }
    }
    assertEquals(Double.NEGATIVE_INFINITY, s.upperBound(29, 10));
  }

  @Test
  void findsThePlantedPocketFirst() {
    DiscoveryReport r =
        SliceDiscovery.of(planted(5000, new int[] {4, 5, 3, 6}, 11))
            .alpha(0.99)
            .maxPredicates(2)
            .discover();
    FoundSlice top = r.slices().get(0);
    assertEquals("c0 = v1 ∧ c1 = v2", top.describe());
    assertEquals(
        ProportionTests.compare(
            top.errors(), top.size(), r.errors() - top.errors(), r.rows() - top.size()),
        r.tests().get(0));
    assertTrue(r.adjustedP()[0] < 1e-10);
  }

  @Test
  void prunedSearchReturnsTheSameScoresAsExhaustiveSearch() {
    for (long seed = 1; seed <= 4; seed++) {
      Predictions p = planted(2000, new int[] {3, 4, 5, 3}, seed);
      for (double alpha : new double[] {0.9, 0.99}) {
        DiscoveryReport r = SliceDiscovery.of(p).alpha(alpha).minSupport(20).top(8).discover();
        List<Double> expected = exhaustiveTop(p, 4, 3, alpha, 20, 8);
        List<Double> actual = r.slices().stream().map(FoundSlice::score).toList();
        assertEquals(expected.size(), actual.size(), "seed " + seed + " α " + alpha);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i), 1e-9, "seed " + seed + " rank " + i);
        }
        // 3 + 4 + 5 + 3 singles, 83 pairs and 201 triples.
        assertEquals(15 + 83 + 201, r.possible());
        assertTrue(r.evaluated() < r.possible(), r.evaluated() + " of " + r.possible());
      }
    }
  }

  /** Scores every conjunction by brute force, one score per distinct row set, best first. */
  private static List<Double> exhaustiveTop(
      Predictions p, int columns, int maxPredicates, double alpha, int minSupport, int k) {
    int n = p.size();
    int[][] codes = new int[columns][n];
    int[] radix = new int[columns];
    for (int c = 0; c < columns; c++) {
      var cc = p.codes("c" + c);
      radix[c] = cc.values().size();
      for (int i = 0; i < n; i++) {
        codes[c][i] = cc.code(i);
      }
    }
    long totalErrors = 0;
    for (int i = 0; i < n; i++) {
      totalErrors += p.actual(i) == p.predicted(i) ? 0 : 1;
    }
    double mean = (double) totalErrors / n;
    Set<BitSet> seen = new HashSet<>();
    List<Double> scores = new ArrayList<>();
    for (int size = 1; size <= maxPredicates; size++) {
      for (int[] set : SliceLine.combinations(columns, size)) {
        int cells = 1;
        for (int c : set) {
          cells *= radix[c];
        }
        for (int cell = 0; cell < cells; cell++) {
          int[] want = new int[set.length];
          int rest = cell;
          for (int j = set.length - 1; j >= 0; j--) {
            want[j] = rest % radix[set[j]];
            rest /= radix[set[j]];
          }
          BitSet rows = new BitSet(n);
          long errors = 0;
          for (int i = 0; i < n; i++) {
            boolean in = true;
            for (int j = 0; j < set.length && in; j++) {
              in = codes[set[j]][i] == want[j];
            }
            if (in) {
              rows.set(i);
              errors += p.actual(i) == p.predicted(i) ? 0 : 1;
            }
          }
          long count = rows.cardinality();
          if (count < minSupport || errors == 0 || !seen.add(rows)) {
            continue;
          }
          double score =
              alpha * (((double) errors / count) / mean - 1)
                  - (1 - alpha) * ((double) n / count - 1);
          if (score > 0) {
            scores.add(score);
          }
        }
      }
    }
    scores.sort((a, b) -> Double.compare(b, a));
    return scores.subList(0, Math.min(k, scores.size()));
  }

  @Test
  void aPredicateWithAnotherColumnsRowsIsSearchedOnce() {
    Table t =
        Table.create(
            "twins",
            StringColumn.create("category", "noisy", "noisy", "clean", "clean", "clean", "clean"),
            StringColumn.create("noisy", "yes", "yes", "no", "no", "no", "no"),
            StringColumn.create("y", "a", "a", "a", "a", "a", "a"),
            StringColumn.create("yhat", "b", "b", "a", "a", "a", "b"));
    Predictions p = PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
    DiscoveryReport r = SliceDiscovery.of(p).minSupport(1).alpha(0.9).discover();
    assertEquals(
        List.of("category = noisy"), r.slices().stream().map(FoundSlice::describe).toList());
    assertTrue(
        r.notes().contains("same rows, searched once: category = clean ≡ noisy = no"),
        r.notes().toString());
    assertTrue(
        r.notes().contains("same rows, searched once: category = noisy ≡ noisy = yes"),
        r.notes().toString());
  }

  @Test
  void defaultColumnsSkipRolesAndColumnsWithTooManyValues() {
    Table t = Fixtures.tenRows();
    Predictions p = PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
    DiscoveryReport r = SliceDiscovery.of(p).minSupport(1).maxValues(5).discover();
    assertEquals(List.of("accent", "gender"), r.columns());
    assertEquals(List.of("not searched, more than 5 values: id (10)"), r.notes());
  }

  @Test
  void noErrorsMeansNothingToFind() {
    Predictions p = Predictions.of(List.of("a", "b"), List.of("a", "b"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SliceDiscovery.of(p).discover());
    assertEquals(
        "No column to search in predictions: none besides the roles has 2 to 30 distinct values;"
            + " columns are [actual, predicted]",
        e.getMessage());
    Table t = Fixtures.tenRows();
    Predictions right = PredictionsReader.fromTable(t).actual("y").predicted("y").load();
    DiscoveryReport r = SliceDiscovery.of(right).columns("accent").discover();
    assertTrue(r.slices().isEmpty());
    assertEquals(List.of("no wrong predictions: nothing to find"), r.notes());
  }

  @Test
  void badOptionsAreRefusedWithTheRange() {
    Predictions p = Fixtures.ten();
    assertEquals(
        "Slices combine 1 to 3 predicates, got 4",
        assertThrows(IllegalArgumentException.class, () -> SliceDiscovery.of(p).maxPredicates(4))
            .getMessage());
    assertEquals(
        "Column \"id\" has 10 distinct values; discovery searches columns with at most 5 (raise it"
            + " with maxValues)",
        assertThrows(
                IllegalArgumentException.class,
                () -> SliceDiscovery.of(p).columns("id").maxValues(5).discover())
            .getMessage());
  }

  @Test
  void combinationsRunInLexicographicOrder() {
    List<int[]> c = SliceLine.combinations(4, 2);
    assertEquals(6, c.size());
    assertArrayEquals(new int[] {0, 1}, c.get(0));
    assertArrayEquals(new int[] {2, 3}, c.get(5));
    assertEquals(4, SliceLine.combinations(4, 3).size());
  }
}
