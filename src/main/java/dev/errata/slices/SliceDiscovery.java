package dev.errata.slices;

import dev.errata.load.ColumnCodes;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the slices where the model fails most, SliceLine style; an option bag: {@code
 * SliceDiscovery.of(p).columns("accent", "device").maxPredicates(2).discover()}.
 *
 * <p>Without {@link #columns}, every column except the roles (actual, predicted, id, score, weight)
 * with 2 to {@link #maxValues} distinct values is searched; the report says which were left out and
 * why.
 */
public final class SliceDiscovery {

  /** SliceLine's default weight of error lift against size. */
  public static final double DEFAULT_ALPHA = 0.95;

  /** How many slices are reported unless told otherwise. */
  public static final int DEFAULT_TOP = 10;

  /** Columns with more distinct values are not searched unless raised. */
  public static final int DEFAULT_MAX_VALUES = 30;

  /** The largest number of predicates in a conjunction. */
  public static final int MAX_PREDICATES = 3;

  private final Predictions predictions;
  private List<String> columns;
  private int maxPredicates = MAX_PREDICATES;
  private int minSupport = Slices.DEFAULT_MIN_SUPPORT;
  private double alpha = DEFAULT_ALPHA;
  private int top = DEFAULT_TOP;
  private int maxValues = DEFAULT_MAX_VALUES;

  private SliceDiscovery(Predictions predictions) {
    this.predictions = predictions;
  }

  /** Starts a search over {@code p}. */
  public static SliceDiscovery of(Predictions p) {
    return new SliceDiscovery(p);
  }

  /** Searches only these columns. */
  public SliceDiscovery columns(String... columns) {
    return columns(List.of(columns));
  }

  /** Searches only these columns. */
  public SliceDiscovery columns(List<String> columns) {
    this.columns = List.copyOf(columns);
    return this;
  }

  /** Sets the largest number of predicates in a slice, 1 to 3 (default 3). */
  public SliceDiscovery maxPredicates(int n) {
    if (n < 1 || n > MAX_PREDICATES) {
      throw new IllegalArgumentException(
          "Slices combine 1 to " + MAX_PREDICATES + " predicates, got " + n);
    }
    this.maxPredicates = n;
    return this;
  }

  /** Ignores slices with fewer rows than {@code n} (default 30). */
  public SliceDiscovery minSupport(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Minimum support must be >= 1, got " + n);
    }
    this.minSupport = n;
    return this;
  }

  /**
   * Sets α in (0, 1]: near 1 favours error lift, lower values favour large slices (default 0.95).
   */
  public SliceDiscovery alpha(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("α must lie in (0, 1], got " + alpha);
    }
    this.alpha = alpha;
    return this;
  }

  /** Reports the best {@code k} slices (default 10). */
  public SliceDiscovery top(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Report at least 1 slice, got " + k);
    }
    this.top = k;
    return this;
  }

  /** Searches columns with up to {@code n} distinct values (default 30). */
  public SliceDiscovery maxValues(int n) {
    this.maxValues = n;
    return this;
  }

  /** Runs the search and returns the best slices with their significance against the rest. */
  public DiscoveryReport discover() {
    List<String> notes = new ArrayList<>();
    List<ColumnCodes> searched = searchedColumns(notes);
    if (searched.size() > 62) {
      throw new IllegalArgumentException(
          "Slice discovery searches at most 62 columns, got "
              + searched.size()
              + "; choose some with columns(...)");
    }
    if (predictions.hasWeights()) {
      notes.add("weights are not used: discovery counts rows");
    }
    int n = predictions.size();
    byte[] wrong = new byte[n];
    // The misclassified rows come from the engine (packed inside DuckDB for files).
    java.util.BitSet errorRows = predictions.errorRows();
    long errors = errorRows.cardinality();
    for (int i = errorRows.nextSetBit(0); i >= 0; i = errorRows.nextSetBit(i + 1)) {
      wrong[i] = 1;
    }
    if (errors == 0) {
      notes.add("no wrong predictions: nothing to find");
    }
    SliceLine search = new SliceLine(searched, wrong, errors, alpha, minSupport, top);
    List<FoundSlice> found = search.run(Math.min(maxPredicates, Math.max(1, searched.size())));
    notes.addAll(search.aliasNotes());
    return new DiscoveryReport(
        predictions.source(),
        searched.stream().map(ColumnCodes::column).toList(),
        n,
        errors,
        alpha,
        minSupport,
        maxPredicates,
        found,
        search.possible,
        search.evaluated,
        search.pruned,
        search.setsCounted,
        notes);
  }

  private List<ColumnCodes> searchedColumns(List<String> notes) {
    List<ColumnCodes> out = new ArrayList<>();
    if (columns != null) {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException(
            "Name at least one column to search; columns are " + predictions.columnNames());
      }
      for (String c : new LinkedHashSet<>(columns)) {
        ColumnCodes codes = predictions.codes(c);
        if (codes.values().size() > maxValues) {
          throw new IllegalArgumentException(
              "Column \""
                  + c
                  + "\" has "
                  + codes.values().size()
                  + " distinct values; discovery"
                  + " searches columns with at most "
                  + maxValues
                  + " (raise it with maxValues)");
        }
        out.add(codes);
      }
      return out;
    }
    Set<String> roles = new LinkedHashSet<>();
    Predictions.Roles r = predictions.roles();
    roles.add(r.actual());
    roles.add(r.predicted());
    r.id().ifPresent(roles::add);
    r.score().ifPresent(roles::add);
    r.weight().ifPresent(roles::add);
    List<String> tooMany = new ArrayList<>();
    for (String c : predictions.columnNames()) {
      if (roles.contains(c)) {
        continue;
      }
      ColumnCodes codes = predictions.codes(c);
      int values = codes.values().size();
      if (values >= 2 && values <= maxValues) {
        out.add(codes);
      } else if (values > maxValues) {
        tooMany.add(c + " (" + values + ")");
      }
    }
    if (!tooMany.isEmpty()) {
      notes.add("not searched, more than " + maxValues + " values: " + String.join(", ", tooMany));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "No column to search in "
              + predictions.source()
              + ": none besides the roles has 2 to "
              + maxValues
              + " distinct values; columns are "
              + predictions.columnNames());
    }
    return out;
  }
}
