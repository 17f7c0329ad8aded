package dev.errata.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MilestonesTest {

  /**
   * Binary, 100 examples per split, as (TP, FN, FP, TN): train (20, 0, 2, 78) → 98 %; dev (16, 4,
   * 11, 69) → 85 %; test (15, 5, 12, 68) → 83 %, recall 75 %.
   */
  static Predictions splits() {
    List<String> split = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    int[][] cells = {{20, 0, 2, 78}, {16, 4, 11, 69}, {15, 5, 12, 68}};
    String[] names = {"train", "dev", "test"};
    String[][] pairs = {{"1", "1"}, {"1", "0"}, {"0", "1"}, {"0", "0"}};
    for (int s = 0; s < 3; s++) {
      for (int c = 0; c < 4; c++) {
        for (int i = 0; i < cells[s][c]; i++) {
          split.add(names[s]);
          actual.add(pairs[c][0]);
          predicted.add(pairs[c][1]);
        }
      }
    }
    Table t =
        Table.create(
            "course",
            StringColumn.create("actual", actual),
            StringColumn.create("predicted", predicted),
            StringColumn.create("split", split));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
  }

  @Test
  void flagsEachMissedMilestoneWithItsNumbers() {
    MilestoneReport r =
        Milestones.of(splits(), "split")
            .hlp(0.99)
            .business(BusinessTarget.parse("recall:1>=0.9"))
            .report();
    assertEquals(0.98, r.row("train").accuracy(), 1e-15);
    assertEquals(0.85, r.row("dev").accuracy(), 1e-15);
    assertEquals(0.83, r.row("test").accuracy(), 1e-15);
    assertEquals(0.75, r.row("test").business(), 1e-15, "recall of 1 on test: 15 / 20");
    assertEquals(16.0 / 20, r.row("dev").business(), 1e-15);
    assertEquals(0.13, r.gaps().get(0).difference(), 1e-12);
    // Two-proportion z test, 98/100 vs 85/100: pooled 0.915, z = 0.13 / sqrt(0.915·0.085·0.02);
    // 98/100 vs 83/100: pooled 0.905, z = 3.617, two-sided p = 0.0003.
    double z = 0.13 / Math.sqrt(0.915 * 0.085 * 0.02);
    assertEquals(z, Math.abs(r.gaps().get(0).test().statistic()), 1e-9);
    assertEquals(
        List.of(
            "training set not fitted: accuracy 98.0 % below HLP 99.0 % (avoidable bias 1.0 %)",
            "dev/test gap: accuracy on dev is 13.0 % below the training set (p = 0.0010;"
                + " variance: more data, regularisation, augmentation)",
            "dev/test gap: accuracy on test is 15.0 % below the training set (p = 0.0003;"
                + " variance: more data, regularisation, augmentation)",
            "misses the business target: recall of 1 on test is 0.7500, target recall of 1 >= 0.9"),
        r.flags());
    assertEquals(
        "[milestone, split, role, examples, accuracy, accuracy low, accuracy high, gap to HLP,"
            + " business: recall of 1, vs target]",
        r.toTable().columnNames().toString());
    assertEquals(0.75, r.toTable().doubleColumn("business: recall of 1").get(2), 1e-15);
    assertEquals("misses >= 0.9", r.toTable().stringColumn("vs target").get(2));
    // HLP 0.99 against accuracy 98, 85 and 83 of 100.
    assertEquals(List.of(0.01, 0.14, 0.16), rounded(r.toTable().doubleColumn("gap to HLP")));
    Table shown = dev.errata.render.HtmlTable.shown(r.present().sections().get(0));
    assertEquals(List.of("1.0 pp", "14.0 pp", "16.0 pp"), shown.stringColumn("gap to HLP").asList());
    assertEquals("75.0 %", shown.stringColumn("business: recall of 1").get(2));
    Table gaps = dev.errata.render.HtmlTable.shown(r.present().sections().get(1));
    assertEquals("0.0003", gaps.stringColumn("p").get(1));
    MilestoneReport beaten = Milestones.of(splits(), "split").hlp(0.95).report();
    assertEquals(-0.03, beaten.toTable().doubleColumn("gap to HLP").get(0), 1e-12);
    assertEquals("beats HLP", beaten.toTable().stringColumn("vs HLP").get(0));
  }

  @Test
  void expectedCostComesFromTheCostMatrixFile() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "course-test"));
    Path costs =
        Files.writeString(dir.resolve("costs.csv"), "actual,predicted,cost\n1,0,10\n0,1,1\n");
    MilestoneReport r =
        Milestones.of(splits(), "split")
            .costs(CostMatrix.read(costs))
            .business(BusinessTarget.parse("cost<=0.5"))
            .report();
    // test: 5 missed positives × 10 + 12 false alarms × 1 over 100 examples.
    assertEquals(0.62, r.row("test").expectedCost(), 1e-15);
    assertEquals(0.02, r.row("train").expectedCost(), 1e-15);
    assertEquals(
        "misses the business target: expected cost per example on test is 0.6200, target expected"
            + " cost per example <= 0.5",
        r.flags().get(r.flags().size() - 1));
    Path bad = Files.writeString(dir.resolve("bad.csv"), "actual,predicted,cost\n1,0,ten\n");
    assertEquals(
        "Row 1 of bad.csv: cost \"ten\" is not a number",
        assertThrows(IllegalArgumentException.class, () -> CostMatrix.read(bad)).getMessage());
  }

  @Test
  void aSplitColumnWithoutATrainingSplitListsItsValuesAndTheAcceptedNames() {
    Table t =
        Table.create(
            "p",
            StringColumn.create("actual", "a", "b"),
            StringColumn.create("predicted", "a", "a"),
            StringColumn.create("fold", "one", "test"));
    Predictions p = PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
    assertEquals(
        "Split column \"fold\" needs a training split and a dev or test split; its values are"
            + " [one, test], accepted names are train|training, dev|val|valid|validation,"
            + " test|holdout",
        assertThrows(IllegalArgumentException.class, () -> Milestones.of(p, "fold").report())
            .getMessage());
    assertEquals(
        "A business target takes the form " + BusinessTarget.FORM + ", got \"recall 0.9\"",
        assertThrows(IllegalArgumentException.class, () -> BusinessTarget.parse("recall 0.9"))
            .getMessage());
  }

  private static List<Double> rounded(tech.tablesaw.api.DoubleColumn c) {
    return c.asList().stream().map(v -> Math.round(v * 1e6) / 1e6).toList();
  }
}
