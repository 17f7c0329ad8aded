package dev.errata.kernel;

import dev.errata.load.PredictionsReader;
import dev.errata.load.SparkPredictions;

/**
 * Reads a notebook variable holding a Spark {@code Dataset<Row>} for {@code %predictions VAR}.
 * Recognises it by class name, so a kernel without Spark never loads a Spark class.
 */
final class SparkInput {

  private static final String DATASET = "org.apache.spark.sql.Dataset";

  private SparkInput() {}

  /** Returns whether {@code value} is a Spark Dataset. */
  static boolean isDataset(Object value) {
    for (Class<?> c = value == null ? null : value.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(DATASET)) {
        return true;
      }
    }
    return false;
  }

  /** Starts reading the Dataset {@code value}, named {@code name} in messages. */
  @SuppressWarnings("unchecked")
  static PredictionsReader reader(Object value, String name) {
    return SparkPredictions.from(
        (org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>) value, name);
  }
}
