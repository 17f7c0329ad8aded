package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.log.ExperimentLog;
import dev.errata.log.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultsTest {

  /** The course's skewed example: TN 905, FP 9, FN 18, TP 68. */
  private static Predictions course() {
    List<String> a = new ArrayList<>();
    List<String> p = new ArrayList<>();
    int[][] cells = {{0, 0, 905}, {0, 1, 9}, {1, 0, 18}, {1, 1, 68}};
    for (int[] c : cells) {
      a.addAll(Collections.nCopies(c[2], String.valueOf(c[0])));
      p.addAll(Collections.nCopies(c[2], String.valueOf(c[1])));
    }
    return Predictions.of(a, p);
  }

  @Test
  void loggedRunKeepsTheOverallMetricsAndTheReportTables() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "run-results", Long.toString(System.nanoTime())));
    ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db"));
    RunRecord r = Errata.log(log.start("course"), course()).finish();
    assertEquals(0.973, r.metrics().get("accuracy"), 1e-12);
    // Per class: F1 of "1" = 2·68 / (2·68 + 9 + 18); of "0" = 2·905 / (2·905 + 18 + 9).
    double f1One = 136.0 / 163;
    double f1Zero = 1810.0 / 1837;
    assertEquals((f1One + f1Zero) / 2, r.metrics().get("macro f1"), 1e-12);
    assertEquals((914 * f1Zero + 86 * f1One) / 1000, r.metrics().get("weighted f1"), 1e-12);
    assertEquals(1000.0, r.metrics().get("examples"));
    assertTrue(r.tables().containsKey("report"));
    assertTrue(r.tables().containsKey("confusion"));
    RunRecord stored = log.run(r.id());
    assertEquals(r.metrics(), stored.metrics());
  }

  @Test
  void undefinedMetricsAreLeftOutNotLoggedAsZero() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "run-results", Long.toString(System.nanoTime())));
    ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db"));
    // Everything predicted "a": MCC is 0/0, undefined.
    Predictions p = Predictions.of(List.of("a", "b", "b"), List.of("a", "a", "a"));
    RunRecord r = Errata.log(log.start("constant"), p).finish();
    assertFalse(r.metrics().containsKey("matthews"));
    assertEquals(1.0 / 3, r.metrics().get("accuracy"), 1e-12);
  }
}
