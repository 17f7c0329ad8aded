package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.Errata;
import dev.errata.course.MilestoneReport;
import dev.errata.course.MilestoneRow;
import dev.errata.course.Milestones;
import dev.errata.course.SanityCheck;
import dev.errata.course.SanityReport;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.tribuo.TribuoPredictions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The Tribuo numbers notebook 08 shows ({@code NotebooksIT.EXPECTED}, in kernel-magics/tools),
 * computed outside the kernel from the same file, split and trainer, and checked against Tribuo's
 * own evaluator.
 */
class TribuoPenguinsTest {

  static final String[] MEASUREMENTS = {"beak_length", "beak_depth", "flipper", "mass"};
  static final String[] SPECIES = {"Adelie", "Chinstrap", "Gentoo"};

  /** One bird: label, measurements, one-hot species (3 or 0, as the notebook scales them). */
  record Bird(String id, String sex, String species, String island, double[] values) {}

  /** The notebook's seeded 60 / 40 split: training rows in shuffled order, test rows sorted. */
  record Split(List<Bird> birds, int[] train, int[] test) {}

  static Split split() throws IOException {
    List<Bird> birds = birds();
    assertEquals(333, birds.size());
    Random rng = new Random(7);
    int n = birds.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Collections.shuffle(Arrays.asList(order), rng);
    int[] train = Arrays.stream(order, 0, n * 6 / 10).mapToInt(Integer::intValue).toArray();
    int[] test = Arrays.stream(order, n * 6 / 10, n).mapToInt(Integer::intValue).sorted().toArray();
    return new Split(birds, train, test);
  }

  @Test
  void logisticRegressionIsRight118Of134AndWithTheSpecies120() throws IOException {
    Split s = split();
    assertEquals(List.of(118.0, 134.0), correctAndTotal(s, new LogisticRegressionTrainer(), 4));
    assertEquals(List.of(120.0, 134.0), correctAndTotal(s, new LogisticRegressionTrainer(), 7));
  }

  @Test
  void aDepthSixTreeWithTheSpeciesIsRight116Of134() throws IOException {
    assertEquals(
        List.of(116.0, 134.0), correctAndTotal(split(), new CARTClassificationTrainer(6), 7));
  }

  /** The milestones: 182 of 199 training birds right (91.5 %), 118 of 134 test birds (88.1 %). */
  @Test
  void theBaselineIsRight182Of199TrainingBirdsByTheMilestonesAndTribuo() throws IOException {
    Split s = split();
    MutableDataset<Label> trainSet = dataset(s.birds(), s.train(), s.train(), 4, "train");
    Model<Label> model = new LogisticRegressionTrainer().train(trainSet);
    List<Prediction<Label>> onTrain = model.predict(trainSet);
    Map<String, List<Prediction<Label>>> bySplit = new LinkedHashMap<>();
    bySplit.put("train", onTrain);
    bySplit.put("test", model.predict(dataset(s.birds(), s.train(), s.test(), 4, "test")));

    MilestoneReport report = Milestones.of(Errata.fromTribuo(bySplit).load(), "split").report();

    MilestoneRow train = report.rows().get(0);
    assertEquals("train", train.split());
    assertEquals(199, train.examples(), 0.0);
    assertEquals(182.0 / 199, train.accuracy(), 1e-15);
    assertEquals(
        new LabelEvaluator().evaluate(model, onTrain, null).accuracy(), train.accuracy(), 1e-15);
    assertEquals(118.0 / 134, report.rows().get(1).accuracy(), 1e-15);
  }

  /**
   * The overfit check: a tree with no depth limit and leaves of one bird fits the first 1, 10 and
   * 100 training birds (no two of them share all four measurements), and a stump fits 75 of the
   * 100, as a search over every single threshold by Gini impurity, written here without Tribuo,
   * finds too.
   */
  @Test
  void aFullTreeFitsTheFirst100TrainingBirdsAndAStumpOnly75() throws IOException {
    Split s = split();
    int[] hundred = Arrays.copyOf(s.train(), 100);
    java.util.Set<List<Double>> distinct = new java.util.HashSet<>();
    for (int i : hundred) {
      double[] v = s.birds().get(i).values();
      distinct.add(List.of(v[0], v[1], v[2], v[3]));
    }
    assertEquals(100, distinct.size());
    CARTClassificationTrainer fullTree =
        new CARTClassificationTrainer(Integer.MAX_VALUE, 1f, 0f, 1f, new GiniIndex(), 1L);
    for (int size : new int[] {1, 10, 100}) {
      MutableDataset<Label> tiny =
          dataset(s.birds(), s.train(), Arrays.copyOf(s.train(), size), 4, "tiny");
      SanityReport r =
          SanityCheck.of(Errata.fromTribuo(fullTree.train(tiny).predict(tiny)).load(), 0.99);
      assertTrue(r.passed(), r.summary());
      assertEquals(size, r.correct(), 0.0);
    }

    MutableDataset<Label> tiny = dataset(s.birds(), s.train(), hundred, 4, "tiny");
    SanityReport stump =
        SanityCheck.of(
            Errata.fromTribuo(new CARTClassificationTrainer(1).train(tiny).predict(tiny)).load(),
            0.99);
    assertFalse(stump.passed());
    assertEquals(75, stump.correct(), 0.0);
    assertEquals(75, bestStumpCorrect(s.birds(), hundred));
  }

  /**
   * Returns how many birds the Gini-best single threshold on one measurement gets right, each side
   * predicting its majority sex; computed without Tribuo.
   */
  static int bestStumpCorrect(List<Bird> birds, int[] rows) {
    double bestImpurity = Double.POSITIVE_INFINITY;
    int bestCorrect = -1;
    for (int f = 0; f < 4; f++) {
      final int feature = f;
      Integer[] sorted = Arrays.stream(rows).boxed().toArray(Integer[]::new);
      Arrays.sort(
          sorted, java.util.Comparator.comparingDouble(i -> birds.get(i).values()[feature]));
      int n = sorted.length;
      int malesTotal = 0;
      for (int i : sorted) {
        malesTotal += birds.get(i).sex().equals("male") ? 1 : 0;
      }
      int malesLeft = 0;
      for (int k = 1; k < n; k++) {
        malesLeft += birds.get(sorted[k - 1]).sex().equals("male") ? 1 : 0;
        if (birds.get(sorted[k - 1]).values()[f] == birds.get(sorted[k]).values()[f]) {
          continue; // no threshold between equal values
        }
        int malesRight = malesTotal - malesLeft;
        double impurity = k * gini(malesLeft, k) + (n - k) * gini(malesRight, n - k);
        if (impurity < bestImpurity - 1e-12) {
          bestImpurity = impurity;
          bestCorrect =
              Math.max(malesLeft, k - malesLeft) + Math.max(malesRight, n - k - malesRight);
        }
      }
    }
    return bestCorrect;
  }

  private static double gini(int males, int n) {
    double p = (double) males / n;
    return 1 - p * p - (1 - p) * (1 - p);
  }

  private static List<Double> correctAndTotal(Split s, Trainer<Label> trainer, int k) {
    Model<Label> model = trainer.train(dataset(s.birds(), s.train(), s.train(), k, "train"));
    List<Prediction<Label>> predictions =
        model.predict(dataset(s.birds(), s.train(), s.test(), k, "test"));
    Predictions p = TribuoPredictions.from(predictions).load();
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    assertEquals(
        new LabelEvaluator().evaluate(model, predictions, null).accuracy(),
        cm.correct() / cm.total(),
        1e-15);
    return List.of(cm.correct(), cm.total());
  }

  /** The notebook's birds(): the first k columns standardised on the training birds. */
  private static MutableDataset<Label> dataset(
      List<Bird> birds, int[] train, int[] rows, int k, String part) {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("data/penguins.json, " + part, labels), labels);
    String[] names = new String[k];
    double[] mean = new double[k];
    double[] sd = new double[k];
    for (int c = 0; c < k; c++) {
      names[c] = c < 4 ? MEASUREMENTS[c] : SPECIES[c - 4];
      int col = c;
      double m =
          Arrays.stream(train).mapToDouble(i -> birds.get(i).values()[col]).average().orElse(0);
      mean[c] = m;
      sd[c] =
          Math.sqrt(
              Arrays.stream(train)
                      .mapToDouble(i -> Math.pow(birds.get(i).values()[col] - m, 2))
                      .sum()
                  / (train.length - 1));
    }
    for (int i : rows) {
      Bird b = birds.get(i);
      double[] values = new double[k];
      for (int c = 0; c < k; c++) {
        values[c] = (b.values()[c] - mean[c]) / sd[c];
      }
      ArrayExample<Label> e = new ArrayExample<>(new Label(b.sex()), names, values);
      e.setMetadataValue("id", b.id());
      e.setMetadataValue("species", b.species());
      data.add(e);
    }
    return data;
  }

  /** Reads the birds the notebook keeps: a recorded sex and measurements. */
  private static List<Bird> birds() throws IOException {
    JsonNode all =
        new ObjectMapper().readTree(Path.of("..", "notebooks", "data", "penguins.json").toFile());
    List<Bird> kept = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      JsonNode b = all.get(i);
      String sex = b.get("Sex").asText();
      if (!(sex.equals("MALE") || sex.equals("FEMALE")) || b.get("Beak Length (mm)").isNull()) {
        continue;
      }
      String species = b.get("Species").asText();
      double[] values = new double[7];
      values[0] = b.get("Beak Length (mm)").asDouble();
      values[1] = b.get("Beak Depth (mm)").asDouble();
      values[2] = b.get("Flipper Length (mm)").asDouble();
      values[3] = b.get("Body Mass (g)").asDouble();
      for (int s = 0; s < 3; s++) {
        values[4 + s] = species.equals(SPECIES[s]) ? 3.0 : 0.0;
      }
      kept.add(
          new Bird(
              "p" + (i + 1),
              sex.toLowerCase(java.util.Locale.ROOT),
              species,
              b.get("Island").asText(),
              values));
    }
    return kept;
  }
}
