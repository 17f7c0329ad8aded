package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.tribuo.TribuoPredictions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
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

  @Test
  void logisticRegressionIsRight118Of134AndWithTheSpecies120() throws IOException {
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

    assertEquals(List.of(118.0, 134.0), correctAndTotal(birds, train, test, 4));
    assertEquals(List.of(120.0, 134.0), correctAndTotal(birds, train, test, 7));
  }

  private static List<Double> correctAndTotal(List<Bird> birds, int[] train, int[] test, int k) {
    Model<Label> model =
        new LogisticRegressionTrainer().train(dataset(birds, train, train, k, "train"));
    List<Prediction<Label>> predictions = model.predict(dataset(birds, train, test, k, "test"));
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
