package dev.errata.slices;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times slice discovery (up to 3 predicates) on 10^6 rows × 10 columns of 2 to 20 values, after
 * loading; optional arguments: rows, α (1 disables the size penalty, so little is pruned: the worst
 * case). Not a test: run it with
 *
 * <pre>
 * mvn -B -q -o -pl src test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.errata.slices.SliceDiscoveryBenchmark
 * </pre>
 */
public final class SliceDiscoveryBenchmark {

  private SliceDiscoveryBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double alpha = args.length > 1 ? Double.parseDouble(args[1]) : SliceDiscovery.DEFAULT_ALPHA;
    Predictions p = predictions(rows, 10, 7);
    int runs = 5;
    double[] millis = new double[runs];
    DiscoveryReport report = null;
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      report = SliceDiscovery.of(p).alpha(alpha).maxPredicates(3).discover();
      report.tests();
      millis[r] = (System.nanoTime() - start) / 1e6;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "slice discovery, %,d rows × 10 columns, α = %s: median %.0f ms, best %.0f ms, first %.0f"
            + " ms; %,d of %,d possible slices scored, %,d column sets counted%n",
        rows,
        alpha,
        sorted[runs / 2],
        sorted[0],
        millis[0],
        report.evaluated(),
        report.possible(),
        report.setsCounted());
    System.out.println(
        "top slice: "
            + (report.slices().isEmpty()
                ? "none with a positive score"
                : report.slices().get(0).describe()));
  }

  /** Columns c0..c9 with 20, 18, …, 2 values; errors 5 %, 40 % where c1 = v3 and c4 = v0. */
  static Predictions predictions(int rows, int columns, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[][] cells = new String[columns][rows];
    String[] y = new String[rows];
    String[] yhat = new String[rows];
    for (int i = 0; i < rows; i++) {
      int[] v = new int[columns];
      for (int c = 0; c < columns; c++) {
        v[c] = rng.nextInt(20 - 2 * c);
        cells[c][i] = "v" + v[c];
      }
      boolean pocket = v[1] == 3 && v[4] == 0;
      y[i] = "yes";
      yhat[i] = rng.nextDouble() < (pocket ? 0.4 : 0.05) ? "no" : "yes";
    }
    Table t = Table.create("discovery benchmark");
    for (int c = 0; c < columns; c++) {
      t.addColumns(StringColumn.create("c" + c, cells[c]));
    }
    t.addColumns(StringColumn.create("y", y), StringColumn.create("yhat", yhat));
    return PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
  }
}
