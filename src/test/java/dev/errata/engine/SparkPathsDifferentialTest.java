package dev.errata.engine;

import static dev.errata.engine.EnginePathsDifferentialTest.assertTablesClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Errata;
import dev.errata.compare.Join;
import dev.errata.compare.ModelComparison;
import dev.errata.compare.SliceDelta;
import dev.errata.load.CountCube;
import dev.errata.load.PairedCounts;
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
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
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

  /** Writes an all-text table as Parquet (through a CSV, as the other files are written). */
  private static Path parquetOf(Table t, String name) throws Exception {
    Path text = dir.resolve(name + ".csv");
    Path out = dir.resolve(name + ".parquet");
    EnginePathsDifferentialTest.writeCsv(t, text);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('%s', all_varchar = true, header = true)) TO '%s' (FORMAT parquet)"
              .formatted(text, out));
    }
    return out;
  }

  /**
   * The second run of a comparison, built so that every kind of join outcome occurs and its count
   * and first ids are known by construction: rows of {@code changed} whose number is 7 mod 50 are
   * left out (80 ids only before: u-7, u-57, …), those 3 mod 40 get another actual label (100
   * relabelled: u-3, u-43, …), 25 new ids v-0…v-24 are inserted in reverse (only after: v-24,
   * v-23, …), the rows are in reverse order, and a column "reviewer" exists only in this run.
   */
  private static Table edited() {
    List<String> names = new ArrayList<>(changed.columnNames());
    names.add("reviewer");
    List<StringColumn> cols = new ArrayList<>();
    for (String n : names) {
      cols.add(StringColumn.create(n));
    }
    int added = 25;
    int out = 0;
    for (int i = ROWS - 1; i >= 0; i--) {
      if (i % 50 == 7) {
        continue;
      }
      append(cols, i, i % 40 == 3, null);
      if (++out % 150 == 0 && added > 0) {
        append(cols, (i * 31) % ROWS, false, "v-" + (--added));
      }
    }
    while (added > 0) {
      append(cols, added, false, "v-" + (--added));
    }
    return Table.create("edited", cols.toArray(StringColumn[]::new));
  }

  private static void append(List<StringColumn> cols, int row, boolean relabel, String newId) {
    for (int c = 0; c < changed.columnCount(); c++) {
      String v = changed.stringColumn(c).get(row);
      String name = changed.column(c).name();
      if (name.equals("id") && newId != null) {
        v = newId;
      } else if (name.equals("label") && relabel) {
        v = v.equals("cat") ? "dog" : "cat";
      }
      cols.get(c).append(v);
    }
    cols.get(cols.size() - 1).append(row % 17 == 0 ? "" : "r" + (row % 3));
  }

  private static List<String> ids(String prefix, int from, int step, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + (from + i * step));
    }
    return out;
  }

  /** Identical counts (each slice's two matrices, paired outcomes, the join), tables to 1e-12. */
  private static void assertSameComparison(
      ModelComparison expected, ModelComparison got, String what) {
    assertEquals(expected.join(), got.join(), what + ": join");
    assertEquals(expected.slices().size(), got.slices().size(), what + ": slices");
    List<SliceDelta> e = new ArrayList<>(expected.slices());
    List<SliceDelta> g = new ArrayList<>(got.slices());
    e.add(0, expected.overall());
    g.add(0, got.overall());
    for (int i = 0; i < e.size(); i++) {
      String at = what + " " + e.get(i).describe();
      assertEquals(e.get(i).columns(), g.get(i).columns(), at);
      assertEquals(e.get(i).values(), g.get(i).values(), at);
      assertEquals(e.get(i).outcomes(), g.get(i).outcomes(), at + ": outcomes");
      assertEquals(e.get(i).before().labels(), g.get(i).before().labels(), at);
      assertEquals(e.get(i).after().labels(), g.get(i).after().labels(), at);
      assertArrayEquals(e.get(i).before().counts(), g.get(i).before().counts(), at + ": before");
      assertArrayEquals(e.get(i).after().counts(), g.get(i).after().counts(), at + ": after");
      assertEquals(e.get(i).adjustedP(), g.get(i).adjustedP(), 1e-12, at + ": p (BH)");
    }
    assertTablesClose(expected.toTable(), got.toTable(), what);
    assertTablesClose(expected.joinTable(), got.joinTable(), what + ": join table");
  }

  @Test
  void comparingTwoRunsJoinsByIdInSparkAsInMemory() throws Exception {
    Table after = edited();
    Path afterFile = parquetOf(after, "edited");
    Predictions memoryBefore = weighted(Errata.from(data));
    Predictions memoryAfter = weighted(Errata.from(after));
    Predictions sparkBefore = weighted(SparkPredictions.from(sparkParquet(parquet), "generated"));
    Predictions sparkAfter = weighted(SparkPredictions.from(sparkParquet(afterFile), "edited"));
    List<String> roles = List.of("a", "b", "c", "d");
    assertTrue(
        PairedCounts.byId(sparkBefore, sparkAfter, List.of("region"), "j", roles, 20).isPresent(),
        "two Spark runs are joined and counted in Spark");
    assertFalse(
        PairedCounts.byId(memoryBefore, memoryAfter, List.of("region"), "j", roles, 20).isPresent(),
        "runs in memory are joined in memory");
    assertFalse(
        PairedCounts.byId(sparkBefore, memoryAfter, List.of("region"), "j", roles, 20).isPresent(),
        "a Spark run and a run in memory are joined in memory");

    // The join, known by construction; both paths must say exactly this.
    Join expectedJoin =
        new Join(
            ROWS - 80,
            80,
            ids("u-", 7, 50, 20),
            25,
            ids("v-", 24, -1, 20),
            100,
            ids("u-", 3, 40, 20));
    ModelComparison whole = Errata.compare(memoryBefore, memoryAfter).report();
    assertEquals(expectedJoin, whole.join(), "in memory");
    assertEquals(ROWS - 80, whole.overall().n());

    for (List<String> by :
        List.of(
            List.<String>of(),
            List.of("region"),
            List.of("region", "device"),
            List.of("reviewer"),
            List.of("reviewer", "region"),
            List.of("device", "region", "noisy"))) {
      ModelComparison expected = Errata.compare(memoryBefore, memoryAfter).by(by).report();
      ModelComparison got = Errata.compare(sparkBefore, sparkAfter).by(by).report();
      assertEquals(expectedJoin, got.join(), "Spark by " + by);
      assertSameComparison(expected, got, "Spark by " + by);
      assertEquals(expected.before(), got.before());
      assertEquals(expected.after(), got.after());
    }
    // Typed columns (noisy an INTEGER) slice as text does; a mixed pair is joined in memory.
    assertSameComparison(
        Errata.compare(memoryBefore, memoryAfter).by("noisy", "region").report(),
        Errata.compare(
                weighted(SparkPredictions.from(sparkParquet(typed), "generated")), sparkAfter)
            .by("noisy", "region")
            .report(),
        "typed Parquet by noisy, region");
    assertSameComparison(
        Errata.compare(memoryBefore, memoryAfter).by("device").report(),
        Errata.compare(sparkBefore, memoryAfter).by("device").report(),
        "Spark before, memory after");
    // By tags the rows of each tag are known in the notebook, so both runs are joined there.
    assertSameComparison(
        Errata.compare(memoryBefore, memoryAfter)
            .byTags(Tags.fromColumns(memoryBefore, "noisy"))
            .report(),
        Errata.compare(sparkBefore, sparkAfter).byTags(Tags.fromColumns(sparkBefore, "noisy")).report(),
        "Spark by tags");
  }

  @Test
  void twoRunsInOneDatasetAndRunsWithNoCommonIdAgree() throws Exception {
    // Two predicted columns of one Dataset: Spark joins the Dataset with itself.
    Table both = data.copy().setName("two-runs");
    both.addColumns(changed.stringColumn("pred").copy().setName("pred2"));
    Dataset<Row> rows = sparkParquet(parquetOf(both, "two-runs"));
    ModelComparison expected =
        Errata.compare(run(Errata.from(both), "pred"), run(Errata.from(both), "pred2"))
            .by("region")
            .report();
    ModelComparison got =
        Errata.compare(
                run(SparkPredictions.from(rows, "two-runs"), "pred"),
                run(SparkPredictions.from(rows, "two-runs"), "pred2"))
            .by("region")
            .report();
    assertSameComparison(expected, got, "one Dataset, two predicted columns");
    assertTrue(expected.join().clean());
    assertEquals(ROWS, got.overall().n());

    // No id in common: the same refusal, naming the first ids of each run.
    Table renamed = data.copy().setName("renamed");
    StringColumn id = renamed.stringColumn("id");
    for (int i = 0; i < id.size(); i++) {
      id.set(i, "w-" + id.get(i));
    }
    Dataset<Row> renamedRows = sparkParquet(parquetOf(renamed, "renamed"));
    String inMemory =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Errata.compare(weighted(Errata.from(data)), weighted(Errata.from(renamed)))
                        .report())
            .getMessage();
    String onSpark =
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Errata.compare(
                            weighted(SparkPredictions.from(sparkParquet(parquet), "generated")),
                            weighted(SparkPredictions.from(renamedRows, "renamed")))
                        .report())
            .getMessage();
    assertEquals(
        "No id of generated (column \"id\") appears in renamed (column \"id\"); first ids"
            + " [u-0, u-1, u-2] and [w-u-0, w-u-1, w-u-2]",
        inMemory);
    assertEquals(inMemory, onSpark);
  }

  /** A copy whose ids are whole numbers: u-i becomes i, v-j becomes 100000 + j. */
  private static Table numberIds(Table t) {
    Table out = t.copy();
    StringColumn id = out.stringColumn("id");
    for (int i = 0; i < id.size(); i++) {
      int n = Integer.parseInt(id.get(i).substring(2));
      id.set(i, String.valueOf(id.get(i).startsWith("v-") ? 100_000 + n : n));
    }
    return out;
  }

  /** Writes an all-text table as Parquet with the id column cast to {@code type}. */
  private static Path typedIds(Table t, String name, String type) throws Exception {
    Path text = dir.resolve(name + ".csv");
    Path out = dir.resolve(name + ".parquet");
    EnginePathsDifferentialTest.writeCsv(t, text);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          ("COPY (SELECT * REPLACE (CAST(id AS %s) AS id) FROM read_csv('%s', all_varchar = true,"
                  + " header = true)) TO '%s' (FORMAT parquet)")
              .formatted(type, text, out));
    }
    return out;
  }

  @Test
  void idsStoredAsNumbersJoinAsTheirTextDoes() throws Exception {
    Table before = numberIds(data);
    Table after = numberIds(edited());
    ModelComparison expected =
        Errata.compare(weighted(Errata.from(before)), weighted(Errata.from(after)))
            .by("region")
            .report();
    assertEquals(
        new Join(
            ROWS - 80,
            80,
            ids("", 7, 50, 20),
            25,
            ids("", 100_024, -1, 20),
            100,
            ids("", 3, 40, 20)),
        expected.join());
    Predictions longIds =
        weighted(SparkPredictions.from(sparkParquet(typedIds(before, "long-ids", "BIGINT")), "generated"));
    // BIGINT with INTEGER ids joins on the numbers; BIGINT with text ids joins on the text.
    for (Path afterFile :
        List.of(typedIds(after, "int-ids", "INTEGER"), parquetOf(after, "text-ids"))) {
      Predictions afterRun = weighted(SparkPredictions.from(sparkParquet(afterFile), "edited"));
      assertSameComparison(
          expected,
          Errata.compare(longIds, afterRun).by("region").report(),
          "number ids, " + afterFile.getFileName());
    }
  }

  private static Predictions run(PredictionsReader r, String predicted) {
    return r.actual("label").predicted(predicted).id("id").positive("cat").load();
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
