package dev.errata.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AgreementTest {

  /** Builds predictions whose extra columns are the given annotator (or tag) columns. */
  static Predictions table(List<String> names, List<List<String>> columns) {
    int n = columns.get(0).size();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(String.valueOf(i + 1));
    }
    Table t = Table.create("ratings", StringColumn.create("id", ids));
    t.addColumns(StringColumn.create("actual", columns.get(0)));
    t.addColumns(StringColumn.create("predicted", columns.get(0)));
    for (int c = 0; c < names.size(); c++) {
      t.addColumns(StringColumn.create(names.get(c), columns.get(c)));
    }
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  /**
   * Fleiss (1971) as worked on Wikipedia ("Fleiss' kappa", worked example): 10 subjects, 14 raters,
   * 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
   */
  @Test
  void fleissKappaMatchesThePublishedWorkedExample() {
    int[][] nij = {
      {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}
    };
    List<String> names = new ArrayList<>();
    List<List<String>> columns = new ArrayList<>();
    for (int r = 0; r < 14; r++) {
      names.add("rater" + (r + 1));
      columns.add(new ArrayList<>());
    }
    for (int[] subject : nij) {
      int rater = 0;
      for (int j = 0; j < 5; j++) {
        for (int x = 0; x < subject[j]; x++) {
          columns.get(rater++).add("c" + (j + 1));
        }
      }
    }
    AgreementReport r = Agreement.of(table(names, columns), names).report();
    Kappa k = r.overall();
    assertEquals("Fleiss", k.method());
    assertEquals(10, k.items());
    assertEquals(0.378, Math.round(k.observed() * 1000) / 1000.0);
    assertEquals(0.213, Math.round(k.chance() * 1000) / 1000.0);
    assertEquals(0.210, Math.round(k.kappa() * 1000) / 1000.0);
    // P̄e = Σ p_j² with p = (20, 28, 39, 21, 32) / 140, exactly.
    double pe = (20 * 20 + 28 * 28 + 39 * 39 + 21 * 21 + 32 * 32) / (140.0 * 140.0);
    assertEquals(pe, k.chance(), 1e-15);
    // P̄ = Σ_i Σ_j n_ij (n_ij - 1) / (10 · 14 · 13), summed here from the table itself.
    double agreeing = 0;
    for (int[] subject : nij) {
      for (int x : subject) {
        agreeing += x * (x - 1);
      }
    }
    assertEquals(agreeing / (10 * 14 * 13), k.observed(), 1e-15);
    // Per category (Fleiss 1971, eq. 9): κ_1 = 1 - Σ_i n_i1 (14 - n_i1) / (10·14·13·p1·q1).
    double d1 = 0;
    for (int[] subject : nij) {
      d1 += subject[0] * (14 - subject[0]);
    }
    double p1 = 20 / 140.0;
    assertEquals(1 - d1 / (10 * 14 * 13 * p1 * (1 - p1)), r.kappa("class = c1").kappa(), 1e-12);
    // Fleiss, Nee & Landis (1979): SE_j = sqrt(2 / (N n (n - 1))).
    assertEquals(Math.sqrt(2.0 / (10 * 14 * 13)), r.kappa("class = c1").standardError(), 1e-15);
  }

  /**
   * The large-sample variance of Cohen's kappa is the multinomial delta method; here the gradient
   * of kappa in the cell shares is taken numerically, independently of the closed form.
   */
  @Test
  void cohenStandardErrorIsTheDeltaMethodVariance() {
    double[][] counts = {{75, 1, 4}, {5, 4, 1}, {0, 0, 10}};
    Kappa k = Kappa.cohen("overall", counts, 0.95);
    int m = 3;
    double n = 100;
    double[] g = new double[m * m];
    double h = 1e-6;
    for (int c = 0; c < m * m; c++) {
      g[c] = (kappaOf(counts, c, h) - kappaOf(counts, c, -h)) / (2 * h);
    }
    double mean = 0;
    double square = 0;
    for (int c = 0; c < m * m; c++) {
      double p = counts[c / m][c % m] / n;
      mean += p * g[c];
      square += p * g[c] * g[c];
    }
    double se = Math.sqrt((square - mean * mean) / n);
    assertEquals(se, k.standardError(), 1e-7);
    // Fleiss, Levin & Paik (2003), table 18.1: p_o = 0.89, p_e = 0.66, κ = 0.676.
    assertEquals(0.89, k.observed(), 1e-12);
    assertEquals(0.676, Math.round(k.kappa() * 1000) / 1000.0);
    assertEquals(k.kappa() - 1.959963984540054 * se, k.interval().lower(), 1e-6);
  }

  /** Returns kappa of the shares {@code counts / 100} with cell {@code c} moved by {@code h}. */
  private static double kappaOf(double[][] counts, int c, double h) {
    int m = counts.length;
    double[][] p = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        p[i][j] = counts[i][j] / 100 + (i * m + j == c ? h : 0);
      }
    }
    double[] row = new double[m];
    double[] col = new double[m];
    double po = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        row[i] += p[i][j];
        col[j] += p[i][j];
      }
      po += p[i][i];
    }
    double pe = 0;
    for (int i = 0; i < m; i++) {
      pe += row[i] * col[i];
    }
    return (po - pe) / (1 - pe);
  }

  @Test
  void disagreementSheetListsOnlyTheExamplesAnnotatorsDisagreeOn() throws Exception {
    Predictions p =
        table(
            List.of("ann_a", "ann_b"),
            List.of(List.of("cat", "dog", "cat", "bird"), List.of("cat", "cat", "cat", "dog")));
    Path dir = Files.createDirectories(Path.of("target", "agreement-test"));
    Path file = dir.resolve("relabel.csv");
    Files.deleteIfExists(file);
    DisagreementSheet sheet =
        Agreement.of(p, List.of("ann_a", "ann_b")).writeDisagreements(file, false);
    assertEquals(
        List.of(
            List.of("2", "dog", "cat", "dog", "dog", ""),
            List.of("4", "bird", "dog", "bird", "bird", "")),
        sheet.rows());
    assertEquals(
        "id,ann_a,ann_b,actual,predicted,relabel\r\n"
            + "2,dog,cat,dog,dog,\r\n"
            + "4,bird,dog,bird,bird,\r\n",
        Files.readString(file));
    AgreementReport r = Agreement.of(p, List.of("ann_a", "ann_b")).report();
    // rows = ann_a, columns = ann_b over [bird, cat, dog]
    assertEquals(1, r.firstPair().count(0, 2));
    assertEquals(1, r.firstPair().count(2, 1));
    assertEquals(2, r.firstPair().count(1, 1));
  }

  @Test
  void anAnnotatorWithoutARatingIsRefusedWithTheCount() {
    Table t =
        Table.create(
            "r",
            StringColumn.create("actual", "a", "b", "a"),
            StringColumn.create("predicted", "a", "b", "b"),
            StringColumn.create("ann_a", "a", "b", "a"),
            StringColumn.create("ann_b", "a", "", "b"));
    Predictions p = PredictionsReader.fromTable(t).actual("actual").predicted("predicted").load();
    assertEquals(
        "Annotator column \"ann_b\" has 1 examples without a rating; every annotator must rate"
            + " every example (drop or fill them first)",
        assertThrows(
                IllegalArgumentException.class,
                () -> Agreement.of(p, List.of("ann_a", "ann_b")).report())
            .getMessage());
    assertEquals(
        "Agreement needs two or more distinct annotator columns, got [ann_a, ann_a]; columns are"
            + " [actual, predicted, ann_a, ann_b]",
        assertThrows(
                IllegalArgumentException.class, () -> Agreement.of(p, List.of("ann_a", "ann_a")))
            .getMessage());
  }
}
