package dev.errata.kernel;

import dev.errata.Errata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ErrataMagicsTest {

  @TempDir Path dir;
  final FakeNotebook notebook = new FakeNotebook();
  final Magics magics = new Magics();

  ErrataMagicsTest() {
    new ErrataMagics(notebook).registerInto(magics);
  }

  private Path csv() throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "id,y,yhat\n1,cat,cat\n2,cat,dog\n3,dog,dog\n4,cat,cat\n");
    return f;
  }

  @Test
  void predictionsMagicDisplaysTheSummaryAndReturnsThePredictions() throws Exception {
    Predictions p =
        magics.applyLineMagic(
            "predictions", List.of(csv().toString(), "--actual", "y", "--predicted", "yhat"));
    assertEquals(4, p.size());
    PredictionsSummary summary = (PredictionsSummary) notebook.displayed.get(0);
    assertEquals(0.75, summary.majorityAccuracy());
    assertEquals("cat", summary.labels().name(summary.majorityClass()));
  }

  @Test
  void predictionsMagicReadsATableVariableAndRefusesAnythingElse() throws Exception {
    tech.tablesaw.api.Table t =
        tech.tablesaw.api.Table.create(
            "preds",
            tech.tablesaw.api.StringColumn.create("y", "cat", "dog", "cat"),
            tech.tablesaw.api.StringColumn.create("yhat", "cat", "cat", "cat"));
    notebook.variables.put("preds", t);
    Predictions p =
        magics.applyLineMagic("predictions", List.of("preds", "--actual", "y", "--predicted", "yhat"));
    assertEquals(3, p.size());
    assertEquals("preds", p.source());
    assertEquals(2.0, Errata.confusion(p).correct());
    notebook.variables.put("n", 42);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions", List.of("n", "--actual", "y", "--predicted", "yhat")));
    assertEquals(
        "%predictions: \"n\" is a Integer, expected a Tablesaw Table, a Spark Dataset<Row>, or a file path (CSV, TSV,"
            + " Parquet, JSON Lines) that exists",
        e.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions", List.of("nosuch", "--actual", "y", "--predicted", "yhat")));
    assertEquals(
        "%predictions: no variable \"nosuch\" in the notebook; expected a Tablesaw Table, a"
            + " Spark Dataset<Row>, or a file path (CSV, TSV, Parquet, JSON Lines) that exists",
        missing.getMessage());
  }

  @Test
  void confusionMagicLooksUpTheVariableDisplaysAndReturnsTheMatrix() throws Exception {
    Predictions p =
        magics.applyLineMagic(
            "predictions", List.of(csv().toString(), "--actual", "y", "--predicted", "yhat"));
    notebook.variables.put("p", p);
    ConfusionMatrix cm = magics.applyLineMagic("confusion", List.of("p"));
    assertEquals(2, cm.count(0, 0));
    assertEquals(1, cm.count(0, 1));
    assertEquals(1, cm.count(1, 1));
    assertSame(cm, notebook.displayed.get(1));
  }

  @Test
  void confusionOfSomethingElseSaysWhatItFound() {
    notebook.variables.put("x", "hello");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> magics.applyLineMagic("confusion", List.of("x")));
    assertEquals(
        "%confusion: \"x\" is a String, expected predictions (from %predictions or"
            + " Errata.read(...).load())",
        e.getMessage());
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions", List.of("p.csv", "--actual", "y", "--predicted", "z", "--x", "1")));
    assertEquals(
        "%predictions: unknown option --x; options are [--actual, --drop-missing, --features,"
            + " --id, --max-classes, --merge-numbers, --na, --no-cache, --positive, --predicted,"
            + " --probabilities, --score, --sep, --weight]",
        e.getMessage());
  }

  @Test
  void confusionOfAnUnknownVariableSaysSoAndWhatItTakes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("confusion", List.of("nosuchvar")));
    assertEquals(
        "%confusion: no variable \"nosuchvar\" in the notebook; expected predictions (from"
            + " %predictions or Errata.read(...).load())",
        e.getMessage());
  }

  @Test
  void anExpressionThatDoesNotCompileQuotesTheCompiler() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("confusion", List.of("p.filter(")));
    assertEquals(
        "%confusion: \"p.filter(\" is no variable and does not compile (cannot find symbol:"
            + " variable p.filter(); expected predictions (from %predictions or"
            + " Errata.read(...).load())",
        e.getMessage());
  }

  @Test
  void tooManyClassesAreRefusedNamingTheColumnAndTheLikelyMistake() throws IOException {
    StringBuilder rows = new StringBuilder("id,y,yhat\n");
    for (int i = 1; i <= 12; i++) {
      rows.append("r").append(i).append(",cat,dog\n");
    }
    Path f = Files.writeString(dir.resolve("ids.csv"), rows);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions",
                    List.of(
                        f.toString(), "--actual", "id", "--predicted", "yhat", "--max-classes",
                        "10")));
    assertEquals(
        "%predictions: "
            + f
            + ": column \"id\" (actual label) has 12 distinct labels in 12 rows (\"r1\", \"r10\","
            + " \"r11\", …), more than the limit of 10 classes; every row has its own label, so it"
            + " looks like an id column, not the label. Name the label column, or raise the class"
            + " limit if these really are 12 classes (one 12×12 count matrix takes 1 kB); to allow"
            + " them: maxClasses(12) (magic: --max-classes 12)",
        e.getMessage());
  }

  @Test
  void maxClassesAboveWhatOneArrayHoldsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions",
                    List.of(
                        "p.csv", "--actual", "y", "--predicted", "z", "--max-classes", "50000")));
    assertEquals(
        "%predictions: --max-classes takes a whole number from 1 to 46,340 (k×k counts must fit"
            + " one array), got \"50000\"",
        e.getMessage());
  }

  @Test
  void aMagicFailingWithoutAMessageIsNamedAndReportable() {
    new GuardedMagics(magics).registerLineMagic(
        "broken",
        args -> {
          throw new NullPointerException();
        });
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> magics.applyLineMagic("broken", List.of()));
    assertEquals(
        "%broken failed: NullPointerException with no message at "
            + e.getCause().getStackTrace()[0]
            + "; this is a bug in Errata, please report it with the stack trace",
        e.getMessage());
  }

  @Test
  void anErrorErrataWordedItselfPassesThroughTheSafetyNet() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("predictions", List.of("p.csv", "--actual", "y")));
    assertEquals(
        "%predictions: --predicted COL is required: the column of predicted labels (required but"
            + " for Tribuo predictions)",
        e.getMessage());
  }

  @Test
  void separatorOfMoreThanOneCharacterSaysWhatItTakes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.applyLineMagic(
                    "predictions", List.of("p.csv", "--actual", "y", "--predicted", "z", "--sep", ";;")));
    assertEquals("%predictions: --sep takes one character (or \\t or tab), got \";;\"", e.getMessage());
  }

  @Test
  void missingRequiredOptionIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("predictions", List.of("p.csv", "--actual", "y")));
    assertEquals(
        "%predictions: --predicted COL is required: the column of predicted labels (required but"
            + " for Tribuo predictions)",
        e.getMessage());
  }

  @Test
  void errataListsEveryMagicWithUsage() throws Exception {
    Help help = magics.applyLineMagic("errata", List.of());
    Table t = help.toTable();
    assertEquals(List.of("magic", "usage", "what it does"), t.columnNames());
    assertEquals(true, t.stringColumn("magic").asList().containsAll(List.of("%predictions", "%confusion", "%errata")));
    assertEquals(
        "%confusion PREDICTIONS [--normalize true|pred|all] [--no-chart]",
        t.stringColumn("usage").get(t.stringColumn("magic").indexOf("%confusion")));
    assertSame(help, notebook.displayed.get(0));
  }
}
