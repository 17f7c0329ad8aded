package dev.errata.tags;

import dev.errata.baseline.Baselines;
import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures the per-tag table on 10^7 predictions × 20 tags after loading (budget: 100 ms on the
 * project's 2-core machine). Not a test: run it by hand and read the printed timings.
 *
 * <pre>
 * mvn -B -q -o -pl src test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp src/target/classes:src/target/test-classes:$(cat src/target/cp.txt) \
 *     dev.errata.tags.TagReportBenchmark [rows] [tags]
 * </pre>
 */
public final class TagReportBenchmark {

  private TagReportBenchmark() {}

  /** Builds the data, warms up, then prints the median and best of repeated runs. */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int tagCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long t0 = System.nanoTime();
    Predictions p = predictions(rows, 10);
    long t1 = System.nanoTime();
    Tags tags = randomTags(p, tagCount);
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "setup: predictions %,d rows in %.0f ms; %d tags (incl. error bits) in %.0f ms%n",
        rows,
        (t1 - t0) / 1e6,
        tagCount,
        (t2 - t1) / 1e6);

    Map<String, Double> hlp = new LinkedHashMap<>();
    for (String n : tags.names()) {
      hlp.put(n, 0.9);
    }
    Baselines table = Baselines.hlp(hlp);
    Baselines withHuman = table.plus(Baselines.none().withOlderSystem(p, p));
    time("per-tag table, HLP table", () -> TagReport.of(tags, table));
    time("per-tag table, HLP table + per-example reference", () -> TagReport.of(tags, withHuman));
    time("tag × tag co-occurrence among errors", () -> TagPivot.cooccurrence(tags));
  }

  private static void time(String what, Runnable run) {
    for (int i = 0; i < 5; i++) {
      run.run();
    }
    int n = 15;
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      run.run();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT, "%-52s median %6.1f ms, best %6.1f ms (%d runs)%n", what, ms[n / 2], ms[0], n);
  }

  private static Predictions predictions(int rows, int classes) {
    SplittableRandom random = new SplittableRandom(42);
    String[] names = new String[classes];
    for (int c = 0; c < classes; c++) {
      names[c] = "class" + c;
    }
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    for (int i = 0; i < rows; i++) {
      int a = random.nextInt(classes);
      actual.append(names[a]);
      predicted.append(random.nextInt(10) < 9 ? names[a] : names[random.nextInt(classes)]);
    }
    Table t = Table.create("bench", actual, predicted);
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
  }

  /** Tags with densities from 1 % to 40 %, built straight from random bits (as after loading). */
  private static Tags randomTags(Predictions p, int count) {
    SplittableRandom random = new SplittableRandom(7);
    int n = p.size();
    RowBits all = RowBits.all(n);
    List<Tag> tags = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      double density = 0.01 + 0.39 * t / Math.max(1, count - 1);
      long[] w = new long[RowBits.wordCount(n)];
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < density) {
          w[i >>> 6] |= 1L << i;
        }
      }
      tags.add(new Tag("tag" + t, RowBits.ofWords(n, w), all, "random", false));
    }
    return Tags.of(p, tags, List.of());
  }
}
