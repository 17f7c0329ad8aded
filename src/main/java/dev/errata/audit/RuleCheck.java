package dev.errata.audit;

import dev.errata.metrics.Interval;
import java.util.List;

/**
 * The evidence for one rule on one subject (all the data, or one slice).
 *
 * @param rule the rule checked
 * @param subject what was checked, e.g. "all data" or "accent = scottish"
 * @param value the measured value (a metric, a gap, or the share of rows with a watched word)
 * @param interval the value's confidence interval; undefined when there is none
 * @param support the number of examples behind the value (the metric's denominator)
 * @param status pass, fail, undefined (no value to compare) or skipped (too few examples)
 * @param failing how many examples count against the rule in this subject
 * @param examples the first of those examples
 */
public record RuleCheck(
    Rule rule,
    String subject,
    double value,
    Interval interval,
    double support,
    Status status,
    long failing,
    List<Example> examples) {

  /** The outcome of one check. An undefined value fails the rule: nothing shows it holds. */
  public enum Status {
    PASS("pass"),
    FAIL("FAIL"),
    UNDEFINED("undefined"),
    SKIPPED("skipped");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** Returns the status as shown in tables. */
    public String label() {
      return label;
    }
  }

  public RuleCheck {
    examples = List.copyOf(examples);
  }

  /** Returns whether this check lets the rule pass (passed, or skipped for small support). */
  public boolean ok() {
    return status == Status.PASS || status == Status.SKIPPED;
  }
}
