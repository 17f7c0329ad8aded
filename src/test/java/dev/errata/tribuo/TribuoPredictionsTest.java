package dev.errata.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Errata;
import dev.errata.load.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import tech.tablesaw.api.Table;

class TribuoPredictionsTest {

  static final Model<Label> MODEL = Generated.logisticRegression();
  static final Dataset<Label> TEST = Generated.test();

  @Test
  void eachPredictionBecomesARowWithItsLabelsScoresMetadataAndChosenFeatures() {
    List<Prediction<Label>> predictions = MODEL.predict(TEST);
    Table t = TribuoPredictions.from(predictions).features("y").table();

    assertEquals(
        List.of("id", "actual", "predicted", "p_cat", "p_dog", "p_fox", "site", "y"),
        t.columnNames());
    assertEquals(150, t.rowCount());
    for (int i : new int[] {0, 1, 77, 149}) {
      Prediction<Label> p = predictions.get(i);
      assertEquals("test" + i, t.stringColumn("id").get(i));
      assertEquals(p.getExample().getOutput().getLabel(), t.stringColumn("actual").get(i));
      assertEquals(p.getOutput().getLabel(), t.stringColumn("predicted").get(i));
      for (String c : Generated.CLASSES) {
        assertEquals(
            p.getOutputScores().get(c).getScore(), t.doubleColumn("p_" + c).getDouble(i), 0.0);
      }
      assertEquals(p.getExample().getMetadataValue("site").get(), t.stringColumn("site").get(i));
      assertEquals(p.getExample().lookup("y").getValue(), t.doubleColumn("y").getDouble(i), 0.0);
    }
  }

  @Test
  void loadedPredictionsKeepTheModelsLabelsScoresAndCountErrorsLikeTribuo() {
    List<Prediction<Label>> predictions = MODEL.predict(TEST);
    Predictions p = Errata.fromTribuo(predictions).positive("dog").load();

    assertEquals(150, p.size());
    assertEquals(List.of("cat", "dog", "fox"), p.labels().names());
    assertEquals("dog", p.roles().positive().orElseThrow());
    long wrong =
        predictions.stream()
            .filter(x -> !x.getOutput().getLabel().equals(x.getExample().getOutput().getLabel()))
            .count();
    long errataWrong = 0;
    for (int i = 0; i < p.size(); i++) {
      errataWrong += p.actual(i) == p.predicted(i) ? 0 : 1;
      assertEquals(
          predictions.get(i).getOutputScores().get("dog").getScore(),
          p.probability(i, p.labels().code("dog").orElseThrow()),
          0.0);
    }
    assertTrue(wrong > 0, "the fixture should make errors");
    assertEquals(wrong, errataWrong);
  }

  @Test
  void withoutAnIdFieldTheRowIndexIsTheId() {
    ArrayExample<Label> a =
        new ArrayExample<>(new Label("yes"), new String[] {"f"}, new double[] {1});
    ArrayExample<Label> b =
        new ArrayExample<>(new Label("no"), new String[] {"g"}, new double[] {2});
    List<Prediction<Label>> predictions =
        List.of(new Prediction<>(new Label("yes"), 1, a), new Prediction<>(new Label("yes"), 1, b));

    Table t = TribuoPredictions.from(predictions).features("f").table();

    assertEquals(List.of("id", "actual", "predicted", "f"), t.columnNames());
    assertEquals(List.of(0, 1), t.intColumn("id").asList());
    // Tribuo reads a feature an example lacks as 0.
    assertEquals(List.of(1.0, 0.0), t.doubleColumn("f").asList());
    assertFalse(TribuoPredictions.from(predictions).load().hasProbabilities());
  }

  @Test
  void anUnknownFeatureIsRefusedNamingTheExamplesFeatures() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TribuoPredictions.from(MODEL.predict(TEST)).features("z").table());
    assertEquals(
        "No example in Tribuo predictions has a feature \"z\"; the first example's features are"
            + " [x, y]",
        e.getMessage());
  }

  @Test
  void anUnlabelledExampleIsRefused() {
    ArrayExample<Label> unlabelled =
        new ArrayExample<>(
            Generated.LABELS.getUnknownOutput(), new String[] {"x"}, new double[] {1});
    List<Prediction<Label>> predictions = List.of(new Prediction<>(new Label("a"), 1, unlabelled));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TribuoPredictions.from(predictions).table());
    assertEquals(
        "Prediction 0 of Tribuo predictions has no true label (Tribuo's unknown label"
            + " \"LABEL##UNKNOWN\"); predict on a labelled data set",
        e.getMessage());
  }

  @Test
  void aMetadataFieldNamedLikeAnErrataColumnIsRefused() {
    ArrayExample<Label> e1 =
        new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {1});
    e1.setMetadataValue("actual", "oops");
    List<Prediction<Label>> predictions = List.of(new Prediction<>(new Label("a"), 1, e1));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TribuoPredictions.from(predictions).table());
    assertEquals(
        "Two columns named \"actual\" in Tribuo predictions (the metadata field and an earlier"
            + " column); columns so far are [id, actual, predicted]",
        e.getMessage());
  }

  @Test
  void aListOfSomethingElseIsRefusedSayingWhatWasFound() {
    @SuppressWarnings("unchecked")
    List<Prediction<Label>> notPredictions = (List<Prediction<Label>>) (List<?>) List.of("x");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TribuoPredictions.from(notPredictions));
    assertEquals(
        "Expected Tribuo classification predictions (of Label), found one of java.lang.String",
        e.getMessage());
  }
}
