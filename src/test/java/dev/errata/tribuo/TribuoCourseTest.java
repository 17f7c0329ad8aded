package dev.errata.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Errata;
import dev.errata.course.MilestoneReport;
import dev.errata.course.MilestoneRow;
import dev.errata.course.Milestones;
import dev.errata.course.SanityCheck;
import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.dataset.DatasetView;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.Table;

/**
 * The course's milestones and overfit-a-small-set check with real Tribuo trainers: one call from a
 * model's predictions on its splits to {@code %milestones}, and the 1 / 10 / 100 examples recipe.
 */
class TribuoCourseTest {

  /** A tree grown until every leaf is pure: no depth limit, a leaf may hold one example. */
  static final Trainer<Label> FULL_TREE =
      new CARTClassificationTrainer(Integer.MAX_VALUE, 1f, 0f, 1f, new GiniIndex(), 1L);

  /** A stump: one split, two leaves. */
  static final Trainer<Label> STUMP = new CARTClassificationTrainer(1);

  /** {@code n} examples with one feature x = 1 … n and labels a, b, a, b, … (ids e1 … en). */
  static MutableDataset<Label> alternating(int n) {
    MutableDataset<Label> d =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("alternating " + n, Generated.LABELS), Generated.LABELS);
    for (int i = 1; i <= n; i++) {
      ArrayExample<Label> e =
          new ArrayExample<>(
              new Label(i % 2 == 1 ? "a" : "b"), new String[] {"x"}, new double[] {i});
      e.setMetadataValue("id", "e" + i);
      d.add(e);
    }
    return d;
  }

  /** The recipe: train on the tiny set, predict the same set, check it was fitted. */
  static SanityReport sanity(Trainer<Label> trainer, Dataset<Label> tiny) {
    Model<Label> model = trainer.train(tiny);
    return SanityCheck.of(Errata.fromTribuo(model.predict(tiny)).load(), 0.99);
  }

  @Test
  void predictionsOnEachSplitFeedTheMilestonesInOneCall() {
    Dataset<Label> train = Generated.train();
    Dataset<Label> test = Generated.test();
    Model<Label> model = new LogisticRegressionTrainer().train(train);
    Map<String, List<Prediction<Label>>> bySplit = new LinkedHashMap<>();
    bySplit.put("train", model.predict(train));
    bySplit.put("test", model.predict(test));

    Predictions p = Errata.fromTribuo(bySplit).load();
    MilestoneReport report = Milestones.of(p, "split").report();

    assertEquals(450, p.size());
    List<MilestoneRow> rows = report.rows();
    assertEquals(List.of("train", "test"), rows.stream().map(MilestoneRow::split).toList());
    assertEquals(List.of(300.0, 150.0), rows.stream().map(MilestoneRow::examples).toList());
    // Tribuo's own evaluator on each split's predictions gives the accuracy independently.
    LabelEvaluator evaluator = new LabelEvaluator();
    assertEquals(
        evaluator.evaluate(model, bySplit.get("train"), null).accuracy(),
        rows.get(0).accuracy(),
        1e-15);
    assertEquals(
        evaluator.evaluate(model, bySplit.get("test"), null).accuracy(),
        rows.get(1).accuracy(),
        1e-15);
  }

  @Test
  void theSplitColumnFollowsTheMapsOrderAndTheIdsComeFromTheExamples() {
    Map<String, List<Prediction<Label>>> bySplit = new LinkedHashMap<>();
    Model<Label> model = Generated.logisticRegression();
    bySplit.put("dev", model.predict(Generated.data("dev", 3, 2)));
    bySplit.put("train", model.predict(Generated.data("train", 1, 3)));

    Table t = Errata.fromTribuo(bySplit).table();

    assertEquals(List.of("id", "actual", "predicted", "split"), t.columnNames().subList(0, 4));
    assertEquals(
        List.of("dev", "dev", "train", "train", "train"), t.stringColumn("split").asList());
    assertEquals(
        List.of("dev0", "dev1", "train0", "train1", "train2"), t.stringColumn("id").asList());
  }

  @Test
  void anEmptySplitIsRefusedByName() {
    Map<String, List<Prediction<Label>>> bySplit = new LinkedHashMap<>();
    bySplit.put("train", Generated.logisticRegression().predict(Generated.data("t", 1, 3)));
    bySplit.put("test", List.of());

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Errata.fromTribuo(bySplit));
    assertEquals(
        "Split \"test\" has no predictions; expected one prediction per example of that split",
        e.getMessage());
  }

  @Test
  void anUnlabelledExampleIsNamedByItsSplitAndItsPlaceInIt() {
    ArrayExample<Label> unlabelled =
        new ArrayExample<>(
            Generated.LABELS.getUnknownOutput(), new String[] {"x"}, new double[] {1});
    Map<String, List<Prediction<Label>>> bySplit = new LinkedHashMap<>();
    bySplit.put("train", Generated.logisticRegression().predict(Generated.data("t", 1, 3)));
    bySplit.put("test", List.of(new Prediction<>(new Label("cat"), 1, unlabelled)));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Errata.fromTribuo(bySplit).table());
    assertEquals(
        "Prediction 0 of split \"test\" of Tribuo predictions has no true label (Tribuo's unknown"
            + " label \"LABEL##UNKNOWN\"); predict on a labelled data set",
        e.getMessage());
  }

  @Test
  void aFullyGrownTreeFitsOneTenAndAHundredExamples() {
    // The README's recipe: the first 1, 10 and 100 examples of one data set, as views of it.
    Dataset<Label> all = alternating(100);
    for (int n : new int[] {1, 10, 100}) {
      Dataset<Label> tiny =
          new DatasetView<>(all, IntStream.range(0, n).toArray(), "first " + n + " examples");
      SanityReport r = sanity(FULL_TREE, tiny);
      assertTrue(r.passed(), n + " examples: " + r.summary() + " " + r.failures());
      assertEquals(n, r.correct(), 0.0);
      assertEquals(List.of(), r.failures());
    }
  }

  /** Tribuo's default tree keeps at least 5 (minChildWeight) examples' weight per child. */
  @Test
  void theDefaultTreeDoesNotFitTenAlternatingExamples() {
    SanityReport r = sanity(new CARTClassificationTrainer(), alternating(10));

    assertFalse(r.passed());
    assertTrue(r.correct() < 10, r.summary());
  }

  /**
   * Hand-checked: on x = 1 … 10 labelled a, b, a, b, … one threshold leaves at most 6 right. The
   * Gini-best splits are x ≤ 1 (left: the one "a"; right: 4 a, 5 b, so "b") and x ≤ 9 (its mirror),
   * each 6 right; Tribuo keeps the first, so e3, e5, e7 and e9 (a, predicted b) are wrong.
   */
  @Test
  void aStumpCannotFitTenAlternatingExamplesSoTheCheckFails() {
    SanityReport r = sanity(STUMP, alternating(10));

    assertFalse(r.passed());
    assertEquals(6, r.correct(), 0.0);
    assertEquals(
        List.of(
            "accuracy 60.0 % on 10 training examples is below the expected 99.0 %: the model"
                + " cannot fit even a tiny set (check the labels, the loss, the input pipeline)",
            "misclassified: id e3 actual \"a\" predicted \"b\"; id e5 actual \"a\" predicted \"b\";"
                + " id e7 actual \"a\" predicted \"b\"; id e9 actual \"a\" predicted \"b\""),
        r.failures());
  }

  /**
   * A linear model on one feature is a threshold too: at most 6 of the 10 right, whatever SGD does.
   */
  @Test
  void aLinearModelCannotFitAlternatingLabelsSoTheCheckFails() {
    SanityReport r = sanity(new LogisticRegressionTrainer(), alternating(10));

    assertFalse(r.passed());
    assertTrue(r.correct() <= 6, r.summary());
  }

  @Test
  void anyModelFitsOneExample() {
    for (Trainer<Label> t : List.of(STUMP, FULL_TREE, new LogisticRegressionTrainer())) {
      assertTrue(sanity(t, alternating(1)).passed(), t.toString());
    }
  }
}
