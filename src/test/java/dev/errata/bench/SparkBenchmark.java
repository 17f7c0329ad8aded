package dev.errata.bench;

import dev.errata.Errata;
import dev.errata.load.Predictions;
import dev.errata.load.SparkPredictions;
import dev.errata.metrics.ClassificationReport;
import dev.errata.slices.SliceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Times Errata's full report and a per-slice report with Spark local as the counting engine,
 * side by side with Errata on embedded DuckDB and with each engine's own GROUP BY, on the same
 * Parquet file in the same run. Not a test.
 *
 * <p>Run: {@code mvn -B -q -pl src -Pspark-bench -DskipTests test} (10^8 rows; fewer with {@code
 * -Dbench.rows=10000000}; the master with {@code -Dspark.master=local[*]}). With {@code
 * -Dbench.compare=N} it also times comparing two runs of N rows joined by id.
 */
public final class SparkBenchmark {

  private SparkBenchmark() {}

  /** Runs the benchmark; args: [rows]. */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
    Path file = ScaleBenchmark.parquet(rows);
    String master = System.getProperty("spark.master", "local[*]");
    long t = System.nanoTime();
    SparkSession spark =
        SparkSession.builder()
            .appName("errata-spark-bench")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.local.dir", Path.of("target", "spark-local").toAbsolutePath().toString())
            .getOrCreate();
    double startup = (System.nanoTime() - t) / 1e6;
    spark.sparkContext().setLogLevel("ERROR");
    try {
      run(spark, file, rows, master, startup);
      long pairs = Long.getLong("bench.compare", 0);
      if (pairs > 0) {
        compare(spark, pairs);
      }
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, Path file, long rows, String master, double startup)
      throws Exception {
    String from = "read_parquet('" + file + "')";
    // One untimed round of every step first: right after the session starts, the JVM is still
    // compiling Spark's classes on the same cores, which would slow whichever step runs first.
    ReportBenchmark.Peer.count("SELECT actual, predicted, count(*) FROM " + from + " GROUP BY ALL");
    spark.read().parquet(file.toString()).groupBy("segment", "actual", "predicted").count()
        .collectAsList();
    checkSlices(
        Errata.slices(Errata.read(file.toString()).actual("actual").predicted("predicted").load())
            .by("segment")
            .report());
    checkSlices(
        Errata.slices(
                SparkPredictions.from(spark.read().parquet(file.toString()), file.toString())
                    .actual("actual")
                    .predicted("predicted")
                    .load())
            .by("segment")
            .report());
    double duckPeerReport =
        ReportBenchmark.best(
            3,
            () ->
                ReportBenchmark.Peer.count(
                    "SELECT actual, predicted, count(*) FROM " + from + " GROUP BY ALL"));
    double duckPeerSlices =
        ReportBenchmark.best(
            3,
            () ->
                ReportBenchmark.Peer.count(
                    "SELECT segment, actual, predicted, count(*) FROM " + from + " GROUP BY ALL"));
    double sparkPeerReport =
        ReportBenchmark.best(
            3,
            () ->
                spark.read().parquet(file.toString()).groupBy("actual", "predicted").count()
                    .collectAsList());
    double sparkPeerSlices =
        ReportBenchmark.best(
            3,
            () ->
                spark.read().parquet(file.toString()).groupBy("segment", "actual", "predicted")
                    .count().collectAsList());
    // Each round keeps its own load: a loaded set keeps the engine's counts, so a second per-slice
    // report on the same set would not scan; every timed slice report below is a first one.
    Predictions[] duck = new Predictions[3];
    int[] round = {0};
    double oursDuckReport =
        ReportBenchmark.best(
            3,
            () -> {
              Predictions p =
                  Errata.read(file.toString()).actual("actual").predicted("predicted").load();
              check(Errata.report(p), rows);
              duck[round[0]++] = p;
            });
    round[0] = 0;
    double oursDuckSlices =
        ReportBenchmark.best(
            3, () -> checkSlices(Errata.slices(duck[round[0]++]).by("segment").report()));
    Predictions[] onSpark = new Predictions[3];
    round[0] = 0;
    double oursSparkReport =
        ReportBenchmark.best(
            3,
            () -> {
              Predictions p =
                  SparkPredictions.from(spark.read().parquet(file.toString()), file.toString())
                      .actual("actual")
                      .predicted("predicted")
                      .load();
              check(Errata.report(p), rows);
              onSpark[round[0]++] = p;
            });
    round[0] = 0;
    double oursSparkSlices =
        ReportBenchmark.best(
            3, () -> checkSlices(Errata.slices(onSpark[round[0]++]).by("segment").report()));
    if (!Errata.slices(duck[0]).by("segment").report().toTable().toString()
        .equals(Errata.slices(onSpark[0]).by("segment").report().toTable().toString())) {
      throw new IllegalStateException("Spark and DuckDB disagree on the per-slice report");
    }
    Map<String, String> out = fileRow(file, rows, "10 classes, a 20-value column");
    out.put(
        "Spark " + master + " on " + Runtime.getRuntime().availableProcessors() + " cores: session start",
        seconds(startup));
    out.put("DuckDB: GROUP BY actual, predicted", seconds(duckPeerReport));
    out.put("Spark: groupBy(actual, predicted).count()", seconds(sparkPeerReport));
    out.put("Errata on DuckDB: read + full report", seconds(oursDuckReport));
    out.put(
        "Errata on Spark: read + full report",
        seconds(oursSparkReport) + ratios(oursSparkReport, oursDuckReport, sparkPeerReport));
    out.put("DuckDB: GROUP BY segment, actual, predicted", seconds(duckPeerSlices));
    out.put("Spark: groupBy(segment, actual, predicted).count()", seconds(sparkPeerSlices));
    out.put(
        "Errata on DuckDB: per-slice report (20 slices, with tests; first on each of 3 loads)",
        seconds(oursDuckSlices));
    out.put(
        "Errata on Spark: per-slice report (20 slices, with tests; first on each of 3 loads)",
        seconds(oursSparkSlices) + ratios(oursSparkSlices, oursDuckSlices, sparkPeerSlices));
    print("All times best of 3, after one untimed round", out);
  }

  /**
   * Times comparing two runs (two predicted columns of one file, joined by a BIGINT id) by a
   * 20-value column: Errata on Spark joins and counts in Spark, Errata on DuckDB joins in memory
   * after fetching both runs' ids and labels; each engine's own full join and GROUP BY beside them.
   */
  private static void compare(SparkSession spark, long rows) throws Exception {
    Path file = Path.of("target", "bench", "pairs-" + rows + ".parquet").toAbsolutePath();
    if (!Files.exists(file)) {
      ReportBenchmark.Peer.sql(
          "COPY (SELECT i AS id, 'c' || (hash(i) % 10) AS actual,"
              + " CASE WHEN hash(i * 7 + 1) % 100 < 85 THEN 'c' || (hash(i) % 10)"
              + " ELSE 'c' || (hash(i * 13 + 5) % 10) END AS predicted,"
              + " CASE WHEN hash(i * 11 + 2) % 100 < 83 THEN 'c' || (hash(i) % 10)"
              + " ELSE 'c' || (hash(i * 17 + 9) % 10) END AS predicted2,"
              + " 's' || (hash(i * 31 + 3) % 20) AS segment FROM range("
              + rows
              + ") t(i)) TO '"
              + file
              + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)");
    }
    String name = file.toString();
    var rowsOnSpark = spark.read().parquet(name);
    Predictions sparkBefore =
        SparkPredictions.from(rowsOnSpark, name).actual("actual").predicted("predicted").id("id").load();
    Predictions sparkAfter =
        SparkPredictions.from(rowsOnSpark, name).actual("actual").predicted("predicted2").id("id").load();
    Predictions duckBefore =
        Errata.read(name).actual("actual").predicted("predicted").id("id").load();
    Predictions duckAfter =
        Errata.read(name).actual("actual").predicted("predicted2").id("id").load();
    String from = "read_parquet('" + file + "')";
    String duckSql =
        "SELECT a.segment, a.actual, a.predicted, b.predicted2, count(*) FROM "
            + from
            + " a FULL JOIN "
            + from
            + " b USING (id) GROUP BY ALL";
    ReportBenchmark.ThrowingRunnable sparkOwn =
        () ->
            rowsOnSpark
                .select("id", "segment", "actual", "predicted")
                .join(rowsOnSpark.select("id", "predicted2"), new String[] {"id"}, "full_outer")
                .groupBy("segment", "actual", "predicted", "predicted2")
                .count()
                .collectAsList();
    String[] tables = new String[2];
    ReportBenchmark.ThrowingRunnable onSpark =
        () -> tables[0] = Errata.compare(sparkBefore, sparkAfter).by("segment").report().toTable().toString();
    ReportBenchmark.ThrowingRunnable onDuck =
        () -> tables[1] = Errata.compare(duckBefore, duckAfter).by("segment").report().toTable().toString();
    for (ReportBenchmark.ThrowingRunnable step :
        List.of(() -> ReportBenchmark.Peer.count(duckSql), sparkOwn, onSpark, onDuck)) {
      step.run(); // untimed round
    }
    double duckOwn = ReportBenchmark.best(3, () -> ReportBenchmark.Peer.count(duckSql));
    double sparkOwnTime = ReportBenchmark.best(3, sparkOwn);
    double oursDuck = ReportBenchmark.best(3, onDuck);
    double oursSpark = ReportBenchmark.best(3, onSpark);
    if (!tables[0].equals(tables[1])) {
      throw new IllegalStateException("Spark and DuckDB disagree on the comparison");
    }
    Map<String, String> out = fileRow(file, rows, "two predicted columns, a BIGINT id");
    out.put("DuckDB: FULL JOIN by id, GROUP BY segment and the three labels", seconds(duckOwn));
    out.put("Spark: full_outer join by id, groupBy(segment and the three labels)", seconds(sparkOwnTime));
    out.put("Errata on DuckDB: compare by segment (ids and labels joined in memory)", seconds(oursDuck));
    out.put(
        "Errata on Spark: compare by segment (joined and counted in Spark)",
        seconds(oursSpark) + ratios(oursSpark, oursDuck, sparkOwnTime));
    print("Comparing two runs; best of 3 after one untimed round", out);
  }

  /** Returns a table's first row: the file, its rows, its size on disk and what it holds. */
  private static Map<String, String> fileRow(Path file, long rows, String holds)
      throws java.io.IOException {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        "file",
        file.getFileName()
            + String.format(
                Locale.ROOT, " (%,d rows, %,d MB Parquet; %s)", rows, Files.size(file) >> 20, holds));
    return out;
  }

  /** Prints {@code heading} with the load average, then {@code out} as the rows of a table. */
  private static void print(String heading, Map<String, String> out) {
    int width = out.keySet().stream().mapToInt(String::length).max().orElse(10);
    System.out.println();
    System.out.println(heading + "; load average at the end " + loadAverage() + ".");
    out.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %-" + width + "s | %s |%n", k, v));
  }

  /** The 1-minute load average, so a busy machine shows in the printed table. */
  private static String loadAverage() {
    return String.format(
        Locale.ROOT,
        "%.1f on %d cores",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static void check(ClassificationReport r, long rows) {
    if (r.metrics().confusion().total() != rows) {
      throw new IllegalStateException("counted " + r.metrics().confusion().total());
    }
  }

  private static void checkSlices(SliceReport s) {
    if (s.slices().size() != 20) {
      throw new IllegalStateException("slices: " + s.slices().size());
    }
  }

  private static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  private static String ratios(double ours, double onDuck, double sparkPeer) {
    return String.format(
        Locale.ROOT, " (%.2f× Errata on DuckDB; %.2f× Spark's own groupBy)", ours / onDuck, ours / sparkPeer);
  }
}
