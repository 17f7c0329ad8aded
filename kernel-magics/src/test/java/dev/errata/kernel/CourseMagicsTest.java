package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.agreement.AgreementReport;
import dev.errata.course.DataCheckReport;
import dev.errata.course.MilestoneReport;
import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.log.ExperimentLog;
import dev.errata.log.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CourseMagicsTest {

  private final FakeNotebook notebook = new FakeNotebook();
  private final Path logFile =
      Path.of("target", "course-magics", "runs-" + System.nanoTime() + ".db");
  private ExperimentLog log;
  private final CourseMagics magics = new CourseMagics(notebook, this::log);

  private ExperimentLog log() {
    if (log == null) {
      try {
        Files.createDirectories(logFile.getParent());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      log = ExperimentLog.open(logFile);
    }
    return log;
  }

  @AfterEach
  void closeLog() {
    if (log != null) {
      log.close();
    }
  }

  /** Six examples; the annotators disagree on ids 3 and 6; split 4 train, 2 test. */
  private static Predictions six() {
    Table t =
        Table.create(
            "six",
            StringColumn.create("id", "1", "2", "3", "4", "5", "6"),
            StringColumn.create("label", "a", "a", "b", "b", "a", "b"),
            StringColumn.create("pred", "a", "a", "b", "b", "b", "a"),
            StringColumn.create("ann_a", "a", "a", "b", "b", "a", "b"),
            StringColumn.create("ann_b", "a", "a", "a", "b", "a", "a"),
            StringColumn.create("split", "train", "train", "train", "train", "test", "test"));
    return PredictionsReader.fromTable(t).actual("label").predicted("pred").id("id").load();
  }

  @Test
  void agreementShowsKappaTheMatrixAndWritesTheDisagreements() throws Exception {
    notebook.with("p", six());
    Path dir = Files.createDirectories(Path.of("target", "course-magics"));
    Path sheet = dir.resolve("relabel.csv");
    Files.deleteIfExists(sheet);
    AgreementReport r =
        magics.agreement(List.of("p", "--annotators", "ann_a,ann_b", "--to", sheet.toString()));
    // ann_a rows × ann_b columns: a→a 3, b→a 2, b→b 1; p_o = 4/6, p_e = (3·5 + 3·1) / 36 = 0.5.
    assertEquals((4.0 / 6 - 0.5) / 0.5, r.overall().kappa(), 1e-12);
    Table table = ((AgreementReport) notebook.displayed.get(0)).present().sections().get(0).table();
    assertTrue(table.name().startsWith("Cohen's kappa 0.333 ["), table.name());
    assertEquals(
        "ann_a (rows) vs ann_b (columns)",
        ((AgreementReport) notebook.displayed.get(0)).present().sections().get(1).table().name());
    assertEquals(
        "id,ann_a,ann_b,label,pred,relabel\r\n3,b,a,b,b,\r\n6,b,a,b,a,\r\n",
        Files.readString(sheet));
    assertEquals(
        "%agreement: Agreement needs two or more distinct annotator columns, got [ann_a];"
            + " columns are [id, label, pred, ann_a, ann_b, split]",
        assertThrows(
                IllegalArgumentException.class,
                () -> magics.agreement(List.of("p", "--annotators", "ann_a")))
            .getMessage());
  }

  @Test
  void aRelabelledSheetFeedsLabelsAndTagsBack() throws Exception {
    notebook.with("p", six());
    Path dir = Files.createDirectories(Path.of("target", "course-magics"));
    Path sheet = dir.resolve("relabel-back-" + System.nanoTime() + ".csv");
    magics.agreement(List.of("p", "--annotators", "ann_a,ann_b", "--to", sheet.toString()));
    // In the spreadsheet: example 6 is relabelled "a", example 3 is tagged "blurry".
    Files.writeString(
        sheet, "id,ann_a,ann_b,label,pred,relabel,blurry\r\n3,b,a,b,b,,x\r\n6,b,a,b,a,a,\r\n");
    notebook.displayed.clear();
    Predictions fixed = magics.relabel(List.of("p", "--sheet", sheet.toString()));
    assertEquals("a", fixed.labels().name(fixed.actual(5)));
    Table changes = ((dev.errata.agreement.Relabelling) notebook.displayed.get(0)).toTable();
    assertEquals(List.of("6"), changes.stringColumn("id").asList());
    assertEquals(List.of("b"), changes.stringColumn("actual before").asList());
    assertEquals(List.of("a"), changes.stringColumn("relabelled").asList());
    // Example 6 (b predicted a) was an error; relabelled "a" it is right: 5 of 6.
    MilestoneReport m = magics.milestones(List.of("p", "--split", "split"));
    notebook.with("fixed", fixed);
    MilestoneReport after = magics.milestones(List.of("fixed", "--split", "split"));
    assertEquals(0.0, m.row("test").accuracy());
    assertEquals(0.5, after.row("test").accuracy());
    dev.errata.tags.TagReport tags =
        new TagMagics(notebook).tags(List.of("fixed", "--sheet", sheet.toString()));
    assertEquals(1, tags.row("blurry").examples());
    assertEquals(
        "%relabel: No column \"relabel\" (the corrected label) in six.csv; columns are [id]",
        assertThrows(
                IllegalArgumentException.class,
                () -> {
                  Files.writeString(dir.resolve("six.csv"), "id\n1\n");
                  magics.relabel(List.of("p", "--sheet", dir.resolve("six.csv").toString()));
                })
            .getMessage());
  }

  @Test
  void milestonesAndSanityShowTheirFlags() throws Exception {
    notebook.with("p", six());
    MilestoneReport m =
        magics.milestones(List.of("p", "--split", "split", "--business", "accuracy>=0.9"));
    assertEquals(1.0, m.row("train").accuracy());
    assertEquals(0.0, m.row("test").accuracy());
    assertEquals(
        "Flag: misses the business target: accuracy on test is 0.0000, target accuracy >= 0.9",
        notebook.lines().get(notebook.lines().size() - 1));
    notebook.displayed.clear();
    SanityReport s = magics.sanity(List.of("p", "--expect", "0.99"));
    assertEquals(4.0 / 6, s.accuracy(), 1e-15);
    assertEquals(
        List.of(
            "Sanity check (overfit a small set): FAIL, 4 of 6 correct (66.7 %, expected ≥ 99.0 %)",
            "Failed: accuracy 66.7 % on 6 training examples is below the expected 99.0 %: the"
                + " model cannot fit even a tiny set (check the labels, the loss, the input"
                + " pipeline)",
            "Failed: misclassified: id 5 actual \"a\" predicted \"b\"; id 6 actual \"b\""
                + " predicted \"a\""),
        notebook.lines());
  }

  @Test
  void errataWithANameShowsThatMagicsFullHelp() throws Exception {
    ErrataMagics core = new ErrataMagics(notebook);
    io.github.spencerpark.jupyter.kernel.magic.registry.Magics registry =
        new io.github.spencerpark.jupyter.kernel.magic.registry.Magics();
    core.registerInto(registry);
    Help one = registry.applyLineMagic("errata", List.of("agreement"));
    List<dev.errata.present.Presentation.Part> parts = one.present().parts();
    assertEquals(
        new dev.errata.present.Presentation.Block("Usage:", CourseMagics.AGREEMENT.usage()),
        parts.get(0));
    assertEquals(
        List.of("P", "--annotators", "--tags", "--level", "--to", "--force"),
        one.toTable().stringColumn("option").asList());
    assertEquals(
        new dev.errata.present.Presentation.Block(
            "Example:", "%agreement p --annotators ann_a,ann_b --to relabel.csv"),
        parts.get(parts.size() - 1));
    assertEquals(
        "%errata: no magic \"kappa\"; magics are ",
        assertThrows(
                IllegalArgumentException.class,
                () -> registry.applyLineMagic("errata", List.of("kappa")))
            .getMessage()
            .replaceFirst("\\[.*", ""));
  }

  /** Ten examples of classes a 4, b 4, c 2 and accents x 5, y 5: the reference. */
  private static Table beforeTable() {
    return Table.create(
        "before",
        StringColumn.create("label", "a", "a", "a", "a", "b", "b", "b", "b", "c", "c"),
        StringColumn.create("pred", "a", "a", "a", "a", "b", "b", "b", "b", "c", "c"),
        StringColumn.create("accent", "x", "x", "x", "x", "x", "y", "y", "y", "y", "y"));
  }

  /** Ten examples of classes a 6, b 3, c 1 and accents x 7, y 3. */
  private static Predictions now() {
    Table t =
        Table.create(
            "now",
            StringColumn.create("label", "a", "a", "a", "a", "a", "a", "b", "b", "b", "c"),
            StringColumn.create("pred", "a", "a", "a", "a", "a", "a", "b", "b", "b", "a"),
            StringColumn.create("accent", "x", "x", "x", "x", "x", "x", "x", "y", "y", "y"));
    return PredictionsReader.fromTable(t).actual("label").predicted("pred").load();
  }

  @Test
  void datacheckMeasuresDriftAgainstAVariableAFileAndALoggedRunAlike() throws Exception {
    Predictions before =
        PredictionsReader.fromTable(beforeTable()).actual("label").predicted("pred").load();
    notebook.with("p", now()).with("before", before);
    Path dir = Files.createDirectories(Path.of("target", "course-magics"));
    Path file = dir.resolve("before.csv");
    beforeTable().write().csv(file.toString());
    RunRecord run = dev.errata.Errata.log(log().start("first"), before).finish();
    // Classes [[6, 3, 1], [4, 4, 2]]: scipy chi2_contingency(correction=False) 0.876190, p
    // 0.645264; accents [[7, 3], [5, 5]]: 0.833333, p 0.361310.
    for (String ref : List.of("before", file.toString(), "run:" + run.id(), "run:first")) {
      notebook.displayed.clear();
      DataCheckReport r =
          magics.datacheck(List.of("p", "--by", "accent", "--min", "2", "--reference", ref));
      assertEquals(0.8761904761904762, r.drift("class").chiSquare(), 1e-12, ref);
      assertEquals(0.6452643261854819, r.drift("class").p(), 1e-12, ref);
      assertEquals(0.3613104285261787, r.drift("accent").p(), 1e-12, ref);
      Table t = ((DataCheckReport) notebook.displayed.get(0)).toTable();
      assertEquals(
          0.20,
          t.doubleColumn("change").get(t.stringColumn("scope").indexOf("accent = x")),
          1e-9);
    }
    assertEquals(
        List.of(
            "Flag: class = c: 1 example, below the minimum of 2",
            "Flag: class = c: too few for a useful interval: up to ±44.5 points on 1 example (±10"
                + " needs 93)"),
        notebook.lines().stream().filter(s -> s.startsWith("Flag: class = c")).toList());
  }

  @Test
  void datacheckErrorsNameTheReferenceAndTheOption() throws Exception {
    notebook.with("p", now());
    assertEquals(
        "%datacheck: --reference \"nowhere.csv\" is no file (looked in "
            + Path.of("nowhere.csv").toAbsolutePath().getParent()
            + "), no variable name and no run:ID",
        assertThrows(
                IllegalArgumentException.class,
                () -> magics.datacheck(List.of("p", "--reference", "nowhere.csv")))
            .getMessage());
    assertEquals(
        "%datacheck: --min takes a whole number, got \"many\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> magics.datacheck(List.of("p", "--min", "many")))
            .getMessage());
    RunRecord bare = log().start("bare").finish();
    assertEquals(
        "%datacheck: run "
            + bare.id()
            + " (\"bare\") logged no \"confusion\" table, so it holds no class counts; tables"
            + " are []. Log predictions on a run with Errata.log(run, p) (in a %%experiment cell:"
            + " Errata.log(currentRun(), p))",
        assertThrows(
                IllegalArgumentException.class,
                () -> magics.datacheck(List.of("p", "--reference", "run:bare")))
            .getMessage());
  }
}
