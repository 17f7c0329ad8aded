package dev.errata.slices;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times a per-slice report on 10^7 predictions (10 classes) by a 20-value column, after loading.
 * Not a test: run it with
 *
 * <pre>
 * mvn -B -q -o -pl src test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.errata.slices.SliceReportBenchmark
 * </pre>
 */
public final class SliceReportBenchmark {

  private SliceReportBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Predictions p = predictions(rows, 10, 20, 42);
    int runs = 15;
    double[] millis = new double[runs];
    SliceReport report = null;
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      report = Slices.of(p).by("region").report();
      report.significance();
      report.disparities();
      millis[r] = (System.nanoTime() - start) / 1e6;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "per-slice report, %,d rows, 10 classes, 20 slices (with tests and disparities):"
            + " median %.1f ms, best %.1f ms, first %.1f ms; runs %s%n",
        rows,
        sorted[runs / 2],
        sorted[0],
        millis[0],
        Arrays.toString(round(millis)));
    System.out.println("worst slice: " + report.disparities().get(0).worst());
  }

  static Predictions predictions(int rows, int classes, int regions, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] labels = new String[classes];
    for (int c = 0; c < classes; c++) {
      labels[c] = "class" + c;
    }
    String[] regionNames = new String[regions];
    for (int g = 0; g < regions; g++) {
      regionNames[g] = "region" + g;
    }
    String[] actual = new String[rows];
    String[] predicted = new String[rows];
    String[] region = new String[rows];
    for (int i = 0; i < rows; i++) {
      int a = rng.nextInt(classes);
      int g = rng.nextInt(regions);
      boolean wrong = rng.nextDouble() < 0.05 + 0.01 * g;
      actual[i] = labels[a];
      predicted[i] = wrong ? labels[(a + 1 + rng.nextInt(classes - 1)) % classes] : labels[a];
      region[i] = regionNames[g];
    }
    Table t =
        Table.create(
            "benchmark",
            StringColumn.create("actual", actual),
            StringColumn.create("predicted", predicted),
            StringColumn.create("region", region));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
  }

  private static double[] round(double[] ms) {
    return Arrays.stream(ms).map(m -> Math.round(m * 10) / 10.0).toArray();
  }
}
