package dev.errata.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Measures the log's budgets on a SQLite file under target/ (not a test: timings vary by machine).
 * Run from the repository root with:
 *
 * <pre>
 * mvn -B -q -o -pl src test-compile exec:java -Dexec.mainClass=dev.errata.log.LogBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * Budgets: appending a run with 50 metrics, median ≤ 20 ms; listing 10,000 runs into a table ≤ 1 s.
 */
public final class LogBenchmark {

  private LogBenchmark() {}

  /** Prints the medians. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
    Path db = dir.resolve("bench-" + System.nanoTime() + ".db");
    int runs = 10_000;
    CodeVersion code = CodeVersion.of(Path.of("")); // real git probe once, as a notebook run does
    double[] append = new double[runs];
    try (ExperimentLog log = ExperimentLog.open(db.toString())) {
      for (int i = 0; i < runs; i++) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 0.001 * (i % 10 + 1));
        params.put("depth", i % 7);
        params.put("optimizer", i % 2 == 0 ? "adam" : "sgd");
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k = 0; k < 50; k++) {
          metrics.put("metric" + k, Math.sin(i + k));
        }
        long t0 = System.nanoTime();
        log.start("run-" + i, params, code).metrics(metrics).finish();
        append[i] = (System.nanoTime() - t0) / 1e6;
      }
      double[] list = new double[7];
      Table t = null;
      for (int k = 0; k < list.length; k++) {
        long t0 = System.nanoTime();
        t = log.runs();
        list[k] = (System.nanoTime() - t0) / 1e6;
      }
      double[] withGit = new double[200];
      for (int i = 0; i < withGit.length; i++) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k = 0; k < 50; k++) {
          metrics.put("metric" + k, (double) k);
        }
        long t0 = System.nanoTime();
        log.start("with-git-" + i, Map.of("lr", 0.01)).metrics(metrics).finish(); // probes git each time
        withGit[i] = (System.nanoTime() - t0) / 1e6;
      }
      double[] single = new double[200];
      try (ExperimentLog other = ExperimentLog.open(dir.resolve("single-" + System.nanoTime() + ".db").toString())) {
        for (int i = 0; i < single.length; i++) {
          Run run = other.start("one-by-one-" + i, Map.of("lr", 0.01), code);
          long t0 = System.nanoTime();
          for (int k = 0; k < 50; k++) {
            run.metric("metric" + k, k);
          }
          single[i] = (System.nanoTime() - t0) / 1e6;
          run.finish();
        }
      }
      System.out.printf(Locale.ROOT, "append run with 50 metrics (start + metrics(map) + finish, %d runs): median %.2f ms, p90 %.2f ms (budget 20 ms)%n",
          runs, median(append), percentile(append, 0.9));
      System.out.printf(Locale.ROOT, "list %d runs into a table (%d columns): median %.0f ms of %d tries (budget 1000 ms)%n",
          t.rowCount(), t.columnCount(), median(list), list.length);
      System.out.printf(Locale.ROOT, "  all tries (ms): %s%n", Arrays.toString(list));
      System.out.printf(Locale.ROOT, "same through the public start(name, params), git probed per run (%s tree): median %.2f ms%n",
          code.dirty() ? "dirty" : "clean", median(withGit));
      System.out.printf(Locale.ROOT, "50 metrics logged one call each (50 transactions): median %.2f ms%n", median(single));
      System.out.printf(Locale.ROOT, "log file: %s (%.1f MB)%n", db, Files.size(db) / 1e6);
    }
  }

  private static double median(double[] xs) {
    return percentile(xs, 0.5);
  }

  private static double percentile(double[] xs, double p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
  }
}
