package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.audit.AuditResult;
import dev.errata.compare.AugmentationCheck;
import dev.errata.compare.Checklist;
import dev.errata.compare.ModelComparison;
import dev.errata.examples.SpeechData;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.slices.DiscoveryReport;
import dev.errata.metrics.Metric;
import dev.errata.slices.SliceReport;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.errata.render.chart.Chart;
import java.util.List;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceMagicsTest {

  @TempDir Path dir;
  final FakeNotebook notebook = new FakeNotebook();
  final Magics magics = new Magics();

  @BeforeEach
  void speech() {
    new ErrataMagics(notebook).registerInto(magics);
    List<Path> files = SpeechData.write(dir, 7);
    notebook.variables.put("v1", read(files.get(0), "transcript", true));
    notebook.variables.put("v2", read(files.get(0), "transcript_v2", true));
    notebook.variables.put("aug", read(files.get(2), "transcript_v2", false));
  }

  private static Predictions read(Path file, String predicted, boolean id) {
    PredictionsReader r = PredictionsReader.csv(file).actual("utterance").predicted(predicted);
    return id ? r.id("id").load() : r.load();
  }

  @Test
  void slicesShowsAndReturnsTheReport() throws Exception {
    SliceReport r =
        magics.applyLineMagic(
            "slices", List.of("v1", "--by", "accent,device", "--min-support", "200"));
    Chart chart = (Chart) notebook.displayed.get(0);
    assertEquals("accuracy by accent × device", chart.title());
    assertSame(r, notebook.displayed.get(1));
    assertEquals(List.of("accent", "device"), r.columns());
    assertEquals(200, r.minSupport());
    assertEquals(15, r.slices().size());
    // scottish × web is worst (0.72) but has 149 < 200 examples, so it is left out of the gaps.
    assertTrue(r.isSmall(r.slice("scottish", "web").orElseThrow()));
    assertEquals("accent = scottish, device = iphone", r.disparities().get(0).worst());
  }

  @Test
  void slicesTakesMetricsAndAClass() throws Exception {
    SliceReport r =
        magics.applyLineMagic(
            "slices",
            List.of("v1", "--by", "category", "--metrics", "accuracy,recall", "--class", "reddit"));
    assertEquals(List.of(Metric.accuracy(), Metric.of(Metric.Kind.RECALL, "reddit")), r.metrics());
  }

  @Test
  void slicesWithoutBySaysItIsRequired() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> magics.applyLineMagic("slices", List.of("v1")));
    assertEquals(
        "%slices: --by COL,COL is required: the columns whose values (or value combinations) are"
            + " the slices",
        e.getMessage());
  }

  @Test
  void auditCellChecksTheRulesInItsBody() throws Exception {
    AuditResult r =
        magics.applyCellMagic(
            "audit",
            List.of("v1"),
            "accuracy >= 0.9\n"
                + "recall >= 0.85 for every accent with n >= 50\n"
                + "watch words gun, gang\n");
    assertSame(r, notebook.displayed.get(0));
    assertEquals(3, r.rules().rules().size());
    assertEquals(2, r.failedRules().size());
    assertEquals(
        "accent = scottish",
        r.checksOf(r.failedRules().get(0)).stream()
            .filter(c -> !c.ok())
            .findFirst()
            .orElseThrow()
            .subject());
  }

  @Test
  void auditCellWithoutRulesSaysSoAndShowsTheRuleForm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyCellMagic("audit", List.of("v1"), "\n  \n"));
    assertEquals(
        "%%audit: the cell has no rules; write one rule per line below \"%%audit v1\", e.g."
            + " \"accuracy >= 0.9\", \"recall >= 0.90 for every accent with n >= 50\","
            + " \"accuracy gap across gender <= 0.03\", \"watch words gun, gang\"",
        e.getMessage());
  }

  @Test
  void auditLineWithoutRulesSaysWhereRulesGo() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> magics.applyLineMagic("audit", List.of("v1")));
    assertEquals(
        "%audit: --rules FILE is required: the rules file, one per line: METRIC >= X [for every"
            + " COL[, COL] | for COL = VALUE] [with n >= N]; METRIC gap across COL <= X; watch"
            + " words W, \"any text\" [at most N]. METRIC: a name of the metric vocabulary (see"
            + " %slices): accuracy, error rate, macro f1, or precision, recall, f1, false positive"
            + " rate, false negative rate [of CLASS]; or write the rules in a %%audit cell instead",
        e.getMessage());
  }

  @Test
  void auditCellErrorsPointAtTheRule() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyCellMagic(
                    "audit", List.of("v1"), "accuracy >= 0.9\nrecall >= 0.9 for every acent\n"));
    assertTrue(
        e.getMessage().startsWith("Line 2 of audit cell, column 25: unknown column \"acent\""),
        e.getMessage());
  }

  @Test
  void auditLineReadsRulesFromAFile() throws Exception {
    Path rules = dir.resolve("gate.txt");
    Files.writeString(rules, "accuracy >= 0.9\n");
    AuditResult r = magics.applyLineMagic("audit", List.of("v1", "--rules", rules.toString()));
    assertTrue(r.passed());
    assertEquals(rules.toString(), r.rules().source());
  }

  @Test
  void compareJoinsTwoRunsAndSlices() throws Exception {
    ModelComparison c = magics.applyLineMagic("compare", List.of("v1", "v2", "--by", "category"));
    assertSame(c, notebook.displayed.get(0));
    assertEquals(4, c.slices().size());
    assertEquals(10_000, c.overall().n());
  }

  @Test
  void compareByTagsGivesOneRowPerTagAndExpression() throws Exception {
    ModelComparison c =
        magics.applyLineMagic(
            "compare",
            List.of("v1", "v2", "--tags", "people_noise,low_bandwidth", "--expr", "!low_bandwidth"));
    assertEquals(
        List.of("people_noise", "low_bandwidth", "!low_bandwidth"),
        c.slices().stream().map(d -> d.values().get(0)).toList());
    assertEquals(3000, c.slices().get(0).n());
    assertEquals(0.03, c.slices().get(0).delta(dev.errata.metrics.Metric.accuracy()), 1e-12);
    assertEquals(9400, c.slices().get(2).n());
  }

  @Test
  void augcheckComparesAugmentedExamplesWithTheirOriginals() throws Exception {
    AugmentationCheck a =
        magics.applyLineMagic("augcheck", List.of("v2", "aug", "--origin", "origin_id"));
    assertEquals(300, a.matched());
    assertEquals(0.14, a.augmentedErrors().value(), 1e-12);
    assertEquals(Checklist.Answer.YES, a.checklist().modelPoor());
  }

  @Test
  void augcheckAnswersTheFirstTwoChecklistQuestionsFromTheMagic() throws Exception {
    AugmentationCheck a =
        magics.applyLineMagic(
            "augcheck",
            List.of(
                "v2", "aug", "--origin", "origin_id", "--realistic", "yes", "--clear", "no",
                "--notes", "cafe noise at -5 dB"));
    assertEquals(Checklist.Answer.YES, a.checklist().realistic());
    assertEquals(Checklist.Answer.NO, a.checklist().mappingClear());
    assertEquals(Checklist.Answer.YES, a.checklist().modelPoor(), "from the error rates");
    assertEquals("cafe noise at -5 dB", a.checklist().notes());
    assertFalse(a.checklist().passes(), "x → y is not clear");
    Table list = a.checklistTable();
    assertEquals(List.of("yes", "no", "yes"), list.stringColumn("answer").asList());
    AugmentationCheck passing =
        magics.applyLineMagic(
            "augcheck",
            List.of("v2", "aug", "--origin", "origin_id", "--realistic", "YES", "--clear", "yes"));
    assertTrue(passing.checklist().passes());
    assertEquals(
        "%augcheck: --clear takes yes, no or unsure, got \"maybe\"",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    magics.applyLineMagic(
                        "augcheck",
                        List.of("v2", "aug", "--origin", "origin_id", "--clear", "maybe")))
            .getMessage());
  }

  @Test
  void discoverFindsTheWorstSlices() throws Exception {
    DiscoveryReport d =
        magics.applyLineMagic(
            "discover",
            List.of(
                "v1",
                "--columns",
                "category,accent,device",
                "--max-predicates",
                "2",
                "--alpha",
                "0.99",
                "--top",
                "3"));
    assertSame(d, notebook.displayed.get(0));
    assertEquals(3, d.slices().size());
    assertEquals("category = low_bandwidth ∧ accent = scottish", d.slices().get(0).describe());
  }

  @Test
  void discoverRejectsANonNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("discover", List.of("v1", "--top", "ten")));
    assertEquals("%discover: --top takes a whole number, got \"ten\"", e.getMessage());
  }

  @Test
  void helpListsTheNewMagics() throws Exception {
    var t = new ErrataMagics(notebook).helpTable().toTable();
    assertTrue(
        t.stringColumn("magic")
            .asList()
            .containsAll(
                List.of("%slices", "%%audit", "%audit", "%compare", "%augcheck", "%discover")));
  }

  @Test
  void resultsRenderAsHtmlWithTinyPValuesNeverShownAsZero() throws Exception {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    SliceReport r = magics.applyLineMagic("slices", List.of("v1", "--by", "accent"));
    DisplayData data = renderer.render(r);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertTrue(html.contains("&lt;\u00a00.0001"), html);
    assertTrue(html.contains("Disparities by accent"), html);
    assertTrue(text.startsWith("Metrics by accent ("), text);
    AuditResult audit = magics.applyCellMagic("audit", List.of("v1"), "watch words gun\n");
    String auditHtml = (String) renderer.render(audit).getData(MIMEType.TEXT_HTML);
    assertTrue(auditHtml.contains("Failing examples"), auditHtml);
    assertFalse(auditHtml.contains("<script"));
  }
}
