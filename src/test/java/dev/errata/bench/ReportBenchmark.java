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
            : Path.of("target", "bench", "predictions-" + rows + ".csv");
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
    Path small = Path.of("target", "bench", "warmup.csv");
    generate(small, 200_000, 7L);
    for (int i = 0; i < 3; i++) {
      Table.read().csv(small.toFile());
      Predictions warm = load(small);
      for (int j = 0; j < 5; j++) {
        ClassificationReport.of(warm);
      }
    }
    Map<String, String> results = new LinkedHashMap<>();
    double plain = Double.MAX_VALUE;
    double ours = Double.MAX_VALUE;
    long oursPeak = 0;
    long plainLive = 0;
    long oursLive = 0;
    Predictions p = null;
    for (int round = 0; round < 2; round++) {
      p = null;
      gc();
      long t = System.nanoTime();
      Table t1 = Table.read().csv(file.toFile());
      plain = Math.min(plain, (System.nanoTime() - t) / 1e6);
      if (t1.rowCount() != rows) {
        throw new IllegalStateException("Tablesaw read " + t1.rowCount() + " rows");
      }
      gc();
      plainLive = liveHeap();
      t1 = null;
      gc();
      resetPeaks();
      t = System.nanoTime();
      p = load(file);
      ours = Math.min(ours, (System.nanoTime() - t) / 1e6);
      oursPeak = Math.max(oursPeak, peakHeap());
      gc();
      oursLive = liveHeap();
    }
    double[] report = new double[7];
    double[] confusion = new double[7];
    ClassificationReport r = null;
    resetPeaks();
    for (int i = 0; i < report.length; i++) {
      long t = System.nanoTime();
      ConfusionMatrix cm = Errata.confusion(p);
      confusion[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      r = Errata.report(p);
      report[i] = (System.nanoTime() - t) / 1e6;
      if (cm.total() != rows) {
        throw new IllegalStateException("counted " + cm.total());
      }
    }
    long reportPeak = peakHeap();
    String[] tagColumns = new String[TAGS];
    for (int t = 0; t < TAGS; t++) {
      tagColumns[t] = String.format(Locale.ROOT, "tag_%02d", t + 1);
    }
    long tt = System.nanoTime();
    dev.errata.tags.Tags tags = dev.errata.tags.Tags.fromColumns(p, tagColumns);
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
    results.put(
        "file",
        file
            + " ("
            + String.format(Locale.ROOT, "%,d", Files.size(file) >> 20)
            + " MB, "
            + String.format(Locale.ROOT, "%,d", rows)
            + " rows, "
            + CLASSES
            + " classes, "
            + TAGS
            + " tags)");
    results.put("Tablesaw plain CSV read (Table.read().csv)", ms(plain));
    results.put(
        "Errata load (read + validate + encode + unique ids)",
        ms(ours) + String.format(Locale.ROOT, "  (%.2f× Tablesaw)", ours / plain));
    results.put("confusion matrix after load (median of 7)", ms(median(confusion)));
    results.put(
        "full report after load: confusion + per-class + averages + Wilson + 1,000"
            + " bootstrap resamples (first / median of 7)",
        ms(report[0]) + " / " + ms(median(report)));
    results.put("tag bitsets from the 20 0/1 columns (once, after load)", ms(tagsBuild));
    results.put(
        "per-tag table after load: 20 tags, Wilson intervals (first / median of 7)",
        ms(tagTable[0]) + " / " + ms(median(tagTable)));
    results.put("live heap after load: Tablesaw table / Errata predictions (after GC)",
        mb(plainLive) + " / " + mb(oursLive));
    results.put("peak heap during Errata load (sum of pool peaks)", mb(oursPeak));
    results.put("peak heap during reports", mb(reportPeak));
    results.put(
        "macro F1 (check)",
        String.format(
            Locale.ROOT,
            "%.4f",
            r.metrics().average(dev.errata.metrics.Average.MACRO, dev.errata.metrics.Measure.F1)));
    results.putAll(python(file));
    print(results);
  }

  private static Predictions load(Path file) {
    return Errata.read(file.toString()).actual("actual").predicted("predicted").id("id").load();
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
      StringBuilder header = new StringBuilder("id,actual,predicted");
      for (int t = 1; t <= TAGS; t++) {
        header.append(String.format(Locale.ROOT, ",tag_%02d", t));
      }
      w.write(header.append('\n').toString());
      StringBuilder line = new StringBuilder(128);
      for (int i = 0; i < rows; i++) {
        int actual = draw(random, cumulative, total);
        int predicted = random.nextDouble() < 0.85 ? actual : draw(random, cumulative, total);
        line.setLength(0);
        line.append(i).append(",c").append(actual).append(",c").append(predicted);
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
