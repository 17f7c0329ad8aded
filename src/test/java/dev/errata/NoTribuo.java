package dev.errata;

import dev.errata.load.Predictions;
import java.util.List;

/** Reads and reports a small table through the front door; run by a loader without Tribuo. */
public final class NoTribuo {

  private NoTribuo() {}

  /** Returns the accuracy of two right out of three, computed by Errata. */
  public static double accuracy() {
    Predictions p = Predictions.of(List.of("x", "y", "y"), List.of("x", "y", "x"));
    Errata.report(p);
    return Errata.metrics(p).accuracy();
  }
}
