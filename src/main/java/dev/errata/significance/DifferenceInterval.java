package dev.errata.significance;

import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;

/** Gives a confidence interval for the difference between two independent proportions. */
public final class DifferenceInterval {

  private DifferenceInterval() {}

  /**
   * Returns Newcombe's hybrid score interval (method 10 of Newcombe 1998) for {@code a - b}, built
   * from each proportion's Wilson interval; undefined when either has no trials.
   */
  public static Interval newcombe(Proportion a, Proportion b, double level) {
    if (a.trials() == 0 || b.trials() == 0) {
      return Interval.undefined(level);
    }
    Interval wa = a.wilson(level);
    Interval wb = b.wilson(level);
    double pa = a.value();
    double pb = b.value();
    double d = pa - pb;
    double lower = d - Math.sqrt(square(pa - wa.lower()) + square(wb.upper() - pb));
    double upper = d + Math.sqrt(square(wa.upper() - pa) + square(pb - wb.lower()));
    return new Interval(Math.max(-1, lower), Math.min(1, upper), level);
  }

  private static double square(double x) {
    return x * x;
  }
}
