package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ExperimentLogTest {

  private static final CodeVersion NO_GIT = CodeVersion.none("test");

  private static Table perClass() {
    return Table.create("per class",
        StringColumn.create("class", "cat", "dog"),
        DoubleColumn.create("f1", 0.5, Double.NaN),
        IntColumn.create("support", 10, 20));
  }

  @Test
  void everyFieldComesBackAsLogged() throws IOException {
    Path dir = TestFolders.fresh("fields");
    Path data = Files.writeString(dir.resolve("train.csv"), "a,b,c\n1,2,3\n4,5,6\n");
    Path model = Files.writeString(dir.resolve("model.bin"), "weights");
    Instant before = Instant.now();
    long id;
    RunRecord returned;
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("lr", 0.01);
      params.put("depth", 3);
      params.put("shuffle", true);
      params.put("optimizer", "adam");
      Run run = log.start("baseline", params, NO_GIT);
      id = run.id();
      run.metric("accuracy", 0.9).metrics(Map.of("undefined", Double.NaN, "loss", 0.25f));
      run.table("per class", perClass());
      run.dataset(data).model(model, true).note("first try").label("baseline");
      returned = run.finish();
    }
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      RunRecord r = log.run(id);
      assertEquals(returned, r, "what finish() returns is exactly what the log holds");
      assertEquals("baseline", r.name());
      assertEquals(RunRecord.Status.FINISHED, r.status());
      assertEquals("", r.message());
      assertTrue(!r.started().isBefore(before.minusMillis(1)));
      assertTrue(!r.ended().orElseThrow().isBefore(r.started()));
      assertEquals(NO_GIT, r.code());
      assertEquals(
          Map.of("lr", 0.01, "depth", 3L, "shuffle", true, "optimizer", "adam"), r.params());
      assertEquals(0.9, r.metrics().get("accuracy"));
      assertEquals(0.25, r.metrics().get("loss"));
      assertTrue(Double.isNaN(r.metrics().get("undefined")));
      ResultTable t = r.tables().get("per class");
      assertEquals(
          List.of("class", "f1", "support"),
          t.columns().stream().map(ResultTable.ResultColumn::name).toList());
      assertEquals(List.of("cat", "dog"), t.columns().get(0).values());
      assertEquals(0.5, t.columns().get(1).number(0));
      assertTrue(Double.isNaN(t.columns().get(1).number(1)));
      assertEquals(List.of(10.0, 20.0), t.columns().get(2).values());
      Dataset d = r.datasets().get(0);
      assertEquals("train.csv", d.name());
      assertEquals(2, d.rows().getAsLong());
      assertEquals(3, d.columns().getAsInt());
      // SHA-256("weights"), computed independently with `printf weights | sha256sum`
      ModelFile m = r.models().get(0);
      assertEquals("9a129038d9a00aed0cf6a7ea059ca50a813449061ab87848cf1a13eafdf33b2c", m.sha256());
      assertEquals(model.toAbsolutePath().toString(), m.path());
      assertEquals(7, m.sizeBytes());
      assertEquals(
          dir.resolve("runs-artifacts").resolve("run-" + id).resolve("model.bin").toString(),
          m.copiedTo().orElseThrow());
      assertEquals("weights", Files.readString(Path.of(m.copiedTo().orElseThrow())));
      assertEquals(List.of("first try"), r.notes());
      assertEquals(List.of("baseline"), r.labels());
      assertEquals(Runtime.getRuntime().availableProcessors(), r.environment().cpus());
      assertEquals(
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          r.environment().jdk());
      assertEquals(ProcessHandle.current().pid(), r.environment().pid());
      // The build writes the pom's version; the jars are those of surefire's class path.
      assertTrue(
          r.environment().errata().matches("\\d+\\.\\d+\\.\\d+.*"), r.environment().errata());
      assertEquals(
          Versions.jars(System.getProperty("java.class.path"), System.getenv("IJAVA_CLASSPATH")),
          r.environment().libraries());
      assertTrue(
          r.environment().libraries().stream().anyMatch(j -> j.startsWith("sqlite-jdbc-")),
          r.environment().libraries().toString());
      assertTrue(r.usage().orElseThrow().peakHeapBytes() > 0);
      assertTrue(r.usage().orElseThrow().wallMillis() >= 0);
    }
  }

  @Test
  void runIsInTheLogWithStatusRunningAsSoonAsItStarts() {
    Path db = TestFolders.fresh("start").resolve("runs.db");
    try (ExperimentLog writer = ExperimentLog.open(db.toString());
        ExperimentLog reader = ExperimentLog.open(db.toString())) {
      Run run = writer.start("long job", Map.of("epochs", 5), NO_GIT);
      run.metric("loss", 1.5);
      RunRecord seen = reader.run(run.id());
      assertEquals(RunRecord.Status.RUNNING, seen.status());
      assertEquals(Optional.empty(), seen.ended());
      assertEquals(Map.of("epochs", 5L), seen.params());
      assertEquals(Map.of("loss", 1.5), seen.metrics());
      run.finish();
      assertEquals(RunRecord.Status.FINISHED, reader.run(run.id()).status());
    }
  }

  @Test
  void failedRunKeepsTheErrorClassAndMessage() {
    Path db = TestFolders.fresh("fail").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      Run run = log.start("broken", Map.of(), NO_GIT);
      run.fail(new IllegalStateException("out of data"));
      RunRecord r = log.run(run.id());
      assertEquals(RunRecord.Status.FAILED, r.status());
      assertEquals("java.lang.IllegalStateException: out of data", r.message());
    }
  }

  @Test
  void loggingAfterTheEndIsAnError() {
    Path db = TestFolders.fresh("ended").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      Run run = log.start("done", Map.of(), NO_GIT);
      run.finish();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.metric("x", 1));
      assertEquals(
          "Run " + run.id() + " (\"done\") has already finished; start a new run", e.getMessage());
    }
  }

  @Test
  void metricLoggedTwiceKeepsTheLastValue() {
    Path db = TestFolders.fresh("twice").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      Run run = log.start("r", Map.of(), NO_GIT);
      run.metric("loss", 2).metric("loss", 1);
      run.param("lr", 0.1).param("lr", 0.2);
      run.finish();
      assertEquals(Map.of("loss", 1.0), log.run(run.id()).metrics());
      assertEquals(Map.of("lr", 0.2), log.run(run.id()).params());
    }
  }

  @Test
  void unknownParameterTypeIsRefusedWithItsName() {
    Path db = TestFolders.fresh("ptype").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> log.start("r", Map.of("layers", List.of(1, 2)), NO_GIT));
      assertTrue(e.getMessage().startsWith("Parameter \"layers\" is a java.util."), e.getMessage());
      assertTrue(e.getMessage().endsWith("; a parameter is a long, double, boolean or string"));
    }
  }
}
