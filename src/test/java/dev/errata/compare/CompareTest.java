package dev.errata.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CompareTest {

  static Predictions run(String name, String[][] rows, boolean withId) {
    StringColumn id = StringColumn.create("id");
    StringColumn device = StringColumn.create("device");
    StringColumn y = StringColumn.create("y");
    StringColumn yhat = StringColumn.create("yhat");
    for (String[] r : rows) {
      id.append(r[0]);
      device.append(r[1]);
      y.append(r[2]);
      yhat.append(r[3]);
    }
    PredictionsReader reader =
        PredictionsReader.fromTable(Table.create(name, id, device, y, yhat))
            .actual("y")
            .predicted("yhat");
    return withId ? reader.id("id").load() : reader.load();
  }

  // web: r1 right→right, r2 and r3 right→wrong, r4 wrong→wrong; app: r5 and r6 wrong→right,
  // r7 right→right (relabelled a→b), r8 right→right. r9 only before, r10 only after.
  static final String[][] BEFORE = {
    {"r1", "web", "a", "a"}, {"r2", "web", "a", "a"}, {"r3", "web", "b", "b"},
    {"r4", "web", "a", "b"}, {"r5", "app", "a", "b"}, {"r6", "app", "b", "a"},
    {"r7", "app", "a", "a"}, {"r8", "app", "b", "b"}, {"r9", "app", "a", "a"},
  };
  static final String[][] AFTER = {
    {"r10", "web", "a", "a"}, {"r8", "app", "b", "b"}, {"r7", "app", "b", "b"},
    {"r6", "app", "b", "b"}, {"r5", "app", "a", "a"}, {"r4", "web", "a", "b"},
    {"r3", "web", "b", "a"}, {"r2", "web", "a", "b"}, {"r1", "web", "a", "a"},
  };

  final Predictions before = run("v1", BEFORE, true);
  final Predictions after = run("v2", AFTER, true);

  @Test
  void joinsByIdAndReportsWhatDidNotMatch() {
    ModelComparison c = Compare.runs(before, after).report();
    Join j = c.join();
    assertEquals(8, j.matched());
    assertEquals(List.of("r9"), j.firstOnlyBefore());
    assertEquals(List.of("r10"), j.firstOnlyAfter());
    assertEquals(1, j.relabelled());
    assertEquals(List.of("r7"), j.firstRelabelled());
    assertEquals("v1 (yhat)", c.before());
  }

  @Test
  void countsPairedOutcomesAndTestsThemWithMcNemar() {
    ModelComparison c = Compare.runs(before, after).report();
    SliceDelta all = c.overall();
    assertEquals(new SliceDelta.Outcomes(3, 2, 2, 1), all.outcomes());
    assertEquals(0, all.delta(Metric.accuracy()), 1e-15);
    // b = c = 2: 2 * P(X <= 2 | 4, 1/2) = 2 * 11/16 > 1, capped at 1.
    assertEquals(1, all.outcomes().mcnemar().p());
  }

  @Test
  void slicesCarryDeltasAndAdjustedPValues() {
    ModelComparison c = Compare.runs(before, after).by("device").report();
    assertEquals(2, c.slices().size());
    SliceDelta app = c.slices().get(0);
    SliceDelta web = c.slices().get(1);
    assertEquals("device = app", app.describe());
    assertEquals(1.0 - 0.5, app.delta(Metric.accuracy()), 1e-15);
    assertEquals(0.25 - 0.75, web.delta(Metric.accuracy()), 1e-15);
    assertEquals(new SliceDelta.Outcomes(1, 2, 0, 1), web.outcomes());
    // Two discordant pairs, both one way: 2 * (1/2)^2 = 0.5; BH over {0.5, 0.5} keeps 0.5.
    assertEquals(0.5, web.outcomes().mcnemar().p(), 1e-15);
    assertEquals(0.5, web.adjustedP(), 1e-15);
    assertEquals("drop (not significant)", web.change(0.05));
    assertEquals("", app.change(0.05));
    assertTrue(c.regressions().isEmpty());
  }

  @Test
  void tableHasAnOverallRowThenSlices() {
    Table t =
        Compare.runs(before, after).by("device").metrics(Metric.accuracy()).report().toTable();
    assertEquals(
        List.of(
            "device",
            "n",
            "small",
            "accuracy before",
            "accuracy after",
            "accuracy Δ",
            "right → wrong",
            "wrong → right",
            "McNemar p",
            "p (BH)",
            "change"),
        t.columnNames());
    assertEquals(List.of("(all)", "app", "web"), t.stringColumn("device").asList());
    assertEquals(List.of(2.0, 0.0, 2.0), t.doubleColumn("right → wrong").asList());
  }

  @Test
  void aRunWithoutIdsIsRefusedWithAHint() {
    Predictions noIds = run("v3", AFTER, false);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Compare.runs(before, noIds).report());
    assertEquals(
        "Comparing runs joins examples by id, but v3 has no id column; read it with"
            + " .id(\"column\") (magic: --id COL); columns are [id, device, y, yhat]",
        e.getMessage());
  }

  @Test
  void runsWithNoCommonIdAreRefused() {
    Predictions other = run("v4", new String[][] {{"x1", "web", "a", "a"}}, true);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Compare.runs(before, other).report());
    assertEquals(
        "No id of v1 (column \"id\") appears in v4 (column \"id\"); first ids [r1, r2, r3] and"
            + " [x1]",
        e.getMessage());
  }

  @Test
  void anUnknownSliceColumnListsTheColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Compare.runs(before, after).by("devise").report());
    assertEquals(
        "No column \"devise\" in v1 or v2; columns are [id, device, y, yhat]", e.getMessage());
  }
}
