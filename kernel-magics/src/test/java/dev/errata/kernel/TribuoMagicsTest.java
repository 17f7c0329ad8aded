package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import dev.errata.metrics.PredictionsSummary;
import dev.errata.slices.SliceReport;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.Table;

/** {@code %predictions VAR} and every magic taking predictions read Tribuo predictions. */
class TribuoMagicsTest {

  final FakeNotebook notebook = new FakeNotebook();
  final Magics magics = new Magics();

  TribuoMagicsTest() {
    new ErrataMagics(notebook).registerInto(magics);
  }

  private static Prediction<Label> made(String actual, String predicted, double x) {
    ArrayExample<Label> e =
        new ArrayExample<>(new Label(actual), new String[] {"x"}, new double[] {x});
    e.setMetadataValue("island", x > 1 ? "Biscoe" : "Dream");
    return new Prediction<>(new Label(predicted), 1, e);
  }

  @Test
  void aVariableHoldingTribuoPredictionsIsReadWithItsMetadataAndChosenFeatures() throws Exception {
    notebook.with(
        "preds",
        List.of(made("male", "male", 1), made("male", "female", 2), made("female", "female", 3)));

    Predictions p =
        magics.applyLineMagic(
            "predictions", List.of("preds", "--positive", "male", "--features", "x"));

    assertEquals(3, p.size());
    assertEquals("preds", p.source());
    assertEquals("male", p.roles().positive().orElseThrow());
    assertEquals(List.of("id", "actual", "predicted", "island", "x"), p.columnNames());
    assertEquals(
        2.0 / 3, ((PredictionsSummary) notebook.displayed.get(0)).majorityAccuracy(), 1e-15);
  }

  @Test
  void everyMagicThatTakesPredictionsTakesTribuoPredictionsToo() throws Exception {
    // Dream: 1 of 2 right (x = 1 right, x = 0.5 wrong); Biscoe: 2 of 2 right.
    notebook.with(
        "preds",
        List.of(
            made("male", "male", 1),
            made("male", "female", 0.5),
            made("female", "female", 2),
            made("male", "male", 3)));

    SliceReport bySlice =
        magics.applyLineMagic(
            "slices", List.of("preds", "--by", "island", "--metrics", "accuracy"));
    SanityReport sanity = magics.applyLineMagic("sanity", List.of("preds"));

    Table t = bySlice.toTable();
    assertEquals(List.of("(all)", "Biscoe", "Dream"), t.stringColumn(0).asList());
    assertEquals(3, sanity.correct(), 0.0);
    assertEquals(4, sanity.examples(), 0.0);
    assertFalse(sanity.passed());
  }

  @Test
  void aNameThatIsNoVariableIsStillReadAsAFile() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("predictions", List.of("preds")));
    assertTrue(
        error.getMessage().startsWith("%predictions: --actual COL is required"), error.getMessage());
  }

  @Test
  void featuresOfAFileAreRefused() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("predictions", List.of("p.csv", "--features", "x")));
    assertEquals(
        "%predictions: --features picks features of Tribuo predictions; \"p.csv\" is no notebook"
            + " variable holding them, and a file keeps all its columns",
        error.getMessage());
  }
}
