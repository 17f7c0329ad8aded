package dev.errata.significance;

/**
 * The outcome of one significance test.
 *
 * @param test the test's name, e.g. "z" or "Fisher"
 * @param statistic the test statistic (z, or the odds ratio for Fisher); NaN when it has none
 * @param p the two-sided p-value; NaN when the test is undefined (a group without data)
 */
public record TestResult(String test, double statistic, double p) {

  /** Returns the result of a test that cannot be run, e.g. when one group is empty. */
  public static TestResult undefined(String test) {
    return new TestResult(test, Double.NaN, Double.NaN);
  }

  /** Returns whether {@code p} is defined and below {@code alpha}. */
  public boolean significantAt(double alpha) {
    return p < alpha;
  }
}
