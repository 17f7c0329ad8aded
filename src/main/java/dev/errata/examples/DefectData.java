package dev.errata.examples;

import dev.errata.internal.CsvWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes the course's skewed-data examples: a defect detector with TN 905, FP 9, FN 18, TP 68 (and
 * the {@code print("0")} baseline), a wake-word detector with precision 97.0 % and recall 7.3 %,
 * and a multi-class defect classifier whose per-class precision / recall / F1 round to the
 * course's table (scratch 82.1 / 99.2 / 89.8 … discoloration 72.1 / 97.0 / 82.7).
 */
public final class DefectData {

  /** Multi-class: class, examples, correctly found, false alarms from "no defect". */
  static final Object[][] DEFECTS = {
    {"scratch", 120, 119, 26},
    {"dent", 188, 187, 16},
    {"pit mark", 153, 151, 26},
    {"discoloration", 101, 98, 38},
  };

  static final int NO_DEFECT = 9438;

  private DefectData() {}

  /**
   * Writes {@code defects_binary.csv} (id, actual, model_1, print_0, score), {@code
   * wakeword.csv} (id, actual, model_2) and {@code defects_multiclass.csv} (id, actual,
   * predicted) into {@code dir}, and returns their paths.
   */
  public static List<Path> write(Path dir, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Path binary = dir.resolve("defects_binary.csv");
    try (CsvWriter out = CsvWriter.open(binary, List.of("id", "actual", "model_1", "print_0", "score"))) {
      int[][] cells = {{0, 0, 905}, {0, 1, 9}, {1, 0, 18}, {1, 1, 68}};
      int[] order = shuffledCells(cells, rng);
      for (int i = 0; i < order.length; i++) {
        int[] cell = cells[order[i]];
        // The score agrees with the prediction at threshold 0.5; positives score higher.
        double base = cell[1] == 1 ? 0.5 + 0.5 * rng.nextDouble() : 0.5 * rng.nextDouble();
        double score = cell[0] == 1 ? Math.max(base, cell[1] == 1 ? base : 0.25 + base / 2) : base;
        out.row(
            String.format(Locale.ROOT, "d%04d", i + 1),
            cell[0],
            cell[1],
            0,
            String.format(Locale.ROOT, "%.4f", Math.min(score, cell[1] == 1 ? 1.0 : 0.4999)));
      }
    }
    Path wake = dir.resolve("wakeword.csv");
    try (CsvWriter out = CsvWriter.open(wake, List.of("id", "actual", "model_2"))) {
      int[][] cells = {{0, 0, 12831}, {0, 1, 1}, {1, 0, 406}, {1, 1, 32}};
      int[] order = shuffledCells(cells, rng);
      for (int i = 0; i < order.length; i++) {
        int[] cell = cells[order[i]];
        out.row(String.format(Locale.ROOT, "w%05d", i + 1), cell[0], cell[1]);
      }
    }
    Path multi = dir.resolve("defects_multiclass.csv");
    try (CsvWriter out = CsvWriter.open(multi, List.of("id", "actual", "predicted"))) {
      int falseAlarms = 0;
      for (Object[] d : DEFECTS) {
        falseAlarms += (Integer) d[3];
      }
      int[][] cells = new int[DEFECTS.length * 3 + 1][];
      int k = 0;
      for (int c = 0; c < DEFECTS.length; c++) {
        int size = (Integer) DEFECTS[c][1];
        int found = (Integer) DEFECTS[c][2];
        cells[k++] = new int[] {c, c, found};
        cells[k++] = new int[] {c, DEFECTS.length, size - found};
        cells[k++] = new int[] {DEFECTS.length, c, (Integer) DEFECTS[c][3]};
      }
      cells[k] = new int[] {DEFECTS.length, DEFECTS.length, NO_DEFECT - falseAlarms};
      int[] order = shuffledCells(cells, rng);
      for (int i = 0; i < order.length; i++) {
        int[] cell = cells[order[i]];
        out.row(String.format(Locale.ROOT, "m%05d", i + 1), name(cell[0]), name(cell[1]));
      }
    }
    return List.of(binary, wake, multi);
  }

  private static String name(int code) {
    return code < DEFECTS.length ? (String) DEFECTS[code][0] : "no defect";
  }

  /** Expands {actual, predicted, count} cells into one entry per example, shuffled. */
  private static int[] shuffledCells(int[][] cells, SplittableRandom rng) {
    int n = 0;
    for (int[] c : cells) {
      n += c[2];
    }
    int[] order = new int[n];
    int k = 0;
    for (int c = 0; c < cells.length; c++) {
      for (int i = 0; i < cells[c][2]; i++) {
        order[k++] = c;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
