package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The runs table people read: only what varies, key metrics, short hashes. */
class CompactRunsTest {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void showsParamsThatVaryAsLoggedKeyMetricsAndShortHashes() throws Exception {
    Path dir = TestFolders.fresh("compact");
    Path data = Files.writeString(dir.resolve("train.csv"), "x\n1\n");
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      CodeVersion clean = new CodeVersion(COMMIT, false, "", "/repo");
      CodeVersion dirty = new CodeVersion(COMMIT, true, "ff", "/repo");
      log.start("a", Map.of("learning_rate", 0.1, "depth", 3, "decay", 1e-5), clean)
          .metrics(Map.of("accuracy", 0.8, "macro f1", 0.5, "loss", 1.5))
          .dataset(data)
          .finish();
      log.start("b", Map.of("learning_rate", 0.01, "depth", 3, "decay", 1e-5), dirty)
          .metric("accuracy", 0.9)
          .finish();
      Table t = log.summary(log.runs());
      assertEquals(
          List.of(
              "id",
              "name",
              "status",
              "started (UTC)",
              "duration",
              "params.learning_rate",
              "metrics.accuracy",
              "metrics.loss",
              "code",
              "code (full)",
              "data",
              "data (full)"),
          t.columnNames());
      assertEquals(List.of("0.1", "0.01"), t.stringColumn("params.learning_rate").asList());
      assertEquals(List.of("0123456", "0123456 dirty"), t.stringColumn("code").asList());
      // SHA-256 of "x\n1\n" (sha256sum) is daff832f…; the table keeps 8 hex digits.
      assertEquals(List.of("train.csv daff832f", ""), t.stringColumn("data").asList());
      // The full values, which a table view shows as the short cells' tooltips.
      assertEquals(
          List.of(COMMIT, COMMIT + " dirty, diff sha256 ff"),
          t.stringColumn("code (full)").asList());
      assertEquals(
          List.of(
              "train.csv "
                  + data.toAbsolutePath().normalize()
                  + " sha256 daff832f802000e645771a60983c76c963f6ee602a6230e45237bd360e91cc1a",
              ""),
          t.stringColumn("data (full)").asList());
      assertEquals(0.9, t.doubleColumn("metrics.accuracy").get(1));
      assertEquals(List.of("finished", "finished"), t.stringColumn("status").asList());
      // One run: nothing varies, so every parameter is shown.
      Table one = log.summary(log.runs().first(1));
      assertEquals(
          List.of("params.decay", "params.depth", "params.learning_rate"),
          one.columnNames().stream().filter(c -> c.startsWith("params.")).toList());
      assertEquals("0.00001", one.stringColumn("params.decay").get(0));
    }
  }

  @Test
  void aTableWithoutIdsIsRefused() {
    try (ExperimentLog log =
        ExperimentLog.open(TestFolders.fresh("compact-bad").resolve("runs.db").toString())) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> log.summary(Table.create("mine")));
      assertEquals("Table \"mine\" has no id column; pass a table from runs()", e.getMessage());
    }
  }

  @Test
  void durationsReadInTheLargestUsefulUnit() {
    assertEquals("0.4 s", CompactRuns.duration(400));
    assertEquals("9.9 s", CompactRuns.duration(9_949));
    assertEquals("42 s", CompactRuns.duration(42_000));
    assertEquals("3 min 05 s", CompactRuns.duration(185_000));
    assertEquals("2 h 07 min", CompactRuns.duration(7_620_000));
  }

  @Test
  void paramsReadAsLoggedNeverAsPercentages() {
    assertEquals("0.1", CompactRuns.param(0.1));
    assertEquals("0.00001", CompactRuns.param(1e-5));
    assertEquals("3", CompactRuns.param(3L));
    assertEquals("true", CompactRuns.param(true));
    assertEquals("", CompactRuns.param(null));
  }
}
