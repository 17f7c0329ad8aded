package dev.errata.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What comparing two runs joined by id needs, counted by the engine that holds both runs (Spark)
 * so that no id or label row comes to the notebook: how the ids matched (counts and the first few
 * ids of each kind), and over the matched examples, grouped by the slice columns, each run's
 * actual × predicted counts and the paired outcomes (right/wrong before × right/wrong after).
 *
 * <p>The semantics are those of joining in memory ({@code dev.errata.compare.Compare}): a matched
 * example is a row of the first run whose id, spelled as {@link Predictions#codes} spells it,
 * equals a row id of the second run; ids only in one run are listed in that run's row order,
 * relabelled ids in the first run's row order. Each run's classes are the labels its matched rows
 * use, as the in-memory path re-reads them. Weights are not used: a comparison counts examples.
 *
 * @param matched examples present in both runs
 * @param onlyBefore how many ids only the first run has
 * @param firstOnlyBefore the first of those ids, in the first run's row order
 * @param onlyAfter how many ids only the second run has
 * @param firstOnlyAfter the first of those ids, in the second run's row order
 * @param relabelled matched examples whose actual label differs between the runs
 * @param firstRelabelled the first of those ids, in the first run's row order
 * @param before the first run's (columns…, actual, predicted) counts over matched examples
 * @param after the second run's (columns…, actual, predicted) counts over matched examples
 * @param outcomes (columns…, outcome before, outcome after) counts over matched examples, with
 *     the classes {@value #RIGHT} and {@value #WRONG}
 */
public record PairedCounts(
    long matched,
    long onlyBefore,
    List<String> firstOnlyBefore,
    long onlyAfter,
    List<String> firstOnlyAfter,
    long relabelled,
    List<String> firstRelabelled,
    CountCube before,
    CountCube after,
    CountCube outcomes) {

  /** The outcome of an example its run predicted right. */
  public static final String RIGHT = "right";

  /** The outcome of an example its run predicted wrong. */
  public static final String WRONG = "wrong";

  /** The slice columns a comparison counts at most, as slicing allows. */
  static final int MAX_COLUMNS = 3;

  public PairedCounts {
    firstOnlyBefore = List.copyOf(firstOnlyBefore);
    firstOnlyAfter = List.copyOf(firstOnlyAfter);
    firstRelabelled = List.copyOf(firstRelabelled);
  }

  /**
   * Counts the join of {@code before} and {@code after} by their id columns in the engine that
   * holds both, or returns empty when none does (in memory, DuckDB, two different Spark sessions,
   * an id or label column of a type the engine cannot spell as Errata does), and the caller joins
   * in memory. Also empty for what the in-memory path refuses with its own message (more than
   * {@value #MAX_COLUMNS} slice columns, a column named twice), so that the message stays one.
   *
   * <p>When some id matched, the classes of each run's matched rows are checked as re-reading
   * them would check them: no more than {@link ClassLimit#DEFAULT} per label column and the
   * positive label among them; {@code joined} and {@code roleColumns} (before actual, before
   * predicted, after actual, after predicted) name the joined rows in those messages.
   *
   * @param columns the slice columns (none: only the totals), each from {@code before} when it has
   *     it, otherwise from {@code after}
   * @param shown how many ids of each kind to list
   */
  public static Optional<PairedCounts> byId(
      Predictions before,
      Predictions after,
      List<String> columns,
      String joined,
      List<String> roleColumns,
      int shown) {
    String beforeId = before.roles().id().orElseThrow();
    String afterId = after.roles().id().orElseThrow();
    if (columns.size() > MAX_COLUMNS || new java.util.HashSet<>(columns).size() != columns.size()) {
      return Optional.empty();
    }
    List<Boolean> fromBefore = new ArrayList<>();
    for (String c : columns) {
      fromBefore.add(before.columnNames().contains(c));
    }
    Grouped g =
        before.backend().pairedById(after.backend(), beforeId, afterId, columns, fromBefore, shown);
    if (g == null) {
      return Optional.empty();
    }
    return Optional.of(g.counts(before, after, columns, joined, roleColumns));
  }

  /**
   * The rows of one grouped count over the full join, as an engine answers them: {@code kind} 0
   * (before actual, before predicted), 1 (after actual, after predicted), 2 (outcome before,
   * outcome after) over matched rows by the slice columns' values; the ids listed by kind.
   *
   * @param rows grouped rows
   * @param onlyBefore ids only in the first run
   * @param onlyAfter ids only in the second run
   * @param relabelled matched ids whose actual label differs
   * @param firstOnlyBefore the first ids only in the first run
   * @param firstOnlyAfter the first ids only in the second run
   * @param firstRelabelled the first relabelled ids
   */
  record Grouped(
      List<Cell> rows,
      long onlyBefore,
      long onlyAfter,
      long relabelled,
      List<String> firstOnlyBefore,
      List<String> firstOnlyAfter,
      List<String> firstRelabelled) {

    /**
     * One grouped row.
     *
     * @param kind 0, 1 or 2 as above
     * @param values the slice columns' cells, as {@link Predictions#codes} spells them before
     *     the missing value is named (null or empty: missing)
     * @param x the actual label (kinds 0, 1) or the outcome before (kind 2)
     * @param y the predicted label (kinds 0, 1) or the outcome after (kind 2)
     * @param n how many matched rows
     */
    record Cell(int kind, String[] values, String x, String y, long n) {}

    PairedCounts counts(
        Predictions before,
        Predictions after,
        List<String> columns,
        String joined,
        List<String> roleColumns) {
      long matched = 0;
      List<TreeSet<String>> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        seen.add(new TreeSet<>());
      }
      for (Cell c : rows) {
        if (c.kind() == 0) {
          matched += c.n();
          seen.get(0).add(c.x());
          seen.get(1).add(c.y());
        } else if (c.kind() == 1) {
          seen.get(2).add(c.x());
          seen.get(3).add(c.y());
        }
      }
      Labels labelsBefore = labels(seen.get(0), seen.get(1), matched, before, joined, roleColumns, 0);
      Labels labelsAfter = labels(seen.get(2), seen.get(3), matched, after, joined, roleColumns, 2);
      Labels outcomeLabels = Labels.sorted(List.of(RIGHT, WRONG));
      List<GroupedCounts> cubes =
          List.of(
              new GroupedCounts(labelsBefore, columns),
              new GroupedCounts(labelsAfter, columns),
              new GroupedCounts(outcomeLabels, columns));
      for (Cell c : rows) {
        cubes.get(c.kind()).add(c.values(), c.x(), c.y(), c.n());
      }
      return new PairedCounts(
          matched,
          onlyBefore,
          firstOnlyBefore,
          onlyAfter,
          firstOnlyAfter,
          relabelled,
          firstRelabelled,
          cubes.get(0).cube(),
          cubes.get(1).cube(),
          cubes.get(2).cube());
    }

    /**
     * Returns one run's classes over its matched rows, checked as re-reading the joined rows
     * checks them (a run with no matched row keeps its own classes: nothing is counted).
     */
    private static Labels labels(
        Collection<String> actual,
        Collection<String> predicted,
        long matched,
        Predictions run,
        String joined,
        List<String> roleColumns,
        int at) {
      if (matched == 0) {
        return run.labels();
      }
      PredictionsReader.checkClasses(
          joined, roleColumns.get(at), "actual label", actual, matched, ClassLimit.DEFAULT);
      PredictionsReader.checkClasses(
          joined, roleColumns.get(at + 1), "predicted label", predicted, matched, ClassLimit.DEFAULT);
      TreeSet<String> distinct = new TreeSet<>(actual);
      distinct.addAll(predicted);
      Labels labels = Labels.sorted(distinct);
      run.roles().positive().ifPresent(p -> labels.require(p, "positive label"));
      return labels;
    }
  }
}
