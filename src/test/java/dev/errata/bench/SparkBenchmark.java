package dev.errata.bench;

import dev.errata.Errata;
import dev.errata.load.Predictions;
import dev.errata.load.SparkPredictions;
import dev.errata.metrics.ClassificationReport;
import dev.errata.slices.SliceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Times Errata's full report and a per-slice report with Spark local as the counting engine,
 * side by side with Errata on embedded DuckDB and with each engine's own GROUP BY, on the same
 * Parquet file in the same run. Not a test.
 *
 * <p>Run: {@code mvn -B -q -pl src -Pspark-bench -DskipTests test} (10^8 rows; fewer with {@code
 * -Dbench.rows=10000000}; the master with {@code -Dspark.master=local[*]}).
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
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, Path file, long rows, String master, double startup)
      throws Exception {
    String from = "read_parquet('" + file + "')";
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
    Predictions[] duck = {null};
    double oursDuckReport =
        ReportBenchmark.best(
            3,
            () -> {
              duck[0] = Errata.read(file.toString()).actual("actual").predicted("predicted").load();
              check(Errata.report(duck[0]), rows);
            });
    double oursDuckSlices =
        ReportBenchmark.best(3, () -> checkSlices(Errata.slices(duck[0]).by("segment").report()));
    Predictions[] onSpark = {null};
    double oursSparkReport =
        ReportBenchmark.best(
            3,
            () -> {
              onSpark[0] =
                  SparkPredictions.from(spark.read().parquet(file.toString()), file.toString())
                      .actual("actual")
                      .predicted("predicted")
                      .load();
              check(Errata.report(onSpark[0]), rows);
            });
    double oursSparkSlices =
        ReportBenchmark.best(
            3, () -> checkSlices(Errata.slices(onSpark[0]).by("segment").report()));
    if (!Errata.slices(duck[0]).by("segment").report().toTable().toString()
        .equals(Errata.slices(onSpark[0]).by("segment").report().toTable().toString())) {
      throw new IllegalStateException("Spark and DuckDB disagree on the per-slice report");
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        "file",
        file.getFileName()
            + String.format(
                Locale.ROOT,
                " (%,d rows, %,d MB Parquet; 10 classes, a 20-value column)",
                rows,
                Files.size(file) >> 20));
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
    out.put("Errata on DuckDB: per-slice report (20 slices, with tests)", seconds(oursDuckSlices));
    out.put(
        "Errata on Spark: per-slice report (20 slices, with tests)",
        seconds(oursSparkSlices) + ratios(oursSparkSlices, oursDuckSlices, sparkPeerSlices));
    int width = out.keySet().stream().mapToInt(String::length).max().orElse(10);
    System.out.println();
    System.out.println("All times best of 3.");
    out.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %-" + width + "s | %s |%n", k, v));
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
