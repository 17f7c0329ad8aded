package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Compares every metric with scikit-learn 1.2 on seeded random inputs, to 1e-12. Fails (does not
 * skip) when scikit-learn is missing, saying how to install it.
 */
class SklearnDifferentialTest {

  private static final double TOLERANCE = 1e-12;

  /** One generated input: labels, rows, optional weights and scores. */
  record Case(
      String name,
      List<String> labels,
      List<String> y_true,
      List<String> y_pred,
      double[] weights,
      String pos_label,
      double[] score) {}

  private final List<String> mismatches = new ArrayList<>();
  private int compared;

  @Test
  void everyMetricAgreesWithScikitLearn12() throws Exception {
    SklearnReference.requireSklearn();
    Map<String, Case> cases = new LinkedHashMap<>();
    Map<String, ConfusionMatrix> matrices = new LinkedHashMap<>();
    Map<String, Scores> scores = new LinkedHashMap<>();
    for (Generated g : DifferentialCases.all()) {
      Predictions p = predictions(g);
      ConfusionMatrix cm = ConfusionMatrix.of(p);
      List<String> labels = p.labels().names();
      if (g.extraLabel() != null) {
        cm = withExtraLabel(cm, g.extraLabel());
        labels = cm.labels().names();
      }
      cases.put(
          g.name(),
          new Case(
              g.name(), labels, g.actual(), g.predicted(), g.weights(), g.positive(), g.score()));
      matrices.put(g.name(), cm);
      if (g.score() != null) {
        scores.put(g.name(), Scores.of(p, g.positive()));
      }
    }
    JsonNode reference = SklearnReference.run(new ArrayList<>(cases.values()), "metrics");
    for (String name : cases.keySet()) {
      JsonNode ref = reference.get(name);
      compareClassification(name, matrices.get(name), cases.get(name), ref);
      if (scores.containsKey(name)) {
        compareScores(name, scores.get(name), ref.get("scores"));
      }
    }
    assertTrue(compared > 5000, "compared only " + compared + " numbers");
    assertTrue(
        mismatches.isEmpty(),
        mismatches.size()
            + " of "
            + compared
            + " numbers differ from scikit-learn 1.2:\n"
            + String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))));
  }

  private void compareClassification(String name, ConfusionMatrix cm, Case c, JsonNode ref) {
    int k = cm.classes();
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        check(
            name + " confusion[" + i + "][" + j + "]",
            ref.get("confusion").get(i).get(j),
            cm.count(i, j));
        for (Normalization n : Normalization.values()) {
          double ours = cm.normalized(n).value(i, j);
          JsonNode theirs =
              ref.get("confusion_" + n.name().toLowerCase(java.util.Locale.ROOT)).get(i).get(j);
          String where = name + " normalized " + n + "[" + i + "][" + j + "]";
          if (Double.isNaN(ours)) {
            // scikit-learn writes 0 where the divisor is 0; we keep it undefined.
            check(where + " (sklearn's 0 for an empty row/column)", theirs, 0.0);
          } else {
            check(where, theirs, ours);
          }
        }
      }
    }
    ClassificationMetrics zero = new ClassificationMetrics(cm, ZeroDivision.ZERO);
    check(name + " accuracy", ref.get("accuracy"), zero.accuracy());
    check(name + " balanced accuracy", ref.get("balanced_accuracy"), zero.balancedAccuracy());
    check(
        name + " balanced accuracy adjusted",
        ref.get("balanced_accuracy_adjusted"),
        zero.balancedAccuracy(true));
    check(name + " mcc", ref.get("mcc"), zero.matthews());
    double mccUndefined = ClassificationMetrics.of(cm).matthews();
    check(
        name + " mcc undefined policy",
        ref.get("mcc_defined").booleanValue() ? ref.get("mcc") : null,
        mccUndefined);
    for (KappaWeighting w : KappaWeighting.values()) {
      check(
          name + " kappa " + w,
          ref.get("kappa_" + w.name().toLowerCase(java.util.Locale.ROOT)),
          zero.kappa(w));
    }
    compareRates(name + " zd=0", zero, ref.get("zd0"));
    compareRates(name + " zd=1", cm, ZeroDivision.ONE, ref.get("zd1"));
    compareRates(name + " undefined", cm, ZeroDivision.UNDEFINED, ref.get("undefined"));
    if (c.pos_label() != null && k == 2) {
      for (ZeroDivision zd : List.of(ZeroDivision.ZERO, ZeroDivision.ONE)) {
        BinaryMetrics b = new ClassificationMetrics(cm, zd).binary(c.pos_label());
        JsonNode r = ref.get(zd == ZeroDivision.ZERO ? "zd0" : "zd1");
        check(name + " binary precision " + zd, r.get("binary_precision"), b.precision());
        check(name + " binary recall " + zd, r.get("binary_recall"), b.recall());
        check(name + " binary f1 " + zd, r.get("binary_f1"), b.f1());
      }
    }
  }

  private void compareRates(String name, ConfusionMatrix cm, ZeroDivision zd, JsonNode ref) {
    compareRates(name, new ClassificationMetrics(cm, zd), ref);
  }

  private void compareRates(String name, ClassificationMetrics m, JsonNode ref) {
    double[] betas = {1, 0.5, 2};
    String[] keys = {"f1", "f0.5", "f2"};
    for (int c = 0; c < m.classes(); c++) {
      check(name + " precision[" + c + "]", ref.get("precision").get(c), m.precision(c));
      check(name + " recall[" + c + "]", ref.get("recall").get(c), m.recall(c));
      check(name + " specificity[" + c + "]", ref.get("specificity").get(c), m.specificity(c));
      if (ref.has("support")) {
        check(name + " support[" + c + "]", ref.get("support").get(c), m.support(c));
      }
      for (int b = 0; b < betas.length; b++) {
        check(name + " " + keys[b] + "[" + c + "]", ref.get(keys[b]).get(c), m.fBeta(c, betas[b]));
      }
    }
    for (Average a : Average.values()) {
      String prefix = a.name().toLowerCase(java.util.Locale.ROOT) + "_";
      check(
          name + " " + prefix + "precision",
          ref.get(prefix + "precision"),
          m.average(a, Measure.PRECISION));
      check(
          name + " " + prefix + "recall", ref.get(prefix + "recall"), m.average(a, Measure.RECALL));
      check(
          name + " " + prefix + "f1 (F1 measure)",
          ref.get(prefix + "f1"),
          m.average(a, Measure.F1));
      for (int b = 0; b < betas.length; b++) {
        check(
            name + " " + prefix + keys[b], ref.get(prefix + keys[b]), m.averageFBeta(a, betas[b]));
      }
    }
  }

  private void compareScores(String name, Scores s, JsonNode ref) {
    RocCurve roc = s.roc();
    checkArray(name + " roc fpr", ref.get("roc_fpr"), roc.falsePositiveRate());
    checkArray(name + " roc tpr", ref.get("roc_tpr"), roc.truePositiveRate());
    checkArray(name + " roc thresholds", ref.get("roc_thresholds"), roc.thresholds());
    checkArray(
        name + " roc thresholds (all)", ref.get("roc_all_thresholds"), s.roc(false).thresholds());
    PrecisionRecallCurve pr = s.precisionRecall();
    checkArray(name + " pr precision", ref.get("pr_precision"), pr.precision());
    checkArray(name + " pr recall", ref.get("pr_recall"), pr.recall());
    checkArray(name + " pr thresholds", ref.get("pr_thresholds"), pr.thresholds());
    check(name + " roc auc", ref.get("roc_auc"), s.rocAuc());
    if (s.positives() == 0) {
      // scikit-learn returns 0 (with a warning) when there is no positive; we say undefined.
      check(name + " average precision without positives", ref.get("average_precision"), 0.0);
      check(name + " average precision is undefined", null, s.averagePrecision());
    } else {
      check(name + " average precision", ref.get("average_precision"), s.averagePrecision());
    }
  }

  private void checkArray(String where, JsonNode expected, double[] actual) {
    if (expected.size() != actual.length) {
      mismatches.add(
          where + ": sklearn has " + expected.size() + " values, we have " + actual.length);
      return;
    }
    for (int i = 0; i < actual.length; i++) {
      check(where + "[" + i + "]", expected.get(i), actual[i]);
    }
  }

  private void check(String where, JsonNode expected, double actual) {
    check(where, SklearnReference.number(expected), actual);
  }

  private void check(String where, double expected, double actual) {
    compared++;
    boolean same =
        Double.isNaN(expected)
            ? Double.isNaN(actual)
            : expected == actual
                || Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected));
    if (!same) {
      mismatches.add(where + ": sklearn " + expected + ", Errata " + actual);
    }
  }

  private static Predictions predictions(Generated g) {
    Table t =
        Table.create(
            g.name(),
            StringColumn.create("actual", g.actual()),
            StringColumn.create("predicted", g.predicted()));
    PredictionsReader reader =
        PredictionsReader.fromTable(t).actual("actual").predicted("predicted");
    if (g.weights() != null) {
      t.addColumns(DoubleColumn.create("weight", g.weights()));
      reader.weight("weight");
    }
    if (g.score() != null) {
      t.addColumns(DoubleColumn.create("score", g.score()));
      reader.score("score").positive(g.positive());
    }
    return reader.load();
  }

  /** Returns {@code cm} with one more class, absent from actual and predicted labels. */
  private static ConfusionMatrix withExtraLabel(ConfusionMatrix cm, String extra) {
    int k = cm.classes();
    List<String> names = new ArrayList<>(cm.labels().names());
    names.add(extra);
    double[][] counts = new double[k + 1][k + 1];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        counts[i][j] = cm.count(i, j);
      }
    }
    return ConfusionMatrix.of(new Labels(names), counts);
  }

  /** A generated case before it is turned into predictions. */
  record Generated(
      String name,
      List<String> actual,
      List<String> predicted,
      double[] weights,
      String positive,
      double[] score,
      String extraLabel) {}

  /** The seeded inputs: binary and 10-class, absent classes, zero division, weights, ties. */
  static final class DifferentialCases {
    private DifferentialCases() {}

    static List<Generated> all() {
      List<Generated> out = new ArrayList<>();
      for (int seed = 1; seed <= 4; seed++) {
        Random r = new Random(1000 + seed);
        out.add(random("binary-" + seed, r, 2, 60 + 40 * seed, false, 0.7, null, null, null));
        out.add(random("binary-weighted-" + seed, r, 2, 150, true, 0.6, null, null, null));
        out.add(random("ten-" + seed, r, 10, 400 * seed, false, 0.5, null, null, null));
        out.add(random("ten-weighted-" + seed, r, 10, 500, true, 0.4, null, null, null));
        out.add(
            random("ten-absent-actual-" + seed, r, 10, 300, seed % 2 == 0, 0.5, "9", null, null));
        out.add(
            random(
                "ten-absent-predicted-" + seed, r, 10, 300, seed % 2 == 1, 0.5, null, "8", null));
        out.add(
            random("ten-absent-both-" + seed, r, 10, 200, seed % 2 == 0, 0.5, null, null, "zz"));
      }
      Random r = new Random(7);
      // print("0"): precision of "1" is 0/0, MCC is 0/0.
      List<String> truth = new ArrayList<>();
      List<String> zeros = new ArrayList<>();
      double[] score = new double[100];
      for (int i = 0; i < 100; i++) {
        truth.add(i < 9 ? "1" : "0");
        zeros.add("0");
        score[i] = Math.round(r.nextDouble() * 10) / 10.0;
      }
      out.add(new Generated("print-zero", truth, zeros, null, "1", score, null));
      // Only one class actually occurs: recall of the other is 0/0, AUC undefined.
      List<String> allA = new ArrayList<>();
      List<String> mixed = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        allA.add("a");
        mixed.add(i % 3 == 0 ? "b" : "a");
      }
      out.add(new Generated("one-actual-class", allA, mixed, null, "b", score(r, 40, 0), null));
      out.add(new Generated("perfect", mixed, mixed, null, "b", score(r, 40, 2), null));
      out.add(new Generated("single-row", List.of("x"), List.of("y"), null, null, null, null));
      double[] zeroWeights = new double[40];
      for (int i = 0; i < 40; i++) {
        zeroWeights[i] = i % 4 == 0 ? 0 : 0.25 + r.nextInt(8) * 0.5;
      }
      out.add(new Generated("zero-weights", mixed, allA, zeroWeights, "b", score(r, 40, 1), null));
      return out;
    }

    private static double[] score(Random r, int n, int decimals) {
      double[] s = new double[n];
      double scale = Math.pow(10, decimals);
      for (int i = 0; i < n; i++) {
        s[i] =
            decimals == 0 ? (r.nextBoolean() ? 1 : 0) : Math.round(r.nextDouble() * scale) / scale;
      }
      return s;
    }

    private static Generated random(
        String name,
        Random r,
        int k,
        int n,
        boolean weighted,
        double skill,
        String onlyPredicted,
        String neverPredicted,
        String extra) {
      List<String> actual = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      double[] weights = weighted ? new double[n] : null;
      double[] score = new double[n];
      String positive = k == 2 ? "1" : "3";
      for (int i = 0; i < n; i++) {
        // Skewed classes: class c has weight 1 / (c + 1).
        int a = skewed(r, k);
        if (onlyPredicted != null && String.valueOf(a).equals(onlyPredicted)) {
          a = 0;
        }
        int p = r.nextDouble() < skill ? a : skewed(r, k);
        if (neverPredicted != null && String.valueOf(p).equals(neverPredicted)) {
          p = (p + 1) % k;
        }
        actual.add(String.valueOf(a));
        predicted.add(String.valueOf(p));
        boolean isPositive = String.valueOf(a).equals(positive);
        // Two decimals so that many scores tie.
        double s = Math.min(1, Math.max(0, (isPositive ? 0.6 : 0.4) + 0.35 * r.nextGaussian()));
        score[i] = Math.round(s * 100) / 100.0;
        if (weighted) {
          weights[i] = r.nextInt(10) == 0 ? 0 : 0.1 + 2.9 * r.nextDouble();
        }
      }
      if (onlyPredicted != null) {
        predicted.set(0, onlyPredicted);
      }
      return new Generated(name, actual, predicted, weights, positive, score, extra);
    }

    private static int skewed(Random r, int k) {
      double total = 0;
      for (int c = 0; c < k; c++) {
        total += 1.0 / (c + 1);
      }
      double u = r.nextDouble() * total;
      for (int c = 0; c < k; c++) {
        u -= 1.0 / (c + 1);
        if (u < 0) {
          return c;
        }
      }
      return k - 1;
    }
  }
}
