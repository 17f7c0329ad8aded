package dev.errata.course;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The overfit-a-small-set sanity check: did the model fit its tiny training set?
 *
 * @param source the predictions checked
 * @param examples the examples of the tiny training set
 * @param correct those predicted correctly
 * @param expect the accuracy the model should reach
 * @param passed whether it did
 * @param failures what failed, one sentence each; empty when passed
 */
public record SanityReport(
    String source,
    double examples,
    double correct,
    double expect,
    boolean passed,
    List<String> failures) implements Presentable {

  public SanityReport {
    failures = List.copyOf(failures);
  }

  /** Returns the accuracy on the tiny training set. */
  public double accuracy() {
    return correct / examples;
  }

  /** Returns one line: PASS or FAIL with the accuracy against the expectation. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Sanity check (overfit a small set): %s, %,.0f of %,.0f correct (%.1f %%, expected ≥ %.1f"
            + " %%)",
        passed ? "PASS" : "FAIL",
        correct,
        examples,
        accuracy() * 100,
        expect * 100);
  }

  /** Returns what failed, one row each (none when passed), titled with the summary. */
  public Table toTable() {
    return Table.create(summary(), StringColumn.create("what failed", failures));
  }

  /**
   * Shows the verdict as one line, then one line per failure: sentences, not a table, whose text
   * view would cut the long ones.
   */
  @Override
  public Presentation present() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(summary());
    failures.forEach(f -> lines.add("Failed: " + f));
    return new Presentation(List.of()).notes(lines);
  }
}
