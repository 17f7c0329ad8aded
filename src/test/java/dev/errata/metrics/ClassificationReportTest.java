package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.render.HtmlTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ClassificationReportTest {

  private static ClassificationReport course() {
    return ClassificationReport.of(
        "course", ClassificationMetricsTest.course(), ReportOptions.defaults());
  }

  @Test
  void courseReportShowsRatesWithWilsonIntervals() {
    Table t = shown(course());
    // Wilson 95 % intervals computed by hand: 68/77 and 68/86.
    assertEquals("88.3 % [79.3, 93.7]", t.stringColumn("precision").get(1));
    assertEquals("79.1 % [69.3, 86.3]", t.stringColumn("recall").get(1));
    assertTrue(t.stringColumn("F1").get(1).startsWith("83.4 % ["));
    assertEquals("86", t.stringColumn("support").get(1));
    assertEquals(
        List.of("0", "1", "macro avg", "weighted avg", "micro avg", "accuracy"),
        t.stringColumn("class").asList());
    assertEquals("97.3 % [96.1, 98.1]", t.stringColumn("F1").get(5));
    assertEquals("", t.stringColumn("precision").get(5));
  }

  @Test
  void numericTableKeepsValuesAndBounds() {
    ClassificationReport r = course();
    Table t = r.toTable();
    assertEquals(68.0 / 77, t.doubleColumn("precision").getDouble(1), 1e-15);
    assertEquals(r.precisionInterval(1).lower(), t.doubleColumn("precision low").getDouble(1));
    assertEquals(0.973, t.doubleColumn("f1-score").getDouble(5), 1e-15);
    assertTrue(Double.isNaN(t.doubleColumn("precision").getDouble(5)));
    assertEquals(1000, t.doubleColumn("support").getDouble(2));
  }

  @Test
  void baselinesSitBesideTheModel() {
    ClassificationReport r = course();
    Baseline majority = r.baselines().get(0);
    assertEquals("always \"0\" (majority class)", majority.name());
    assertEquals(0.914, majority.metrics().accuracy(), 1e-15);
    assertEquals(0.0, majority.metrics().recall(1), "print(\"0\") has 0 recall");
    Baseline stratified = r.baselines().get(1);
    assertEquals(0.914 * 0.914 + 0.086 * 0.086, stratified.metrics().accuracy(), 1e-15);
    assertEquals(0.086, stratified.metrics().f1(1), 1e-15, "random guessing: P = R = F1 = q");
    Table t = r.baselineTable();
    assertEquals(
        List.of(
            "this model", "always \"0\" (majority class)", "random by class frequency (expected)"),
        t.stringColumn("predictor").asList());
    assertEquals(0.0, t.doubleColumn("recall of 1").getDouble(1));
  }

  @Test
  void rareClassWarningPointsAtPrecisionRecallAndF1() {
    assertEquals(
        List.of(
            "Skewed classes: \"1\" is only 8.6 % of the data, so accuracy barely notices how it"
                + " fares; read its precision, recall and F1"),
        course().warnings());
  }

  @Test
  void printZeroDoesNotBeatTheMajorityBaseline() {
    ClassificationReport r =
        ClassificationReport.of(
            "print0", ClassificationMetricsTest.printZero(), ReportOptions.defaults());
    assertEquals(
        List.of(
            "Accuracy 91.4 % does not beat always \"0\" (majority class) (91.4 %): judge this"
                + " model by per-class precision, recall and F1, not accuracy",
            "Skewed classes: \"1\" is only 8.6 % of the data, so accuracy barely notices how it"
                + " fares; read its precision, recall and F1",
            "Never predicted [1]: their precision is undefined and left out of the macro and"
                + " weighted averages"),
        r.warnings());
    assertEquals("undefined", shown(r).stringColumn("precision").get(1));
  }

  @Test
  void bootstrapIsReproducibleFromItsSeed() {
    ReportOptions o = ReportOptions.defaults();
    ConfusionMatrix cm = ClassificationMetricsTest.course();
    ClassificationReport a = ClassificationReport.of("a", cm, o);
    ClassificationReport b = ClassificationReport.of("b", cm, o);
    ClassificationReport c = ClassificationReport.of("c", cm, o.withSeed(7));
    assertEquals(a.bootstrap(), b.bootstrap());
    assertNotEquals(a.f1Interval(1), c.f1Interval(1));
    Interval f1 = a.f1Interval(1);
    assertTrue(f1.lower() < 136.0 / 163 && 136.0 / 163 < f1.upper(), f1.toString());
    // The F1 interval is near the delta-method width: sd ~ 0.03, so 95 % ~ +/- 0.06.
    assertTrue(f1.upper() - f1.lower() > 0.08 && f1.upper() - f1.lower() < 0.16, f1.toString());
  }

  @Test
  void percentileUsesLinearInterpolation() {
    double[] values = {1, 2, 3, 4, 5, Double.NaN};
    Interval i = Bootstrap.percentile(values, 3, 0.5);
    assertEquals(2.0, i.lower(), 1e-15);
    assertEquals(4.0, i.upper(), 1e-15);
    assertTrue(
        Bootstrap.percentile(new double[] {Double.NaN, Double.NaN, 1}, 1, 0.9).isUndefined());
  }

  @Test
  void resamplesZeroTurnsBootstrapOff() {
    ClassificationReport r =
        ClassificationReport.of(
            "x", ClassificationMetricsTest.course(), ReportOptions.defaults().withResamples(0));
    assertTrue(r.bootstrap().isEmpty());
    assertEquals("83.4 %", shown(r).stringColumn("F1").get(1));
  }

  /** Returns the report's first table as a reader sees it. */
  private static Table shown(ClassificationReport r) {
    return HtmlTable.shown(r.present().sections().get(0));
  }
}
