package dev.errata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.Errata;
import dev.errata.load.CountCube;
import dev.errata.load.Predictions;
import dev.errata.metrics.ClassificationReport;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The same predictions through the three load paths — a Tablesaw table in memory, a CSV read by
 * DuckDB, a Parquet file read by DuckDB — must give identical counts and the same metrics (to
 * 1e-12) in every analysis: report, slices with intersections, tags, a run comparison.
 */
class EnginePathsDifferentialTest {

  private static final int ROWS = 4_000;
  private static final String[] CLASSES = {"cat", "dog", "NA", "1", "1.0"};
  private static final String[] REGIONS = {"north", "south", "", "east", "#west", "N/A"};
  private static final String[] DEVICES = {"ios", "android", "web"};

  @TempDir static Path dir;
  private static Table data;
  private static Table changed;
  private static Path csv;
  private static Path parquet;
  private static Path csvAfter;

  @BeforeAll
  static void write() throws Exception {
    data = generate(20261202L, 0.8);
    changed = generate(20261202L, 0.7);
    csv = dir.resolve("before.csv");
    csvAfter = dir.resolve("after.csv");
    writeCsv(data, csv);
    writeCsv(changed, csvAfter);
    parquet = dir.resolve("before.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + csv
              + "', all_varchar = true, header = true)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }
  }

  /** Builds rows from a seed; {@code accuracy} is the chance a prediction is right. */
  static Table generate(long seed, double accuracy) {
    SplittableRandom r = new SplittableRandom(seed);
    SplittableRandom p = new SplittableRandom(seed + 1);
    List<StringColumn> cols = new ArrayList<>();
    for (String n :
        List.of("id", "label", "pred", "weight", "score", "region", "device", "noisy", "long")) {
      cols.add(StringColumn.create(n));
    }
    for (int i = 0; i < ROWS; i++) {
      String actual = CLASSES[r.nextInt(CLASSES.length)];
      String predicted = p.nextDouble() < accuracy ? actual : CLASSES[p.nextInt(CLASSES.length)];
      cols.get(0).append("u-" + i);
      cols.get(1).append(actual);
      cols.get(2).append(predicted);
      cols.get(3).append(String.valueOf(r.nextInt(1, 2000) / 1000.0));
      cols.get(4).append(String.valueOf(r.nextInt(0, 1001) / 1000.0));
      cols.get(5).append(REGIONS[r.nextInt(REGIONS.length)]);
      cols.get(6).append(DEVICES[r.nextInt(DEVICES.length)]);
      cols.get(7).append(r.nextDouble() < 0.3 ? "1" : "0");
      cols.get(8).append(i % 997 == 0 ? "x".repeat(5_000) : "short, \"quoted\"");
    }
    return Table.create("generated", cols.toArray(new Column<?>[0]));
  }

  static void writeCsv(Table t, Path file) throws IOException {
    StringBuilder b = new StringBuilder(String.join(",", t.columnNames())).append('\n');
    for (int i = 0; i < t.rowCount(); i++) {
      for (int c = 0; c < t.columnCount(); c++) {
        String v = t.stringColumn(c).get(i);
        boolean quote = v.contains(",") || v.contains("\"");
        b.append(c == 0 ? "" : ",")
            .append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      b.append('\n');
    }
    Files.writeString(file, b.toString());
  }

  private static Predictions load(Function<dev.errata.load.PredictionsReader, Predictions> roles, Object source) {
    dev.errata.load.PredictionsReader reader =
        source instanceof Table t ? Errata.from(t) : Errata.read(source.toString());
    return roles.apply(reader);
  }

  private static Predictions weighted(dev.errata.load.PredictionsReader r) {
    return r.actual("label").predicted("pred").id("id").weight("weight").score("score")
        .positive("cat").load();
  }

  private static List<Predictions> threePaths() {
    return List.of(
        load(EnginePathsDifferentialTest::weighted, data),
        load(EnginePathsDifferentialTest::weighted, csv),
        load(EnginePathsDifferentialTest::weighted, parquet));
  }

  @Test
  void labelsAndSizesAreTheSameOnEveryPath() {
    List<Predictions> all = threePaths();
    for (Predictions p : all) {
      assertEquals(ROWS, p.size(), p.source());
      assertEquals(List.of("1", "1.0", "NA", "cat", "dog"), p.labels().names(), p.source());
    }
    assertEquals(all.get(0).warnings(), all.get(2).warnings().stream()
        .map(w -> w.replace(parquet.toString(), "generated")).toList());
  }

  @Test
  void countCubesAreIdentical() {
    List<Predictions> all = threePaths();
    for (List<String> by :
        List.of(
            List.<String>of(),
            List.of("region"),
            List.of("region", "device"),
            List.of("device", "region", "noisy"))) {
      CountCube memory = all.get(0).counts(by, false);
      CountCube memoryWeighted = all.get(0).counts(by);
      double total = 0;
      for (double v : memory.counts()) {
        total += v;
      }
      assertEquals(ROWS, total, 0.0, "every row counted once by " + by);
      for (Predictions p : all.subList(1, 3)) {
        assertEquals(memory, p.counts(by, false), p.source() + " by " + by);
        CountCube w = p.counts(by);
        assertEquals(memoryWeighted.values(), w.values());
        assertClose(memoryWeighted.counts(), w.counts(), p.source() + " weighted by " + by);
      }
    }
    assertTrue(all.get(1).counts(List.of("region")).values().get(0).contains("N/A"));
    assertTrue(all.get(1).counts(List.of("region")).values().get(0).contains("#west"));
  }

  @Test
  void reportsSlicesTagsAndComparisonsAgree() {
    List<Predictions> all = threePaths();
    Table report = ClassificationReport.of(all.get(0)).toTable();
    Table slices = Errata.slices(all.get(0)).by("region", "device").report().toTable();
    Table tags = TagReport.of(Tags.fromColumns(all.get(0), "noisy")).toTable();
    for (Predictions p : all.subList(1, 3)) {
      assertTablesClose(report, ClassificationReport.of(p).toTable(), "report " + p.source());
      assertTablesClose(
          slices, Errata.slices(p).by("region", "device").report().toTable(), "slices " + p.source());
      assertTablesClose(
          tags, TagReport.of(Tags.fromColumns(p, "noisy")).toTable(), "tags " + p.source());
    }
    Predictions afterInMemory = load(EnginePathsDifferentialTest::weighted, changed);
    Predictions afterCsv = load(EnginePathsDifferentialTest::weighted, csvAfter);
    Table memory = Errata.compare(all.get(0), afterInMemory).by("region").report().toTable();
    Table files = Errata.compare(all.get(1), afterCsv).by("region").report().toTable();
    assertTablesClose(memory, files, "comparison");
  }

  @Test
  void rowBitsPackedByTheEngineAreTheRowsOfTheWrittenData() {
    java.util.BitSet errors = new java.util.BitSet();
    java.util.BitSet noisy = new java.util.BitSet();
    java.util.Set<String> regions = new java.util.HashSet<>();
    for (int i = 0; i < ROWS; i++) {
      errors.set(i, !data.stringColumn("label").get(i).equals(data.stringColumn("pred").get(i)));
      noisy.set(i, data.stringColumn("noisy").get(i).equals("1"));
      String region = data.stringColumn("region").get(i);
      regions.add(region.isEmpty() ? dev.errata.load.ColumnCodes.MISSING : region);
    }
    for (Predictions p : threePaths()) {
      assertEquals(errors, p.errorRows(), "errors " + p.source());
      List<java.util.BitSet> got = p.rowsWhere(List.of("noisy", "region"), java.util.Set.of("1", REGIONS[0]));
      assertEquals(noisy, got.get(0), "noisy = 1 " + p.source());
      java.util.BitSet first = new java.util.BitSet();
      for (int i = 0; i < ROWS; i++) {
        first.set(i, data.stringColumn("region").get(i).equals(REGIONS[0]));
      }
      assertEquals(first, got.get(1), "region " + p.source());
      assertEquals(List.of(java.util.Set.of("0", "1"), regions), p.distinctValues(List.of("noisy", "region")));
    }
  }

  @Test
  void perExampleViewsFetchTheSameRows() {
    List<Predictions> all = threePaths();
    int[] rows = {3999, 0, 17, 17, 2500};
    Table expected = all.get(0).rows(rows);
    for (Predictions p : all.subList(1, 3)) {
      Table got = p.rows(rows);
      assertEquals(expected.columnNames(), got.columnNames());
      for (String c : expected.columnNames()) {
        for (int i = 0; i < rows.length; i++) {
          assertEquals(expected.getString(i, c), got.getString(i, c), c + " row " + rows[i]);
        }
      }
      for (int i = 0; i < ROWS; i += 97) {
        assertEquals(all.get(0).actual(i), p.actual(i));
        assertEquals(all.get(0).predicted(i), p.predicted(i));
        assertEquals(all.get(0).weight(i), p.weight(i));
        assertEquals(all.get(0).score(i), p.score(i));
      }
      assertEquals(all.get(0).codes("region").values(), p.codes("region").values());
    }
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
    }
  }

  /** Same shape, same text cells, numbers equal to 1e-12 (relative above 1). */
  static void assertTablesClose(Table expected, Table actual, String what) {
    assertEquals(expected.columnNames(), actual.columnNames(), what);
    assertEquals(expected.rowCount(), actual.rowCount(), what);
    for (int c = 0; c < expected.columnCount(); c++) {
      Column<?> e = expected.column(c);
      Column<?> a = actual.column(c);
      for (int r = 0; r < expected.rowCount(); r++) {
        if (e instanceof tech.tablesaw.api.NumericColumn<?> n) {
          double x = n.getDouble(r);
          double y = ((tech.tablesaw.api.NumericColumn<?>) a).getDouble(r);
          if (Double.isNaN(x)) {
            assertTrue(Double.isNaN(y), what + " " + e.name() + " row " + r);
          } else {
            assertEquals(x, y, 1e-12 * Math.max(1, Math.abs(x)), what + " " + e.name() + " row " + r);
          }
        } else {
          assertEquals(e.getString(r), a.getString(r), what + " " + e.name() + " row " + r);
        }
      }
    }
  }
}
