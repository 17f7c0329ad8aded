package dev.errata.agreement;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how consistently annotators label the same examples: Cohen's kappa for two annotator
 * columns, Fleiss' kappa for three or more, overall, per class (one against the rest) and per value
 * of each tag column. Every example must be rated by every annotator; sample weights are ignored
 * (each example counts once).
 *
 * <p>{@code Agreement.of(p, List.of("ann_a", "ann_b")).tags(List.of("accent")).report()}.
 */
public final class Agreement {

  /** Cohen's kappa of every pair is reported for at most this many annotators. */
  static final int PAIRS_SHOWN_UP_TO = 4;

  private final Predictions p;
  private final List<String> annotators;
  private List<String> tags = List.of();
  private double level = 0.95;

  private Agreement(Predictions p, List<String> annotators) {
    this.p = p;
    this.annotators = List.copyOf(annotators);
  }

  /** Starts measuring agreement between the given annotator columns of {@code p}. */
  public static Agreement of(Predictions p, List<String> annotators) {
    if (annotators.size() < 2 || new HashSet<>(annotators).size() != annotators.size()) {
      throw new IllegalArgumentException(
          "Agreement needs two or more distinct annotator columns, got "
              + annotators
              + "; columns are "
              + p.columnNames());
    }
    for (String a : annotators) {
      p.column(a, "annotator");
    }
    return new Agreement(p, annotators);
  }

  /** Also reports kappa per value of each of these columns. */
  public Agreement tags(List<String> columns) {
    for (String c : columns) {
      p.column(c, "tag column");
    }
    this.tags = List.copyOf(columns);
    return this;
  }

  /** Sets the confidence level of the intervals (default 0.95). */
  public Agreement level(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("The level must be between 0 and 1, got " + level);
    }
    this.level = level;
    return this;
  }

  /** Returns the annotator columns. */
  public List<String> annotators() {
    return annotators;
  }

  /** Counts and returns every kappa and the first two annotators' matrix. */
  public AgreementReport report() {
    RaterCounts counts = RaterCounts.of(p, annotators);
    Labels classes = counts.classes();
    List<Kappa> kappas = new ArrayList<>();
    double[][] first = counts.pair(null, annotators.get(0), annotators.get(1)).get("");
    if (annotators.size() == 2) {
      String a = annotators.get(0);
      String b = annotators.get(1);
      kappas.add(Kappa.cohen("overall", first, level));
      for (int c = 0; c < classes.size(); c++) {
        kappas.add(Kappa.cohen("class = " + classes.name(c), oneVsRest(first, c), level));
      }
      for (String tag : tags) {
        for (Map.Entry<String, double[][]> e : counts.pair(tag, a, b).entrySet()) {
          if (RaterCounts.sum(flat(e.getValue())) > 0) {
            kappas.add(Kappa.cohen(tag + " = " + e.getKey(), e.getValue(), level));
          }
        }
      }
    } else {
      Map<String, Fleiss> byScope = new LinkedHashMap<>();
      byScope.put("overall", new Fleiss(classes.size()));
      for (int r = 0; r < annotators.size(); r++) {
        for (int s = r + 1; s < annotators.size(); s++) {
          String a = annotators.get(r);
          String b = annotators.get(s);
          double[][] t = counts.pair(null, a, b).get("");
          byScope.get("overall").add(t);
          if (annotators.size() <= PAIRS_SHOWN_UP_TO) {
            kappas.add(Kappa.cohen(a + " vs " + b, t, level));
          }
          for (String tag : tags) {
            for (Map.Entry<String, double[][]> e : counts.pair(tag, a, b).entrySet()) {
              byScope
                  .computeIfAbsent(tag + " = " + e.getKey(), x -> new Fleiss(classes.size()))
                  .add(e.getValue());
            }
          }
        }
      }
      List<Kappa> fleiss = new ArrayList<>();
      int n = annotators.size();
      Fleiss all = byScope.get("overall");
      fleiss.add(all.kappa("overall", n, level));
      for (int c = 0; c < classes.size(); c++) {
        fleiss.add(all.classKappa("class = " + classes.name(c), c, n, level));
      }
      byScope.forEach(
          (scope, f) -> {
            if (!scope.equals("overall") && f.items(n) > 0) {
              fleiss.add(f.kappa(scope, n, level));
            }
          });
      fleiss.addAll(kappas);
      kappas = fleiss;
    }
    return new AgreementReport(
        annotators, classes, kappas, ConfusionMatrix.of(classes, first), level);
  }

  /**
   * Writes the examples the annotators do not all agree on to a new CSV sheet for relabelling: the
   * id (when there is one), each annotator's label, the actual and predicted labels, and an empty
   * {@code relabel} column; spreadsheet-safe, as the tagging sheet.
   *
   * @param overwrite whether an existing file may be replaced
   */
  public DisagreementSheet writeDisagreements(java.nio.file.Path file, boolean overwrite) {
    return DisagreementSheet.write(p, annotators, file, overwrite);
  }

  private static double[][] oneVsRest(double[][] t, int c) {
    double row = 0;
    double col = 0;
    double n = 0;
    for (int i = 0; i < t.length; i++) {
      row += t[c][i];
      col += t[i][c];
      for (int j = 0; j < t.length; j++) {
        n += t[i][j];
      }
    }
    double both = t[c][c];
    return new double[][] {{both, row - both}, {col - both, n - row - col + both}};
  }

  private static double[] flat(double[][] t) {
    return java.util.Arrays.stream(t).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  /**
   * Sums Fleiss' statistics over every pair of annotators: with x_ij the annotators putting example
   * i in class j, Σ_i x_ij² = (ratings of j) + (ordered annotator pairs agreeing on j).
   */
  private static final class Fleiss {
    private final double[] margins;
    private final double[] agreeing;
    private double pairItems;
    private int pairs;

    Fleiss(int k) {
      margins = new double[k];
      agreeing = new double[k];
    }

    void add(double[][] t) {
      for (int i = 0; i < t.length; i++) {
        agreeing[i] += 2 * t[i][i];
        for (int j = 0; j < t.length; j++) {
          margins[i] += t[i][j];
          margins[j] += t[i][j];
          pairItems += t[i][j];
        }
      }
      pairs++;
    }

    double items(int raters) {
      return pairs == 0 ? 0 : pairItems / pairs;
    }

    /** Returns the ratings of class j: each annotator appears in (raters - 1) pairs. */
    double ratings(int j, int raters) {
      return margins[j] / (raters - 1);
    }

    Kappa kappa(String scope, int raters, double level) {
      double items = items(raters);
      double[] shares = new double[margins.length];
      double agree = 0;
      for (int j = 0; j < margins.length; j++) {
        shares[j] = ratings(j, raters) / (items * raters);
        agree += agreeing[j];
      }
      double observed = agree / (items * raters * (raters - 1.0));
      return Kappa.fleiss(scope, raters, items, shares, observed, level);
    }

    Kappa classKappa(String scope, int c, int raters, double level) {
      double items = items(raters);
      double ratings = ratings(c, raters);
      double squares = ratings + agreeing[c];
      double disagreement = raters * ratings - squares;
      return Kappa.fleissClass(
          scope, raters, items, ratings / (items * raters), disagreement, level);
    }
  }
}
