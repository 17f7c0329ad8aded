package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.load.Predictions;
import dev.errata.metrics.PredictionsSummary;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code %predictions VAR} reads a variable holding a Spark Dataset, as it reads a Table. */
class SparkMagicsTest {

  static SparkSession spark;

  final FakeNotebook notebook = new FakeNotebook();
  final Magics magics = new Magics();

  SparkMagicsTest() {
    new ErrataMagics(notebook).registerInto(magics);
  }

  @BeforeAll
  static void start() {
    String target = System.getProperty("java.io.tmpdir");
    spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.local.dir", Path.of(target, "spark-local").toString())
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aVariableHoldingADatasetIsCountedBySpark() throws Exception {
    StructType schema =
        new StructType()
            .add("label", DataTypes.StringType)
            .add("pred", DataTypes.StringType)
            .add("weight", DataTypes.DoubleType);
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("cat", "cat", 2.0),
                RowFactory.create("cat", "dog", 1.0),
                RowFactory.create("dog", "dog", 1.0)),
            schema);
    notebook.with("preds", rows);

    Predictions p =
        magics.applyLineMagic(
            "predictions",
            List.of("preds", "--actual", "label", "--predicted", "pred", "--weight", "weight"));

    assertEquals(3, p.size());
    assertEquals("preds", p.source());
    assertEquals(List.of("cat", "dog"), p.labels().names());
    // Weighted: cat→cat 2, cat→dog 1, dog→dog 1 (rows = actual, columns = predicted).
    assertEquals(List.of(2.0, 1.0, 0.0, 1.0), boxed(p.counts(List.of()).total()));
    // Majority baseline, weighted: cat has 3 of 4.
    assertEquals(
        0.75, ((PredictionsSummary) notebook.displayed.get(0)).majorityAccuracy(), 1e-15);
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
