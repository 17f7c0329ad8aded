package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.agreement.AgreementReport;
import dev.errata.course.MilestoneReport;
import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CourseMagicsTest {

  private final FakeNotebook notebook = new FakeNotebook();
  private final CourseMagics magics = new CourseMagics(notebook);

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
    Table table = (Table) notebook.displayed.get(0);
    assertTrue(table.name().startsWith("Cohen's kappa 0.333 ["), table.name());
    assertEquals("ann_a (rows) vs ann_b (columns)", ((Table) notebook.displayed.get(1)).name());
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
  void milestonesAndSanityShowTheirFlags() throws Exception {
    notebook.with("p", six());
    MilestoneReport m =
        magics.milestones(List.of("p", "--split", "split", "--business", "accuracy>=0.9"));
    assertEquals(1.0, m.row("train").accuracy());
    assertEquals(0.0, m.row("test").accuracy());
    assertEquals(
        "Flag: misses the business target: accuracy on test is 0.0000, target accuracy >= 0.9",
        notebook.displayed.get(notebook.displayed.size() - 1));
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
        notebook.displayed);
  }

  @Test
  void errataWithANameShowsThatMagicsLineOnly() throws Exception {
    ErrataMagics core = new ErrataMagics(notebook);
    io.github.spencerpark.jupyter.kernel.magic.registry.Magics registry =
        new io.github.spencerpark.jupyter.kernel.magic.registry.Magics();
    core.registerInto(registry);
    Table one = registry.applyLineMagic("errata", List.of("agreement"));
    assertEquals(List.of("%agreement"), one.stringColumn("magic").asList());
    assertEquals(
        "%errata: no magic \"%kappa\"; magics are ",
        assertThrows(
                IllegalArgumentException.class,
                () -> registry.applyLineMagic("errata", List.of("kappa")))
            .getMessage()
            .replaceFirst("\\[.*", ""));
  }

  @Test
  void everyCourseMagicHasOneLineOfHelpWithAnExample() {
    Table help = new ErrataMagics(notebook).helpTable();
    for (String magic : List.of("%agreement", "%milestones", "%sanity")) {
      int row = help.stringColumn("magic").indexOf(magic);
      assertTrue(row >= 0, magic + " is missing from %errata");
      assertTrue(help.stringColumn("what it does").get(row).contains("E.g. " + magic), magic);
    }
  }
}
