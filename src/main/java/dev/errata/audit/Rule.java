package dev.errata.audit;

import java.util.List;
import java.util.Optional;

/** One audit rule as parsed from a line of text; checked by {@link AuditRules#check}. */
public sealed interface Rule {

  /** Returns the line the rule was written on. */
  RuleLine line();

  /**
   * A metric compared with a threshold, on all the data or on every slice: {@code recall of class
   * hernia >= 0.85}, {@code accuracy >= 0.9 for every accent and gender with n >= 50}.
   *
   * @param metric the metric as written, a name of the metric vocabulary without its class
   * @param className the class for precision, recall or F1; when empty, the predictions' positive
   *     class if they name one, else the macro average
   * @param comparison how the value must compare with the threshold
   * @param threshold the threshold, a proportion in [0, 1]
   * @param forEvery the columns whose every slice (or intersection) must pass; empty for all data
   * @param only the one value of the single {@code forEvery} column the rule is about ({@code
   *     accuracy >= 0.99 for query_type = navigational}), or empty for every value
   * @param minSupport slices with fewer examples are skipped
   */
  record MetricRule(
      RuleLine line,
      String metric,
      Optional<Name> className,
      Comparison comparison,
      double threshold,
      List<Name> forEvery,
      Optional<Name> only,
      double minSupport)
      implements Rule {
    public MetricRule {
      forEvery = List.copyOf(forEvery);
    }
  }

  /**
   * The largest difference of a metric between slices compared with a threshold: {@code accuracy
   * gap across gender <= 0.03}.
   *
   * @param minSupport slices with fewer examples are left out of the comparison
   */
  record GapRule(
      RuleLine line,
      String metric,
      Optional<Name> className,
      List<Name> across,
      Comparison comparison,
      double threshold,
      double minSupport)
      implements Rule {
    public GapRule {
      across = List.copyOf(across);
    }
  }

  /**
   * An output check: rows whose prediction contains a watched word (whole word, ignoring case) that
   * the label lacks; the rule holds when there are at most {@code atMost} such rows.
   */
  record WatchRule(RuleLine line, List<String> words, long atMost) implements Rule {
    public WatchRule {
      words = List.copyOf(words);
    }
  }
}
