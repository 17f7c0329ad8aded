package dev.errata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.metrics.Metric;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditRulesTest {

  private static Rule only(String text) {
    List<Rule> rules = AuditRules.parse(text).rules();
    assertEquals(1, rules.size());
    return rules.get(0);
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> AuditRules.parse(text)).getMessage();
  }

  @Test
  void readsAPerSliceThresholdWithMinimumSupport() {
    Rule.MetricRule r = (Rule.MetricRule) only("recall >= 0.90 for every accent with n >= 50");
    assertEquals(Metric.Kind.RECALL, Metric.parse(r.metric(), Optional.empty()).kind());
    assertEquals(Optional.empty(), r.className());
    assertEquals(Comparison.AT_LEAST, r.comparison());
    assertEquals(0.90, r.threshold());
    assertEquals(List.of(new Name("accent", 25)), r.forEvery());
    assertEquals(50, r.minSupport());
  }

  @Test
  void readsAGapAcrossAColumn() {
    Rule.GapRule r = (Rule.GapRule) only("accuracy gap across gender <= 0.03");
    assertEquals(Metric.Kind.ACCURACY, Metric.parse(r.metric(), Optional.empty()).kind());
    assertEquals(List.of(new Name("gender", 20)), r.across());
    assertEquals(Comparison.AT_MOST, r.comparison());
    assertEquals(0.03, r.threshold());
  }

  @Test
  void readsAClassQuotedNamesPercentagesAndIntersections() {
    Rule.MetricRule hernia = (Rule.MetricRule) only("recall of class hernia >= 0.85");
    assertEquals(Optional.of(new Name("hernia", 16)), hernia.className());
    Rule.MetricRule pit =
        (Rule.MetricRule)
            only("Precision of \"pit mark\" > 85 % for each accent and gender × device");
    assertEquals("pit mark", pit.className().orElseThrow().text());
    assertEquals(Comparison.ABOVE, pit.comparison());
    assertEquals(0.85, pit.threshold(), 1e-15);
    assertEquals(
        List.of("accent", "gender", "device"), pit.forEvery().stream().map(Name::text).toList());
    Rule.MetricRule error = (Rule.MetricRule) only("error rate ≤ 0.1");
    assertEquals(Metric.Kind.ERROR_RATE, Metric.parse(error.metric(), Optional.empty()).kind());
  }

  @Test
  void readsWatchWordsWithAnOptionalAllowance() {
    Rule.WatchRule r = (Rule.WatchRule) only("watch words gun, gang");
    assertEquals(List.of("gun", "gang"), r.words());
    assertEquals(0, r.atMost());
    Rule.WatchRule allowed = (Rule.WatchRule) only("watch words 'son of a gun' at most 2");
    assertEquals(List.of("son of a gun"), allowed.words());
    assertEquals(2, allowed.atMost());
  }

  @Test
  void skipsBlankLinesAndCommentsAndKeepsLineNumbers() {
    AuditRules rules =
        AuditRules.parse("# launch gate\n\naccuracy >= 0.9   # overall\nwatch words gun\n");
    assertEquals(2, rules.rules().size());
    assertEquals(3, rules.rules().get(0).line().number());
    assertEquals("accuracy >= 0.9", rules.rules().get(0).line().rule());
  }

  @Test
  void aMisspelledComparisonIsShownWithACaret() {
    assertEquals(
        "Line 1 of rules, column 8: unknown comparison \"=>\"; use >=, <=, > or <\n"
            + "  recall => 0.9\n"
            + "         ^",
        error("recall => 0.9"));
  }

  @Test
  void anUnknownMetricListsTheMetrics() {
    assertEquals(
        "Line 2 of rules, column 1: expected a metric (accuracy, error rate, balanced accuracy,"
            + " matthews, kappa, precision, recall, f1, false positive rate, false negative rate;"
            + " per class: \"of CLASS\" or \"macro\", \"weighted\", \"micro\" before it) or"
            + " \"watch words\", found \"recal\"\n"
            + "  recal >= 0.9\n"
            + "  ^",
        error("accuracy >= 0.5\nrecal >= 0.9"));
  }

  @Test
  void aMissingComparisonNamesTheMetric() {
    assertEquals(
        "Line 1 of rules, column 12: expected a comparison (>=, <=, > or <) after \"error rate\","
            + " found \"0.1\"\n"
            + "  error rate 0.1\n"
            + "             ^",
        error("error rate 0.1"));
  }

  @Test
  void aRuleThatStopsShortPointsPastItsEnd() {
    assertEquals(
        "Line 1 of rules, column 13: expected a number, found the end of the rule\n"
            + "  accuracy >=\n"
            + "              ^",
        error("accuracy >="));
  }

  @Test
  void aThresholdAboveOneSuggestsAProportionOrAPercentage() {
    assertEquals(
        "Line 1 of rules, column 13: threshold 90 is outside [0, 1]; write a proportion such as 0.90"
            + " or a percentage such as 90 %\n"
            + "  accuracy >= 90\n"
            + "              ^",
        error("accuracy >= 90"));
  }

  @Test
  void otherSyntaxErrorsSayWhatWasExpected() {
    assertEquals(
        "Line 1 of rules, column 21: expected \"every\", \"each\" or COLUMN = VALUE after \"for\","
            + " found \"all\"\n"
            + "  accuracy >= 0.9 for all accents\n"
            + "                      ^",
        error("accuracy >= 0.9 for all accents"));
    assertEquals(
        "Line 1 of rules, column 10: accuracy is not per class; use precision, recall, f1 or the false"
            + " positive or negative rate of a class\n"
            + "  accuracy of class a >= 0.9\n"
            + "           ^",
        error("accuracy of class a >= 0.9"));
    assertEquals(
        "Line 1 of rules, column 17: unexpected \"please\" after the rule\n"
            + "  accuracy >= 0.9 please\n"
            + "                  ^",
        error("accuracy >= 0.9 please"));
    assertEquals(
        "Line 1 of rules, column 11: the quote \" is never closed\n"
            + "  recall of \"pit mark >= 0.9\n"
            + "            ^",
        error("recall of \"pit mark >= 0.9"));
  }

  @Test
  void noRulesAtAllIsAnError() {
    assertEquals(
        "No rules in rules; write one per line, e.g. \"accuracy >= 0.9\", \"recall >= 0.90 for"
            + " every accent with n >= 50\", \"accuracy gap across gender <= 0.03\", \"watch words"
            + " gun, gang\"",
        error("# nothing yet\n"));
  }
}
