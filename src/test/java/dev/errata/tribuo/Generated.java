package dev.errata.tribuo;

import java.util.Random;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Seeded three-class data in two features ({@code x}, {@code y}) with a {@code site} metadata field
 * and an {@code id}; the classes overlap, so a model makes some errors.
 */
final class Generated {

  static final String[] CLASSES = {"cat", "dog", "fox"};
  private static final double[][] CENTRES = {{0, 0}, {2, 0}, {1, 1.7}};
  static final LabelFactory LABELS = new LabelFactory();

  private Generated() {}

  /** Returns {@code n} examples, class {@code i % 3} for the i-th, ids {@code prefix + i}. */
  static MutableDataset<Label> data(String prefix, long seed, int n) {
    MutableDataset<Label> d =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("generated " + prefix + ", seed " + seed, LABELS),
            LABELS);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      double x = CENTRES[c][0] + r.nextGaussian();
      double y = CENTRES[c][1] + r.nextGaussian();
      ArrayExample<Label> e =
          new ArrayExample<>(new Label(CLASSES[c]), new String[] {"x", "y"}, new double[] {x, y});
      e.setMetadataValue("id", prefix + i);
      e.setMetadataValue("site", r.nextBoolean() ? "north" : "south");
      d.add(e);
    }
    return d;
  }

  static Dataset<Label> train() {
    return data("train", 1, 300);
  }

  static Dataset<Label> test() {
    return data("test", 2, 150);
  }

  static Model<Label> logisticRegression() {
    return new LogisticRegressionTrainer().train(train());
  }
}
