package dev.errata.course;

import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The course's sanity check before training on everything: a model trained on a tiny training set
 * (1, 10 or 100 examples) should fit it almost perfectly. Given its predictions on that same set,
 * says pass or fail and what failed ("predicts blanks for the only example").
 */
public final class SanityCheck {

  /** Predicted labels that stand for an empty output (a blank transcript), compared trimmed. */
  public static final Set<String> BLANKS = Set.of("", "<blank>", "(blank)", "<empty>", "blank");

  /** Misclassified examples listed by id at most. */
  static final int LISTED = 5;

  private SanityCheck() {}

  /**
   * Returns the check of {@code p}, the model's predictions on its own tiny training set, against
   * the accuracy it should reach ({@code expect}, e.g. 0.99).
   */
  public static SanityReport of(Predictions p, double expect) {
    if (!(expect > 0 && expect <= 1)) {
      throw new IllegalArgumentException(
          "The expected accuracy is a share in (0, 1] (0.99, not 99), got " + expect);
    }
    ConfusionMatrix cm = new ConfusionMatrix(p.labels(), p.counts(List.of(), false).total());
    int k = cm.classes();
    double n = cm.total();
    double accuracy = cm.correct() / n;
    List<String> failures = new ArrayList<>();
    double blanks = 0;
    int predictedClasses = 0;
    String onlyPredicted = null;
    int actualClasses = 0;
    for (int c = 0; c < k; c++) {
      if (BLANKS.contains(p.labels().name(c).trim().toLowerCase(Locale.ROOT))) {
        blanks += cm.predictedTotal(c) - (cm.count(c, c));
      }
      if (cm.predictedTotal(c) > 0) {
        predictedClasses++;
        onlyPredicted = p.labels().name(c);
      }
      if (cm.actualTotal(c) > 0) {
        actualClasses++;
      }
    }
    boolean passed = accuracy >= expect;
    if (!passed) {
      if (n == 1) {
        int wrong = firstWrong(p);
        String predicted = p.labels().name(p.predicted(wrong));
        failures.add(
            (blanks > 0 ? "predicts blanks" : "predicts \"" + predicted + "\"")
                + " for the only example (actual \""
                + p.labels().name(p.actual(wrong))
                + "\")");
      } else {
        failures.add(
            String.format(
                Locale.ROOT,
                "accuracy %.1f %% on %,.0f training examples is below the expected %.1f %%: the"
                    + " model cannot fit even a tiny set (check the labels, the loss, the input"
                    + " pipeline)",
                accuracy * 100,
                n,
                expect * 100));
        if (blanks > 0) {
          failures.add(
              String.format(Locale.ROOT, "predicts blanks for %,.0f of %,.0f examples", blanks, n));
        }
        if (predictedClasses == 1 && actualClasses > 1) {
          failures.add(
              "predicts only \""
                  + onlyPredicted
                  + "\" for every example, though "
                  + actualClasses
                  + " classes occur");
        }
        failures.add("misclassified: " + String.join("; ", misclassified(p)));
      }
    }
    return new SanityReport(p.source(), n, cm.correct(), expect, passed, failures);
  }

  private static int firstWrong(Predictions p) {
    for (int i = 0; i < p.size(); i++) {
      if (p.actual(i) != p.predicted(i)) {
        return i;
      }
    }
    throw new IllegalStateException("No misclassified example in " + p.source());
  }

  /** Lists the first misclassified examples by id (or row number), actual and predicted. */
  private static List<String> misclassified(Predictions p) {
    var ids = p.roles().id().map(c -> p.column(c, "id"));
    List<String> out = new ArrayList<>();
    int wrong = 0;
    for (int i = 0; i < p.size(); i++) {
      if (p.actual(i) == p.predicted(i)) {
        continue;
      }
      wrong++;
      if (out.size() < LISTED) {
        final int row = i;
        out.add(
            ids.map(c -> "id " + c.getString(row)).orElse("row " + (row + 1))
                + " actual \""
                + p.labels().name(p.actual(i))
                + "\" predicted \""
                + p.labels().name(p.predicted(i))
                + "\"");
      }
    }
    if (wrong > LISTED) {
      out.add("and " + (wrong - LISTED) + " more");
    }
    return out;
  }
}
