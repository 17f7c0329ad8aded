package dev.errata.bench;

import dev.errata.Errata;
import dev.errata.load.Predictions;
import dev.errata.metrics.ClassificationReport;
import dev.errata.metrics.ConfusionMatrix;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import tech.tablesaw.api.Table;

/**
 * Times loading and reporting 10^7 predictions (10 classes, 20 boolean tags) against Tablesaw's
 * plain CSV read, scikit-learn and pandas, on one generated file; prints one table. Not a test.
 *
 * <p>Run: {@code mvn -B -q -o -pl src -Pbench -DskipTests test} (rows: {@code -Dbench.rows=N}).
 */
public final class ReportBenchmark {

  private static final int CLASSES = 10;
  private static final int TAGS = 20;

  private ReportBenchmark() {}

  /** Runs the benchmark; args: [rows] [file]. */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Path file =
        args.length > 1
            ? Path.of(args[1])
            : Path.of("target", "bench", "predictions-v2-" + rows + ".csv");
    System.setProperty(
        "errata.cache", Path.of("target", "bench", "cache").toAbsolutePath().toString());
    System.setProperty("errata.cache.minBytes", "0");
    if (!Files.exists(file)) {
      long t = System.nanoTime();
      generate(file, rows, 20260101L);
      System.out.printf(
          Locale.ROOT,
          "generated %s (%,d rows, %,d MB) in %.1f s%n",
          file,
          rows,
          Files.size(file) >> 20,
          (System.nanoTime() - t) / 1e9);
    }
    Path parquet = Path.of(file.toString().replaceAll("\\.csv$", ".parquet"));
    if (!Files.exists(parquet)) {
      Peer.sql(
          "COPY (SELECT * FROM read_csv('"
              + file
              + "')) TO '"
              + parquet
              + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    Path small = Path.of("target", "bench", "warmup.csv");
    generate(small, 200_000, 7L);
    for (int i = 0; i < 3; i++) {
      Predictions warm = Errata.read(small.toString()).actual("actual").predicted("predicted").cache(false).load();
      Errata.report(warm);
      Errata.slices(warm).by("segment").report();
    }
    Map<String, String> results = new LinkedHashMap<>();
    results.put(
        "file",
        file
            + " ("
            + String.format(Locale.ROOT, "%,d", Files.size(file) >> 20)
            + " MB, "
            + String.format(Locale.ROOT, "%,d", rows)
            + " rows, "
            + CLASSES
            + " classes, a 20-value column, "
            + TAGS
            + " tags); Parquet copy "
            + String.format(Locale.ROOT, "%,d", Files.size(parquet) >> 20)
            + " MB");

    // The peer: DuckDB's own GROUP BY, embedded, same JVM, same files.
    String byClass = "SELECT actual, predicted, count(*) FROM %s GROUP BY ALL";
    double duckCsv = best(3, () -> Peer.count(String.format(byClass, "read_csv('" + file + "')")));
    double duckParquet =
        best(5, () -> Peer.count(String.format(byClass, "read_parquet('" + parquet + "')")));

    // Ours, first read of the CSV: cache cleared each round, so the file is parsed.
    double first = Double.MAX_VALUE;
    double firstLoad = 0;
    long peak = 0;
    Predictions p = null;
    for (int round = 0; round < 2; round++) {
      dev.errata.load.FileCache.clear();
      p = null;
      gc();
      resetPeaks();
      long t = System.nanoTime();
      p = load(file, false);
      double loaded = (System.nanoTime() - t) / 1e6;
      check(Errata.report(p), rows);
      double total = (System.nanoTime() - t) / 1e6;
      peak = Math.max(peak, peakHeap());
      if (total < first) {
        first = total;
        firstLoad = loaded;
      }
      if (round == 0) {
        long w = System.nanoTime();
        p.awaitCache(java.time.Duration.ofMinutes(10));
        results.put(
            "columnar copy of the CSV, written in the background after the first read",
            ms((System.nanoTime() - w) / 1e6 + 0.0) + " after the read returned");
      }
    }
    p.awaitCache(java.time.Duration.ofMinutes(10));
    double[] again = new double[5];
    for (int i = 0; i < again.length; i++) {
      long t = System.nanoTime();
      Predictions q = load(file, false);
      check(Errata.report(q), rows);
      again[i] = (System.nanoTime() - t) / 1e6;
    }
    double fromParquet =
        best(
            3,
            () -> {
              Predictions q = load(parquet, false);
              check(Errata.report(q), rows);
            });
    gc();
    Predictions live = load(file, false);
    Errata.report(live);
    gc();
    long liveHeap = liveHeap();

    results.put("DuckDB: GROUP BY actual, predicted over the CSV (best of 3)", ms(duckCsv));
    results.put(
        "Errata: %predictions + %metrics on the CSV, first read (best of 2; load "
            + ms(firstLoad)
            + ")",
        ms(first) + ratio(first, duckCsv, 1.5));
    results.put(
        "Errata: the same CSV again, unchanged (columnar copy; median of 5)",
        ms(median(again)) + " (target ≤ 200 ms)");
    results.put("DuckDB: GROUP BY actual, predicted over the Parquet file (best of 5)", ms(duckParquet));
    results.put(
        "Errata: %predictions + %metrics on the Parquet file (best of 3)",
        ms(fromParquet) + ratio(fromParquet, duckParquet, 10));

    // After load: reports, slices, tags.
    double[] report = new double[7];
    for (int i = 0; i < report.length; i++) {
      long t = System.nanoTime();
      check(Errata.report(live), rows);
      report[i] = (System.nanoTime() - t) / 1e6;
    }
    double duckSlices =
        best(
            5,
            () ->
                Peer.count(
                    "SELECT segment, actual, predicted, count(*) FROM read_parquet('"
                        + dev.errata.load.FileCache.files()
                        + "/*.parquet') GROUP BY ALL"));
    double[] slices = new double[7];
    for (int i = 0; i < slices.length; i++) {
      long t = System.nanoTime();
      var sr = Errata.slices(live).by("segment").report();
      slices[i] = (System.nanoTime() - t) / 1e6;
      if (sr.slices().size() != 20) {
        throw new IllegalStateException("expected 20 slices, got " + sr.slices().size());
      }
    }
    String[] tagColumns = new String[TAGS];
    for (int t = 0; t < TAGS; t++) {
      tagColumns[t] = String.format(Locale.ROOT, "tag_%02d", t + 1);
    }
    long tt = System.nanoTime();
    dev.errata.tags.Tags tags = dev.errata.tags.Tags.fromColumns(live, tagColumns);
    double tagsBuild = (System.nanoTime() - tt) / 1e6;
    double[] tagTable = new double[7];
    for (int i = 0; i < tagTable.length; i++) {
      long t = System.nanoTime();
      dev.errata.tags.TagReport tr = dev.errata.tags.TagReport.of(tags);
      tagTable[i] = (System.nanoTime() - t) / 1e6;
      if (tr.all().examples() != rows) {
        throw new IllegalStateException("tag table counted " + tr.all().examples());
      }
    }
    gc();
    long afterTags = liveHeap();
    long t = System.nanoTime();
    load(file, true);
    double withIds = (System.nanoTime() - t) / 1e6;

    results.put(
        "full report after load: confusion + per-class + averages + Wilson + 1,000 bootstrap"
            + " resamples (first / median of 7)",
        ms(report[0]) + " / " + ms(median(report)) + " (target ≤ 100 ms)");
    results.put("DuckDB: GROUP BY segment, actual, predicted over the columnar copy (best of 5)", ms(duckSlices));
    results.put(
        "per-slice report by a 20-value column after load, with tests: first (one scan)",
        ms(slices[0]) + ratio(slices[0], duckSlices, 2));
    results.put(
        "the same per-slice report again (the engine's counts are kept; median of 6)",
        ms(median(java.util.Arrays.copyOfRange(slices, 1, slices.length))) + " (target ≤ 100 ms)");
    results.put("tag bitsets from the 20 0/1 columns (once, fetched from DuckDB)", ms(tagsBuild));
    results.put(
        "per-tag table after load: 20 tags, Wilson intervals (first / median of 7)",
        ms(tagTable[0]) + " / " + ms(median(tagTable)) + " (target ≤ 100 ms)");
    results.put("live heap after load (after GC; target ≤ 300 MB)", mb(liveHeap));
    results.put("live heap after the per-tag table (20 tag bitsets)", mb(afterTags));
    results.put("peak heap during the first read (target ≤ 1 GB)", mb(peak));
    results.put("load with --id (every id checked unique by DuckDB), from the columnar copy", ms(withIds));
    if (Boolean.parseBoolean(System.getProperty("bench.python", "true"))) {
      results.putAll(python(file));
    }
    print(results);
  }

  private static void check(ClassificationReport r, int rows) {
    if (r.metrics().confusion().total() != rows) {
      throw new IllegalStateException("counted " + r.metrics().confusion().total() + " of " + rows);
    }
  }

  private static String ratio(double ours, double peer, double target) {
    return String.format(Locale.ROOT, " (%.2f× DuckDB; target ≤ %s×)", ours / peer, target % 1 == 0 ? String.valueOf((int) target) : String.valueOf(target));
  }

  /** Times {@code run} {@code rounds} times and returns the fastest, in milliseconds. */
  static double best(int rounds, ThrowingRunnable run) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      run.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }

  /** A timed step. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** DuckDB on its own: a plain embedded connection, as a user of DuckDB's JDBC driver has. */
  static final class Peer {
    private static java.sql.Connection connection;

    private Peer() {}

    static synchronized java.sql.Connection connection() throws java.sql.SQLException {
      if (connection == null) {
        connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
      }
      return connection;
    }

    static void sql(String sql) throws java.sql.SQLException {
      try (var s = connection().createStatement()) {
        s.execute(sql);
      }
    }

    static long count(String sql) throws java.sql.SQLException {
      long n = 0;
      try (var s = connection().createStatement();
          var r = s.executeQuery(sql)) {
        while (r.next()) {
          n++;
        }
      }
      return n;
    }
  }

  private static Predictions load(Path file, boolean ids) {
    var reader = Errata.read(file.toString()).actual("actual").predicted("predicted");
    return ids ? reader.id("id").load() : reader.load();
  }

  /** Writes rows of id, actual, predicted (85 % right), 20 tags as 0/1; skewed classes. */
  static void generate(Path file, int rows, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(seed);
    double[] cumulative = new double[CLASSES];
    double total = 0;
    for (int c = 0; c < CLASSES; c++) {
      total += 1.0 / (c + 1);
      cumulative[c] = total;
    }
    double[] tagRate = new double[TAGS];
    for (int t = 0; t < TAGS; t++) {
      tagRate[t] = 0.02 + 0.3 * t / TAGS;
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("id,actual,predicted,segment");
      for (int t = 1; t <= TAGS; t++) {
        header.append(String.format(Locale.ROOT, ",tag_%02d", t));
      }
      w.write(header.append('\n').toString());
      StringBuilder line = new StringBuilder(128);
      for (int i = 0; i < rows; i++) {
        int actual = draw(random, cumulative, total);
        int predicted = random.nextDouble() < 0.85 ? actual : draw(random, cumulative, total);
        line.setLength(0);
        line.append(i).append(",c").append(actual).append(",c").append(predicted)
            .append(",s").append(random.nextInt(20));
        for (int t = 0; t < TAGS; t++) {
          line.append(random.nextDouble() < tagRate[t] ? ",1" : ",0");
        }
        w.write(line.append('\n').toString());
      }
    }
  }

  private static int draw(SplittableRandom random, double[] cumulative, double total) {
    double u = random.nextDouble() * total;
    for (int c = 0; c < cumulative.length; c++) {
      if (u < cumulative[c]) {
        return c;
      }
    }
    return cumulative.length - 1;
  }

  /** Runs the committed scikit-learn / pandas timing script on the same file, if it can. */
  private static Map<String, String> python(Path file) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Path script = Path.of("target", "bench", "sklearn_benchmark.py");
    try (var in = ReportBenchmark.class.getResourceAsStream("sklearn_benchmark.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p =
        new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      out.put("scikit-learn / pandas", "not run (exit " + p.exitValue() + "): " + text.strip());
      return out;
    }
    for (String line : text.strip().split("\n")) {
      int tab = line.indexOf('\t');
      out.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return out;
  }

  private static void print(Map<String, String> results) {
    int width = results.keySet().stream().mapToInt(String::length).max().orElse(10);
    System.out.println();
    for (Map.Entry<String, String> e : results.entrySet()) {
      System.out.printf(Locale.ROOT, "| %-" + width + "s | %s |%n", e.getKey(), e.getValue());
    }
  }

  private static void gc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long liveHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String ms(double millis) {
    return millis >= 10_000
        ? String.format(Locale.ROOT, "%.1f s", millis / 1000)
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
