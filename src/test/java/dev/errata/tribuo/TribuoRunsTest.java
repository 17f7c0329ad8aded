package dev.errata.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.log.ExperimentLog;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import tech.tablesaw.api.Table;

class TribuoRunsTest {

  @Test
  void logisticRegressionParamsAreItsConfiguredHyperparametersAndData() {
    Map<String, Object> params =
        TribuoRuns.params(new LogisticRegressionTrainer().train(Generated.train()));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("trainer", "LogisticRegressionTrainer");
    // LogisticRegressionTrainer's documented defaults: AdaGrad (rate 1.0, epsilon 0.1), 5 epochs.
    expected.put("trainer.epochs", 5L);
    expected.put("trainer.minibatchSize", 1L);
    expected.put("trainer.seed", 12345L);
    expected.put("trainer.optimiser", "AdaGrad");
    expected.put("trainer.optimiser.initialLearningRate", 1.0);
    expected.put("trainer.optimiser.epsilon", 0.1);
    expected.put("trainer.objective", "LogMulticlass");
    expected.put("data", "MutableDataset");
    expected.put("data.num-examples", 300L);
    expected.put("data.num-features", 2L);
    expected.put("data.num-outputs", 3L);
    expected.put("data.datasource.description", "generated train, seed 1");
    expected.forEach((k, v) -> assertEquals(v, params.get(k), k + " in " + params));
    assertFalse(
        params.keySet().stream().anyMatch(k -> k.contains("time") || k.endsWith("class-name")),
        "times and class names are left out: " + params.keySet());
  }

  @Test
  void twoLoggedModelsCompareByTrainerAndHyperparametersOnly() throws Exception {
    Path dir = fresh();
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      Model<Label> lr = new LogisticRegressionTrainer().train(Generated.train());
      Model<Label> cart = new CARTClassificationTrainer(6).train(Generated.train());
      TribuoRuns.log(log.start("lr"), lr, dir.resolve("lr.model")).finish();
      RunRecord b = TribuoRuns.log(log.start("cart"), cart).finish();

      RunComparison c = log.compare("lr", "cart");
      Table t = c.paramsTable();
      Map<String, List<String>> differs = new LinkedHashMap<>();
      for (int i = 0; i < t.rowCount(); i++) {
        differs.put(
            t.stringColumn(0).get(i), List.of(t.stringColumn(1).get(i), t.stringColumn(2).get(i)));
      }
      assertEquals(
          List.of("LogisticRegressionTrainer", "CARTClassificationTrainer"),
          differs.get("params.trainer"));
      assertEquals(List.of("(none)", "6"), differs.get("params.trainer.maxDepth"));
      assertEquals(List.of("5", "(none)"), differs.get("params.trainer.epochs"));
      // Both read the same generated data (built twice, at different times): no data difference.
      assertTrue(
          differs.keySet().stream().noneMatch(k -> k.startsWith("params.data")),
          "data params differ: " + differs.keySet());
      assertEquals(6L, b.params().get("trainer.maxDepth"));
      assertEquals(1, log.run("lr").models().size());
      assertTrue(Files.size(dir.resolve("lr.model")) > 0);
      // The logged hash is the SHA-256 of the file Tribuo wrote, computed here with the JDK.
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(Files.readAllBytes(dir.resolve("lr.model")));
      assertEquals(
          java.util.HexFormat.of().formatHex(digest), log.run("lr").models().get(0).sha256());
    }
  }

  @Test
  void theComparisonSaysTheTrainerAndDepthChangedInOneLine() {
    Path dir = fresh();
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      TribuoRuns.log(log.start("six"), new CARTClassificationTrainer(6).train(Generated.train()))
          .finish();
      TribuoRuns.log(log.start("eight"), new CARTClassificationTrainer(8).train(Generated.train()))
          .finish();
      TribuoRuns.log(log.start("lr"), new LogisticRegressionTrainer().train(Generated.train()))
          .finish();

      assertEquals(
          "Changed params: trainer.maxDepth: 6 → 8", log.compare("six", "eight").paramChanges());
      String toLr = log.compare("eight", "lr").paramChanges();
      assertTrue(
          toLr.startsWith(
              "Changed params: trainer: CARTClassificationTrainer → LogisticRegressionTrainer;"
                  + " added "),
          toLr);
      assertTrue(toLr.contains("trainer.epochs = 5"), toLr);
      assertTrue(toLr.contains("; removed ") && toLr.contains("trainer.maxDepth"), toLr);
    }
  }

  @Test
  void dataReadFromAFileIsLoggedWithTheFilesSha256() throws Exception {
    Path csv = fresh().resolve("small.csv");
    Files.writeString(csv, "x,y,label\n0,0,a\n1,0,b\n0,1,a\n1,1,b\n");
    Model<Label> model =
        new CARTClassificationTrainer(2)
            .train(new CSVLoader<>(Generated.LABELS).load(csv, "label"));

    Map<String, Object> params = TribuoRuns.params(model);

    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv));
    // Compared ignoring the case of the hex digits.
    assertEquals(
        java.util.HexFormat.of().formatHex(digest),
        String.valueOf(params.get("data.datasource.resource-hash")).toLowerCase(Locale.ROOT),
        "data.datasource.resource-hash in " + params);
    assertEquals(4L, params.get("data.num-examples"));
  }

  @Test
  void differentDataShowsInTheComparison() {
    Path dir = fresh();
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      TribuoRuns.log(log.start("a"), new CARTClassificationTrainer(6).train(Generated.train()))
          .finish();
      TribuoRuns.log(
              log.start("b"),
              new CARTClassificationTrainer(6).train(Generated.data("other", 3, 90)))
          .finish();

      Table t = log.compare("a", "b").paramsTable();
      assertEquals(
          List.of("params.data.datasource.description", "params.data.num-examples"),
          t.stringColumn(0).asList().stream().filter(k -> k.startsWith("params.")).toList());
    }
  }

  private static Path fresh() {
    try {
      return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tribuo-runs");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
