package dev.errata.agreement;

import dev.errata.metrics.Interval;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One kappa: chance-corrected agreement {@code (observed - chance) / (1 - chance)}, with its
 * standard error and a normal interval {@code kappa ± z·SE} clipped to [-1, 1]. Kappa is NaN when
 * chance agreement is 1 (every rating in one class), as in scikit-learn.
 *
 * @param scope what was rated: "overall", "class = x" (one class against the rest) or "tag = v"
 * @param method "Cohen" or "Fleiss"
 * @param items the examples rated
 * @param observed the observed agreement
 * @param chance the agreement expected by chance from the raters' class shares
 * @param kappa the kappa
 * @param standardError the standard error; for Fleiss' kappa the one under kappa = 0
 * @param interval the interval at the requested level
 */
public record Kappa(
    String scope,
    String method,
    double items,
    double observed,
    double chance,
    double kappa,
    double standardError,
    Interval interval) {

  public Kappa {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(interval, "interval");
  }

  /**
   * Returns Cohen's kappa of a contingency table {@code counts[a][b]} (rows = first annotator,
   * columns = second) with the large-sample standard error of Fleiss, Cohen and Everitt (1969).
   */
  public static Kappa cohen(String scope, double[][] counts, double level) {
    int k = counts.length;
    double n = 0;
    for (double[] row : counts) {
      for (double c : row) {
        n += c;
      }
    }
    double[] rows = new double[k];
    double[] cols = new double[k];
    double observed = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        rows[i] += counts[i][j] / n;
        cols[j] += counts[i][j] / n;
      }
      observed += counts[i][i] / n;
    }
    double chance = 0;
    for (int i = 0; i < k; i++) {
      chance += rows[i] * cols[i];
    }
    double kappa = (observed - chance) / (1 - chance);
    double a = 0;
    double b = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double p = counts[i][j] / n;
        if (i == j) {
          double d = 1 - (rows[i] + cols[i]) * (1 - kappa);
          a += p * d * d;
        } else {
          double s = cols[i] + rows[j];
          b += p * s * s;
        }
      }
    }
    b *= (1 - kappa) * (1 - kappa);
    double c = kappa - chance * (1 - kappa);
    double variance = (a + b - c * c) / (n * (1 - chance) * (1 - chance));
    double se = Math.sqrt(Math.max(0, variance));
    return new Kappa(scope, "Cohen", n, observed, chance, kappa, se, interval(kappa, se, level));
  }

  /**
   * Returns Fleiss' kappa (Fleiss 1971) of {@code items} examples each rated by {@code raters}
   * raters, with the standard error under kappa = 0 of Fleiss, Nee and Landis (1979).
   *
   * @param shares the share of all ratings in each class
   * @param observed the mean share of agreeing rater pairs per example
   */
  static Kappa fleiss(
      String scope, int raters, double items, double[] shares, double observed, double level) {
    double chance = 0;
    double pq = 0;
    double pqqp = 0;
    for (double p : shares) {
      chance += p * p;
      pq += p * (1 - p);
      pqqp += p * (1 - p) * (1 - 2 * p);
    }
    double kappa = (observed - chance) / (1 - chance);
    double se = Math.sqrt(2 * (pq * pq - pqqp) / (items * raters * (raters - 1.0))) / pq;
    return new Kappa(
        scope, "Fleiss", items, observed, chance, kappa, se, interval(kappa, se, level));
  }

  /**
   * Returns Fleiss' kappa of one class against the rest (Fleiss 1971, eq. 9), with the standard
   * error under kappa = 0, {@code sqrt(2 / (N n (n - 1)))}.
   *
   * @param share the share of all ratings in the class
   * @param disagreement {@code Σ_i x_i (n - x_i)} over examples, x_i the raters choosing the class
   */
  static Kappa fleissClass(
      String scope, int raters, double items, double share, double disagreement, double level) {
    double pairs = items * raters * (raters - 1.0);
    double kappa = 1 - disagreement / (pairs * share * (1 - share));
    double observed = 1 - 2 * disagreement / pairs;
    double chance = share * share + (1 - share) * (1 - share);
    double se = Math.sqrt(2 / pairs);
    return new Kappa(
        scope, "Fleiss", items, observed, chance, kappa, se, interval(kappa, se, level));
  }

  static Interval interval(double kappa, double se, double level) {
    if (Double.isNaN(kappa) || Double.isNaN(se)) {
      return Interval.undefined(level);
    }
    double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    return new Interval(Math.max(-1, kappa - z * se), Math.min(1, kappa + z * se), level);
  }
}
