package dev.errata.slices;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SlicesTest {

  final Predictions p = Fixtures.ten();

  @Test
  void countsEachValueOfAColumn() {
    SliceReport r = Slices.of(p).by("accent").minSupport(1).report();
    assertEquals(
        List.of(List.of("uk"), List.of("us")), r.slices().stream().map(Slice::values).toList());
    Slice uk = r.slice("uk").orElseThrow();
    Slice us = r.slice("us").orElseThrow();
    assertEquals(4, uk.support());
    assertEquals(0.75, uk.value(Metric.accuracy()), 1e-15);
    assertEquals(0.25, uk.value(Metric.errorRate()), 1e-15);
    assertEquals(4.0 / 6, us.value(Metric.accuracy()), 1e-15);
    assertEquals(0.7, r.overallValue(Metric.accuracy()), 1e-15);
  }

  @Test
  void macroMetricsMatchScikitLearnOnASlice() {
    // sklearn precision/recall/f1_score(average="macro") on the us rows: 0.625 each;
    // per class a: 0.75, b: 0.5.
    Slice us = Slices.of(p).by("accent").report().slice("us").orElseThrow();
    for (Metric.Kind kind : List.of(Metric.Kind.PRECISION, Metric.Kind.RECALL, Metric.Kind.F1)) {
      assertEquals(0.625, us.value(Metric.of(kind)), 1e-15, kind.label());
      assertEquals(0.75, us.value(Metric.of(kind, "a")), 1e-15, kind.label());
      assertEquals(0.5, us.value(Metric.of(kind, "b")), 1e-15, kind.label());
    }
  }

  @Test
  void macroAverageLeavesOutClassesUndefinedInTheSlice() {
    // uk/m has one row, actual a predicted b: precision a undefined, b = 0; recall a = 0, b
    // undefined; F1 a = 0, b = 0.
    Slice one = Slices.of(p).by("accent", "gender").report().slice("uk", "m").orElseThrow();
    assertEquals(0, one.value(Metric.of(Metric.Kind.PRECISION)));
    assertEquals(0, one.value(Metric.of(Metric.Kind.RECALL)));
    assertTrue(Double.isNaN(one.value(Metric.of(Metric.Kind.PRECISION, "a"))));
    assertTrue(Double.isNaN(one.value(Metric.of(Metric.Kind.RECALL, "b"))));
  }

  @Test
  void intersectionsRunInFirstColumnOrderAndSkipEmptyCells() {
    SliceReport r = Slices.of(p).by("accent", "gender").report();
    assertEquals(
        List.of(List.of("uk", "f"), List.of("uk", "m"), List.of("us", "f"), List.of("us", "m")),
        r.slices().stream().map(Slice::values).toList());
    assertEquals(List.of(3.0, 1.0, 4.0, 2.0), r.slices().stream().map(Slice::support).toList());
    assertEquals("accent = us, gender = m", r.slices().get(3).describe());
    assertEquals(0.5, r.slices().get(3).value(Metric.accuracy()), 1e-15);
  }

  @Test
  void defaultMetricsUseThePositiveClassWhenOneIsNamed() {
    SliceReport r = Slices.of(Fixtures.tenPositiveB()).by("accent").report();
    assertEquals(
        List.of("accuracy", "error rate", "precision of b", "recall of b", "f1 of b"),
        r.metrics().stream().map(Metric::label).toList());
    // us: b actual twice, once predicted b -> recall 1/2.
    assertEquals(0.5, r.slice("us").orElseThrow().value(r.metrics().get(3)), 1e-15);
  }

  @Test
  void intervalsAreWilsonOnTheSlicesCounts() {
    SliceReport r = Slices.of(p).by("accent").report();
    Interval ci = r.interval(r.slice("us").orElseThrow(), Metric.accuracy());
    assertEquals(new Proportion(4, 6).wilson(), ci);
    assertTrue(r.interval(r.slice("us").orElseThrow(), Metric.of(Metric.Kind.F1)).isUndefined());
  }

  @Test
  void eachSliceIsTestedAgainstTheRestWithFisherForSmallCounts() {
    SliceReport r = Slices.of(p).by("accent").minSupport(1).report();
    SliceSignificance uk = r.significance().get(0);
    // uk 3/4 against us 4/6: scipy.stats.fisher_exact([[3, 1], [4, 2]]) -> p = 1.0
    assertEquals("Fisher", uk.result().test());
    assertEquals(1.0, uk.result().p(), 1e-12);
    assertEquals(4.0 / 6, uk.rest(), 1e-15);
    assertEquals(1.0, uk.adjustedP(), 1e-12);
  }

  @Test
  void disparityComparesTheWorstSliceWithOverallAndBest() {
    SliceReport r = Slices.of(p).by("accent").minSupport(1).report();
    Disparity accuracy = r.disparities().get(0);
    assertEquals("accent = us", accuracy.worst());
    assertEquals("accent = uk", accuracy.best());
    assertEquals(0.7 - 4.0 / 6, accuracy.gapToOverall(), 1e-12);
    assertEquals((4.0 / 6) / 0.7, accuracy.ratioToOverall(), 1e-12);
    assertEquals(0.75 - 4.0 / 6, accuracy.gapToBest(), 1e-12);
    assertEquals((4.0 / 6) / 0.75, accuracy.ratioToBest(), 1e-12);
    Disparity error = r.disparities().get(1);
    assertEquals("accent = us", error.worst());
    assertEquals((2.0 / 6) / 0.25, error.ratioToBest(), 1e-12);
  }

  @Test
  void smallSlicesAreFlaggedAndLeftOutOfDisparities() {
    SliceReport r = Slices.of(p).by("accent").minSupport(5).report();
    assertTrue(r.isSmall(r.slice("uk").orElseThrow()));
    Disparity accuracy = r.disparities().get(0);
    assertEquals(1, accuracy.compared());
    assertEquals(1, accuracy.small());
    assertEquals("accent = us", accuracy.best());
    Table t = r.toTable();
    assertEquals(List.of("", "n < 5", ""), t.stringColumn("small").asList());
  }

  @Test
  void tableHasAnOverallRowThenOneRowPerSlice() {
    Table t = Slices.of(p).by("accent", "gender").report().toTable();
    assertEquals(
        List.of(
            "accent",
            "gender",
            "n",
            "share of data",
            "small",
            "accuracy",
            "accuracy low",
            "accuracy high",
            "error rate",
            "error rate low",
            "error rate high",
            "macro precision",
            "macro recall",
            "macro f1",
            "test",
            "p",
            "p (BH)",
            "vs rest"),
        t.columnNames());
    assertEquals(List.of("(all)", "uk", "uk", "us", "us"), t.stringColumn("accent").asList());
    assertEquals(10, t.doubleColumn("n").get(0));
    assertEquals(
        "Metrics by accent × gender (ten, n = 10): 95 % Wilson intervals; p = accuracy vs the"
            + " rest, BH-adjusted across 4 slices",
        t.name());
  }

  @Test
  void weightsAreSummedAndKeepSlicesOffFishersTest() {
    Table t = Fixtures.tenRows();
    t.addColumns(
        tech.tablesaw.api.DoubleColumn.create(
            "w", new double[] {1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 2.5}));
    Predictions weighted =
        dev.errata.load.PredictionsReader.fromTable(t)
            .actual("y")
            .predicted("yhat")
            .weight("w")
            .load();
    SliceReport r = Slices.of(weighted).by("accent").minSupport(1).report();
    Slice uk = r.slice("uk").orElseThrow();
    // uk: three right rows of weight 0.5 and one wrong of weight 2.5.
    assertEquals(4, uk.support(), 1e-12);
    assertEquals(1.5 / 4, uk.value(Metric.accuracy()), 1e-12);
    assertEquals("z", r.significance().get(0).result().test());
  }

  @Test
  void unknownColumnListsTheColumns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Slices.of(p).by("acent").report());
    assertEquals(
        "No column \"acent\" in ten; columns are [id, accent, gender, y, yhat]", e.getMessage());
  }

  @Test
  void unknownClassListsTheClasses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Slices.of(p).by("accent").metrics(Metric.of(Metric.Kind.RECALL, "c")).report());
    assertEquals("Unknown class \"c\"; classes are [a, b]", e.getMessage());
  }

  @Test
  void tooManyColumnsAndRepeatsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Slices.of(p).by("accent", "gender", "y", "yhat").report());
    assertEquals(
        "Slice by at most 3 columns at once, got 4: [accent, gender, y, yhat]", e.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class, () -> Slices.of(p).by("accent", "accent").report());
    assertEquals("A column is named twice in [accent, accent]", twice.getMessage());
  }

  @Test
  void onlyProportionsCanBeTested() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Slices.of(p).by("accent").tested(Metric.of(Metric.Kind.F1)).report());
    assertEquals(
        "Only a proportion can be tested against the rest (accuracy, error rate, or precision or"
            + " recall of a class), got macro f1",
        e.getMessage());
  }
}
