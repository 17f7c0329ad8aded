package dev.errata.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.Average;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.metrics.Measure;
import dev.errata.metrics.ZeroDivision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;

/**
 * Errata's metrics equal Tribuo's {@link LabelEvaluator} on the same predictions of real models;
 * where the two define a metric differently, the test names the difference.
 */
class TribuoEvaluatorDifferentialTest {

  static final double EXACT = 1e-12;

  @Test
  void logisticRegressionMetricsEqualTribuos() {
    assertSameMetrics(Generated.logisticRegression(), Generated.test());
  }

  @Test
  void cartTreeMetricsEqualTribuos() {
    assertSameMetrics(new CARTClassificationTrainer(4).train(Generated.train()), Generated.test());
  }

  @Test
  void cartTreeMetricsOnItsTrainingDataEqualTribuos() {
    Dataset<Label> train = Generated.train();
    assertSameMetrics(new CARTClassificationTrainer(8).train(train), train);
  }

  /**
   * Difference 1, zero division: a label never predicted has precision 0/0. Tribuo makes it 0 and
   * averages the 0; Errata leaves it undefined (NaN) and averages without it, unless asked for
   * scikit-learn 1.2's {@code zero_division=0}, which then equals Tribuo.
   */
  @Test
  void aLabelNeverPredictedHasPrecisionZeroInTribuoAndUndefinedInErrata() {
    Model<Label> model = Generated.logisticRegression();
    // Four examples, hand-checked: cat→cat, cat→dog, dog→dog, fox→dog; "fox" is never predicted.
    List<Prediction<Label>> predictions =
        List.of(made("cat", "cat"), made("cat", "dog"), made("dog", "dog"), made("fox", "dog"));
    LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, predictions, null);
    Predictions p = TribuoPredictions.from(predictions).load();
    ClassificationMetrics errata = ClassificationMetrics.of(p);
    int fox = p.labels().code("fox").orElseThrow();

    assertEquals(0.0, tribuo.precision(new Label("fox")), 0.0);
    assertTrue(Double.isNaN(errata.precision(fox)));
    // Errata's macro precision over cat (1/1) and dog (1/3) only; Tribuo's over all three.
    assertEquals((1.0 + 1.0 / 3) / 2, errata.average(Average.MACRO, Measure.PRECISION), EXACT);
    assertEquals((1.0 + 1.0 / 3 + 0) / 3, tribuo.macroAveragedPrecision(), EXACT);
    // F1 of fox is 0 in both: precision and recall are 0 (tp = 0, fn = 1).
    assertEquals(0.0, errata.f1(fox), 0.0);
    assertEquals(0.0, tribuo.f1(new Label("fox")), 0.0);

    assertSameMetrics(tribuo, p, ClassificationMetrics.of(p).withZeroDivision(ZeroDivision.ZERO));
  }

  /**
   * Difference 2, the label set: Tribuo averages over every label the model knows, Errata (like
   * scikit-learn without {@code labels=}) over the labels that occur as actual or predicted. A
   * label the model knows that never occurs adds a 0 to Tribuo's macro averages.
   */
  @Test
  void tribuosMacroAveragesCountLabelsTheModelKnowsButTheDataLacks() {
    Model<Label> model = Generated.logisticRegression();
    List<Prediction<Label>> predictions =
        List.of(made("cat", "cat"), made("cat", "dog"), made("dog", "dog"));
    LabelEvaluation tribuo = new LabelEvaluator().evaluate(model, predictions, null);
    ClassificationMetrics errata =
        ClassificationMetrics.of(TribuoPredictions.from(predictions).load());

    // Per label and micro they agree: cat P = 1, R = 1/2; dog P = 1/2, R = 1.
    assertEquals(tribuo.precision(new Label("dog")), errata.precision(1), EXACT);
    assertEquals(tribuo.recall(new Label("cat")), errata.recall(0), EXACT);
    assertEquals(tribuo.microAveragedF1(), errata.average(Average.MICRO, Measure.F1), EXACT);
    // Macro recall: Errata (1/2 + 1) / 2 over cat and dog; Tribuo (1/2 + 1 + 0) / 3 with fox.
    assertEquals(0.75, errata.average(Average.MACRO, Measure.RECALL), EXACT);
    assertEquals(0.5, tribuo.macroAveragedRecall(), EXACT);
  }

  private static void assertSameMetrics(Model<Label> model, Dataset<Label> data) {
    List<Prediction<Label>> predictions = model.predict(data);
    LabelEvaluation tribuo =
        new LabelEvaluator().evaluate(model, predictions, data.getProvenance());
    Predictions p = TribuoPredictions.from(predictions).load();
    assertEquals(
        model.getOutputIDInfo().size(), p.labels().size(), "every label of the model occurs");
    ClassificationMetrics errata = ClassificationMetrics.of(p);
    for (int c = 0; c < p.labels().size(); c++) {
      assertTrue(errata.confusion().predictedTotal(c) > 0, "no zero division in this fixture");
    }
    assertSameMetrics(tribuo, p, errata);
  }

  private static void assertSameMetrics(
      LabelEvaluation tribuo, Predictions p, ClassificationMetrics errata) {
    List<String> compared = new ArrayList<>();
    assertEquals(tribuo.accuracy(), errata.accuracy(), EXACT, "accuracy");
    for (int c = 0; c < p.labels().size(); c++) {
      Label label = new Label(p.labels().name(c));
      String name = label.getLabel();
      assertEquals(tribuo.tp(label), errata.truePositives(c), 0.0, "tp " + name);
      assertEquals(tribuo.fp(label), errata.falsePositives(c), 0.0, "fp " + name);
      assertEquals(tribuo.fn(label), errata.falseNegatives(c), 0.0, "fn " + name);
      assertEquals(tribuo.precision(label), errata.precision(c), EXACT, "precision " + name);
      assertEquals(tribuo.recall(label), errata.recall(c), EXACT, "recall " + name);
      assertEquals(tribuo.f1(label), errata.f1(c), EXACT, "F1 " + name);
      for (String actual : p.labels().names()) {
        assertEquals(
            tribuo.confusion(label, new Label(actual)),
            errata.confusion().count(p.labels().code(actual).orElseThrow(), c),
            0.0,
            "Tribuo's confusion(predicted, actual) is Errata's count(actual, predicted)");
      }
      compared.add(name);
    }
    assertEquals(
        tribuo.macroAveragedPrecision(),
        errata.average(Average.MACRO, Measure.PRECISION),
        EXACT,
        "macro precision");
    assertEquals(
        tribuo.macroAveragedRecall(),
        errata.average(Average.MACRO, Measure.RECALL),
        EXACT,
        "macro recall");
    assertEquals(
        tribuo.macroAveragedF1(), errata.average(Average.MACRO, Measure.F1), EXACT, "macro F1");
    assertEquals(
        tribuo.microAveragedPrecision(),
        errata.average(Average.MICRO, Measure.PRECISION),
        EXACT,
        "micro precision");
    assertEquals(
        tribuo.microAveragedRecall(),
        errata.average(Average.MICRO, Measure.RECALL),
        EXACT,
        "micro recall");
    assertEquals(
        tribuo.microAveragedF1(), errata.average(Average.MICRO, Measure.F1), EXACT, "micro F1");
    assertEquals(
        tribuo.balancedErrorRate(), 1 - errata.balancedAccuracy(), EXACT, "balanced error rate");
    assertEquals(p.labels().names(), compared);
  }

  /**
   * A prediction of {@code predicted} (score 0.8, the other labels 0.1) for an example whose true
   * label is {@code actual}.
   */
  private static Prediction<Label> made(String actual, String predicted) {
    ArrayExample<Label> e =
        new ArrayExample<>(new Label(actual), new String[] {"x"}, new double[] {1});
    Map<String, Label> scores = new LinkedHashMap<>();
    for (String c : Generated.CLASSES) {
      scores.put(c, new Label(c, c.equals(predicted) ? 0.8 : 0.1));
    }
    return new Prediction<>(new Label(predicted, 0.8), scores, 1, e, true);
  }
}
