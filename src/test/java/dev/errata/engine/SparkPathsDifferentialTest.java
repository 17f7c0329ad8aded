package dev.errata.engine;

import static dev.errata.engine.EnginePathsDifferentialTest.assertTablesClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Errata;
import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.load.SparkPredictions;
import dev.errata.metrics.ClassificationReport;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The same predictions through memory, DuckDB (CSV, Parquet as text, Parquet with typed number
 * columns) and Spark (the same two Parquet files) give identical counts and the same report,
 * slices, tags and run comparison to 1e-12. Spark is a real local session.
 */
class SparkPathsDifferentialTest {

  private static final int ROWS = 4_000;

  @TempDir static Path dir;
  private static Table data;
  private static Table changed;
  private static Path csv;
  private static Path parquet;
  private static Path typed;
  private static Path parquetAfter;
  private static SparkSession spark;

  @BeforeAll
  static void write() throws Exception {
    data = EnginePathsDifferentialTest.generate(20261202L, 0.8);
    changed = EnginePathsDifferentialTest.generate(20261202L, 0.7);
    csv = dir.resolve("before.csv");
    Path csvAfter = dir.resolve("after.csv");
    EnginePathsDifferentialTest.writeCsv(data, csv);
    EnginePathsDifferentialTest.writeCsv(changed, csvAfter);
    parquet = dir.resolve("before.parquet");
    typed = dir.resolve("typed.parquet");
    parquetAfter = dir.resolve("after.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String text = "(SELECT * FROM read_csv('%s', all_varchar = true, header = true))";
      s.execute("COPY " + text.formatted(csv) + " TO '" + parquet + "' (FORMAT parquet)");
      s.execute("COPY " + text.formatted(csvAfter) + " TO '" + parquetAfter + "' (FORMAT parquet)");
      // Numbers as numbers: weight and score DOUBLE, the tag an INTEGER.
      s.execute(
          "COPY (SELECT * REPLACE (CAST(weight AS DOUBLE) AS weight, CAST(score AS DOUBLE) AS"
              + " score, CAST(noisy AS INTEGER) AS noisy) FROM "
              + text.formatted(csv)
              + ") TO '"
              + typed
              + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
    }
    spark = LocalSpark.session();
  }

  private static Predictions weighted(PredictionsReader r) {
    return r.actual("label").predicted("pred").id("id").weight("weight").score("score")
        .positive("cat").load();
  }

  private static Dataset<Row> sparkParquet(Path file) {
    return spark.read().parquet(file.toString());
  }

  private static List<Predictions> loaded;

  /** Memory first, then DuckDB's three, then Spark's two; loaded once (loading is pure). */
  private static synchronized List<Predictions> paths() {
    if (loaded == null) {
      loaded = load();
    }
    return loaded;
  }

  private static List<Predictions> load() {
    return List.of(
        weighted(Errata.from(data)),
        weighted(Errata.read(csv.toString())),
        weighted(Errata.read(parquet.toString())),
        weighted(Errata.read(typed.toString())),
        weighted(SparkPredictions.from(sparkParquet(parquet), "spark:before.parquet")),
        weighted(SparkPredictions.from(sparkParquet(typed), "spark:typed.parquet")));
  }

  @Test
  void labelsSizesAndWarningsAreTheSameOnEveryPath() {
    List<Predictions> all = paths();
    for (Predictions p : all) {
      assertEquals(ROWS, p.size(), p.source());
      assertEquals(List.of("1", "1.0", "NA", "cat", "dog"), p.labels().names(), p.source());
      assertEquals(
          all.get(0).warnings(),
          p.warnings().stream().map(w -> w.replace(p.source(), "generated")).toList(),
          p.source());
    }
  }

  @Test
  void countCubesAreIdenticalAndWeightedCountsEqualTo1e12() {
    List<Predictions> all = paths();
    for (List<String> by :
        List.of(
            List.<String>of(),
            List.of("region"),
            List.of("region", "device"),
            List.of("device", "region", "noisy"))) {
      CountCube memory = all.get(0).counts(by, false);
      CountCube memoryWeighted = all.get(0).counts(by);
      for (Predictions p : all.subList(1, all.size())) {
        assertEquals(memory, p.counts(by, false), p.source() + " by " + by);
        CountCube w = p.counts(by);
        assertEquals(memoryWeighted.values(), w.values(), p.source());
        double[] e = memoryWeighted.counts();
        double[] a = w.counts();
        for (int i = 0; i < e.length; i++) {
          assertEquals(e[i], a[i], 1e-12 * Math.max(1, Math.abs(e[i])), p.source() + " " + by);
        }
      }
    }
  }

  @Test
  void reportsSlicesTagsAndComparisonsAgree() {
    List<Predictions> all = paths();
    Predictions memory = all.get(0);
    Table report = ClassificationReport.of(memory).toTable();
    Table slices = Errata.slices(memory).by("region", "device").report().toTable();
    Table tags = TagReport.of(Tags.fromColumns(memory, "noisy")).toTable();
    for (Predictions p : all.subList(1, all.size())) {
      assertTablesClose(report, ClassificationReport.of(p).toTable(), "report " + p.source());
      assertTablesClose(
          slices, Errata.slices(p).by("region", "device").report().toTable(), "slices " + p.source());
      assertTablesClose(
          tags, TagReport.of(Tags.fromColumns(p, "noisy")).toTable(), "tags " + p.source());
    }
    // An audit per slice, with the failing examples (ids) each failed check lists.
    var audit = Errata.audit("accuracy >= 0.86 for every region");
    var expectedAudit = audit.check(memory);
    for (Predictions p : all.subList(4, all.size())) {
      var got = audit.check(p);
      assertTablesClose(expectedAudit.toTable(), got.toTable(), "audit " + p.source());
      for (int i = 0; i < expectedAudit.checks().size(); i++) {
        assertEquals(
            expectedAudit.checks().get(i).examples(),
            got.checks().get(i).examples(),
            "failing examples " + expectedAudit.checks().get(i).subject() + " " + p.source());
      }
    }
    assertTrue(
        expectedAudit.checks().stream()
            .anyMatch(c -> c.status().name().equals("FAIL") && !c.examples().isEmpty()),
        "some region fails the audit, so failing examples are compared");
    Table inMemory =
        Errata.compare(memory, weighted(Errata.from(changed))).by("region").report().toTable();
    Table onSpark =
        Errata.compare(
                all.get(4),
                weighted(SparkPredictions.from(sparkParquet(parquetAfter), "spark:after.parquet")))
            .by("region")
            .report()
            .toTable();
    assertTablesClose(inMemory, onSpark, "comparison");
  }

  @Test
  void perExampleViewsFetchTheSameRows() {
    List<Predictions> all = paths();
    Predictions memory = all.get(0);
    int[] rows = {3999, 0, 17, 17, 2500};
    Table expected = memory.rows(rows);
    for (Predictions p : List.of(all.get(4), all.get(5))) {
      Table got = p.rows(rows);
      assertEquals(expected.columnNames(), got.columnNames());
      for (String c : List.of("id", "label", "pred", "region", "long")) {
        for (int i = 0; i < rows.length; i++) {
          assertEquals(expected.getString(i, c), got.getString(i, c), c + " row " + rows[i]);
        }
      }
      for (int i = 0; i < ROWS; i += 97) {
        assertEquals(memory.actual(i), p.actual(i));
        assertEquals(memory.predicted(i), p.predicted(i));
        assertEquals(memory.weight(i), p.weight(i));
        assertEquals(memory.score(i), p.score(i));
      }
      assertEquals(memory.codes("region").values(), p.codes("region").values());
      var expectedDevices = memory.codes("device");
      var devices = p.codes("device");
      assertEquals(expectedDevices.values(), devices.values());
      for (int i = 0; i < ROWS; i++) {
        assertEquals(expectedDevices.code(i), devices.code(i), "device row " + i);
      }
    }
  }
}
