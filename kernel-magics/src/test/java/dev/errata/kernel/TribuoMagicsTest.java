package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.PredictionsSummary;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** {@code %predictions VAR} reads a variable holding Tribuo predictions. */
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
  void aNameThatIsNoVariableIsStillReadAsAFile() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.applyLineMagic("predictions", List.of("preds")));
    assertTrue(
        error.getMessage().startsWith("%predictions: --actual is required"), error.getMessage());
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
