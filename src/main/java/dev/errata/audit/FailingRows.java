package dev.errata.audit;

import dev.errata.load.ColumnCodes;
import dev.errata.load.Predictions;
import dev.errata.metrics.Metric;
import java.util.ArrayList;
import java.util.List;

/** Finds the rows that count against a rule, naming them by id (or row number). */
final class FailingRows {

  /** How many failing examples each check keeps. */
  static final int MAX_EXAMPLES = 20;

  private final Predictions p;
  private ColumnCodes ids;

  FailingRows(Predictions p) {
    this.p = p;
  }

  /** The number of rows found, and the first of them. */
  record Found(long count, List<Example> first) {}

  /**
   * Returns the rows in the slice {@code columns = values} (all rows when no columns) that lower
   * {@code metric}: wrong predictions; for recall of class c, c missed; for precision, c predicted
   * wrongly; for F1, either.
   */
  Found against(Metric metric, List<String> columns, List<String> values) {
    List<ColumnCodes> encoded = new ArrayList<>();
    int[] wanted = new int[columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      ColumnCodes c = p.codes(columns.get(j));
      encoded.add(c);
      wanted[j] = c.values().indexOf(values.get(j));
    }
    int cls = metric.className().map(n -> p.labels().require(n, "class")).orElse(-1);
    long count = 0;
    List<Example> first = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      boolean in = true;
      for (int j = 0; j < wanted.length && in; j++) {
        in = encoded.get(j).code(i) == wanted[j];
      }
      if (in && lowers(metric.kind(), cls, p.actual(i), p.predicted(i))) {
        count++;
        if (first.size() < MAX_EXAMPLES) {
          first.add(example(i));
        }
      }
    }
    return new Found(count, first);
  }

  /** Returns the rows whose prediction adds one of {@code words} that the label lacks. */
  Found watched(List<String> words) {
    int k = p.labels().size();
    boolean[] flagged = WatchWords.flaggedPairs(p.labels(), words);
    long count = 0;
    List<Example> first = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (flagged[p.actual(i) * k + p.predicted(i)]) {
        count++;
        if (first.size() < MAX_EXAMPLES) {
          first.add(example(i));
        }
      }
    }
    return new Found(count, first);
  }

  private static boolean lowers(Metric.Kind kind, int cls, int actual, int predicted) {
    if (actual == predicted) {
      return false;
    }
    if (cls < 0) {
      return true;
    }
    return switch (kind) {
      case RECALL, FALSE_NEGATIVE_RATE -> actual == cls;
      case PRECISION, FALSE_POSITIVE_RATE -> predicted == cls;
      default -> actual == cls || predicted == cls;
    };
  }

  private Example example(int row) {
    String id;
    if (p.roles().id().isPresent()) {
      if (ids == null) {
        ids = p.codes(p.roles().id().get());
      }
      id = ids.values().get(ids.code(row));
    } else {
      id = "row " + (row + 1);
    }
    return new Example(id, p.labels().name(p.actual(row)), p.labels().name(p.predicted(row)));
  }
}
