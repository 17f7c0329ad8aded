package dev.errata.render.chart;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

  @Test
  void courseConfusionMatrixSummaryNamesAccuracyAndTheWorstConfusion() {
    Chart c = Charts.confusion(Samples.courseBinary());
    assertEquals(
        "Confusion matrix: 2 classes, 1,000 examples, accuracy 97.3 %; most confused: actual \"1\""
            + " predicted as \"0\" 18 times (20.9 % of \"1\")",
        c.text());
    Heatmap h = (Heatmap) c.plot();
    assertEquals(68.0 / 86, h.rate(1, 1), 1e-15);
    assertEquals(List.of("0", "1"), h.rows());
  }

  @Test
  void aboveThirtyClassesTheMostConfusedStayAndTheRestFoldIntoOther() {
    int k = 35;
    List<String> names = Samples.names(k);
    double[] counts = new double[k * k];
    for (int i = 0; i < k; i++) {
      counts[i * k + i] = 100;
    }
    // Class i (for i >= 6) is predicted as class i - 1, i times: class 5 is in 6 errors, class 6 in
    // 13 (6 + 7), …, class 34 in 34, classes 0-4 in none. The 29 kept are 6-34; 0-5 fold.
    for (int i = 6; i < k; i++) {
      counts[i * k + (i - 1)] = i;
    }
    ConfusionMatrix cm = new ConfusionMatrix(new Labels(names), counts);
    assertEquals(List.of(6, 7, 8), ConfusionChart.kept(cm).subList(0, 3));
    Heatmap h = (Heatmap) Charts.confusion(cm).plot();
    assertEquals(30, h.rows().size());
    assertEquals("other (6 classes)", h.rows().get(29));
    double sum = 0;
    for (int r = 0; r < 30; r++) {
      sum += h.rowTotal(r);
    }
    assertEquals(cm.total(), sum, 1e-9);
    assertEquals(600, h.count(29, 29), "classes 0-5 stay correct inside other");
    assertEquals(6, h.count(0, 29), "class-06 predicted as class-05 lands in column other");
    assertEquals(7, h.count(1, 0), "class-07 predicted as class-06, both kept");
    assertTrue(Charts.confusion(cm).text().endsWith(
        "showing the 29 most confused classes, the other 6 folded into \"other\""));
  }

  @Test
  void gapToHlpOrdersByPotentialGainAndAnnotatesTheCourseTable() {
    Chart c = Samples.courseGap();
    Bars b = (Bars) c.plot();
    // Gains (gap × share): clean 1 pp × 60 % = 0.6, people 2 × 30 % = 0.6 (tie: order given),
    // car 4 × 4 % = 0.16, low bandwidth 0.
    assertEquals(
        List.of("clean speech", "people noise", "car noise", "low bandwidth"), b.categories());
    assertEquals(List.of(0.95, 0.89, 0.93, 0.70), b.series().get(1).values());
    assertEquals(
        List.of(
            "gap 1.0 pp · 60.0 % of data · gain 0.6 pp",
            "gap 2.0 pp · 30.0 % of data · gain 0.6 pp",
            "gap 4.0 pp · 4.0 % of data · gain 0.16 pp",
            "gap 0.0 pp · 6.0 % of data · gain 0.0 pp"),
        b.notes());
    assertEquals("Accuracy vs human-level performance: largest gap \"car noise\" 4.0 pp (model 89.0 %,"
        + " HLP 93.0 %, 4.0 % of data)", c.text());
  }

  @Test
  void gapChartDrawsEachGapAsADeltaBarFromModelToHlp() {
    Canvas canvas = Samples.courseGap().canvas();
    List<Canvas.Rect> gaps =
        canvas.shapes.stream()
            .filter(s -> s instanceof Canvas.Rect r && r.fill().equals(Bars.GAP_COLOUR))
            .map(s -> (Canvas.Rect) s)
            .toList();
    // Three gaps on a 360 px plot of 0-100 %, plus the legend's swatch (11 px); none for low
    // bandwidth, whose model matches HLP.
    assertEquals(
        List.of(3.6, 7.2, 14.4, 11.0),
        gaps.stream().map(r -> Math.round(r.w() * 1000) / 1000.0).toList());
    Canvas.Rect clean = gaps.get(0);
    Canvas.Rect cleanModel =
        canvas.shapes.stream()
            .filter(
                s ->
                    s instanceof Canvas.Rect r
                        && r.fill().equals(Style.series(0))
                        && r.y() == clean.y())
            .map(s -> (Canvas.Rect) s)
            .findFirst()
            .orElseThrow();
    assertEquals(
        cleanModel.x() + cleanModel.w(),
        clean.x(),
        1e-9,
        "the gap starts where the model bar ends");
    assertTrue(
        Samples.courseGap().plotlyJson().contains("\"base\":[0.94,0.87,0.89,null]"),
        Samples.courseGap().plotlyJson());
  }

  @Test
  void everyChartTextIsAtLeastTwelvePixels() {
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      for (Canvas.Shape s : e.getValue().canvas().shapes) {
        double size =
            s instanceof Canvas.Text t ? t.size() : s instanceof Canvas.Glyphs g ? g.size() : 99;
        assertTrue(size >= 12, e.getKey() + ": " + s);
      }
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("font-size=\"([0-9.]+)\"").matcher(e.getValue().svg());
      while (m.find()) {
        assertTrue(Double.parseDouble(m.group(1)) >= 12, e.getKey() + ": font-size " + m.group(1));
      }
      java.util.regex.Matcher p =
          java.util.regex.Pattern.compile("\"size\":([0-9.]+)").matcher(e.getValue().plotlyJson());
      while (p.find()) {
        assertTrue(
            Double.parseDouble(p.group(1)) >= 12, e.getKey() + ": Plotly size " + p.group(1));
      }
    }
  }

  @Test
  void barsFromASectionUseItsDeclaredIntervalAndRates() {
    Table t = Table.create("Per-class report",
        StringColumn.create("class", "dent", "scratch"),
        DoubleColumn.create("recall", 0.995, 0.992),
        DoubleColumn.create("recall low", 0.98, 0.97),
        DoubleColumn.create("recall high", 0.999, 0.998));
    dev.errata.present.Section s =
        dev.errata.present.Section.of(t)
            .with(dev.errata.present.ColumnKind.PROPORTION, "recall")
            .interval("recall", "recall low", "recall high");
    Chart c = Charts.bars(s, "class", "recall");
    Bars b = (Bars) c.plot();
    // The plain table says nothing about its columns: a number axis, no whiskers.
    Bars plain = (Bars) Charts.bars(t, "class", "recall").plot();
    assertFalse(plain.axis().percent());
    assertEquals(List.of(), plain.series().get(0).lower());
    assertTrue(b.axis().percent());
    assertEquals(List.of(0.98, 0.97), b.series().get(0).lower());
    assertEquals("Per-class report: recall: lowest \"scratch\" 99.2 % [97.0, 99.8], highest \"dent\""
        + " 99.5 % [98.0, 99.9] (2 rows)", c.text());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.bars(t, "class", "f1"));
    assertEquals("No column \"f1\" in table \"Per-class report\"; columns are [class, recall, recall low,"
        + " recall high]", e.getMessage());
  }

  @Test
  void longCurvesAreThinnedKeepingTheirEnds() {
    Chart roc = Samples.roc(1_000_000);
    Lines.Curve c = ((Lines) roc.plot()).curves().get(0);
    assertTrue(c.size() <= Charts.MAX_CURVE_POINTS + 2, "points " + c.size());
    assertEquals(0, c.xAt(0));
    assertEquals(1, c.xAt(c.size() - 1));
    assertEquals("ROC curve: AUC 0.8 (1000000 points)", roc.text());
  }

  @Test
  void aChartAcrossRunsShowsTheMostRecentForty() {
    List<String> runs = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      runs.add("run " + i);
      v.add(0.5 + i / 100.0);
    }
    Chart c = Charts.acrossRuns("accuracy", runs, v, List.of(), List.of());
    Lines l = (Lines) c.plot();
    assertEquals(runs.subList(5, 45), l.xCategories());
    assertTrue(l.y().percent());
    assertEquals("accuracy across runs: last 40 of 45 runs; lowest \"run 5\" 55.0 %, highest \"run 44\""
        + " 94.0 % (40 runs)", c.text());
  }

  @Test
  void undefinedValuesDrawNoBarAndReadUndefined() {
    Chart c = Charts.sliceMetric("t", "recall", List.of("a", "b"), List.of(Double.NaN, 0.5), List.of(), List.of());
    assertTrue(c.svg().contains(">undefined</text>"), c.svg());
    assertTrue(c.plotlyJson().contains("\"x\":[null,0.5]"), c.plotlyJson());
  }

  @Test
  void ticksAndCompactCountsReadRound() {
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Style.ticks(0, 1, 5), 1e-12);
    assertEquals("0 %", Style.tick(0, true));
    assertEquals("12.5 %", Style.tick(0.125, true));
    assertEquals(List.of("987", "1.2k", "12k", "123k", "1.0M"),
        List.of(Style.compact(987), Style.compact(1234), Style.compact(12345), Style.compact(123456),
            Style.compact(999_600)));
  }

  @Test
  void everyChartGivesItsDataBackAsATable() {
    assertEquals(List.of("actual \\ predicted", "0", "1"), Charts.confusion(Samples.courseBinary()).toTable().columnNames());
    Table gap = Samples.courseGap().toTable();
    assertEquals(List.of("category", "model", "HLP", "note"), gap.columnNames());
    assertEquals(0.89, gap.doubleColumn("HLP").get(1), "people noise, second by gain");
    Table slices = Samples.slices().toTable();
    assertEquals(List.of("category", "recall", "recall low", "recall high"), slices.columnNames());
    Table runs = Samples.runs().toTable();
    assertEquals("lr=0.01", runs.stringColumn("run").get(1));
    assertEquals(5, runs.rowCount());
  }

  @Test
  void mismatchedInputsAreRejectedWithTheCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.sliceMetric("t", "recall", List.of("a", "b"), List.of(0.5), List.of(), List.of()));
    assertEquals("Series \"recall\" has 1 values for 2 categories", e.getMessage());
  }
}
