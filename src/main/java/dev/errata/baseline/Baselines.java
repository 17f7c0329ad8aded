package dev.errata.baseline;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lists the baselines a model is measured against, in order of precedence: for each category the
 * first source that has a number wins (a fixed number only for its own category, a per-example
 * reference for every category where it has labels). Immutable; {@code with…} returns a new value.
 *
 * @param sources the baselines, first wins
 * @param notes what building them reported (labels that are no class, unmatched rows)
 */
public record Baselines(List<BaselineSource> sources, List<String> notes) implements Presentable {

  public Baselines {
    sources = List.copyOf(sources);
    notes = List.copyOf(notes);
  }

  /** Returns no baseline at all. */
  public static Baselines none() {
    return new Baselines(List.of(), List.of());
  }

  /**
   * Reads HLP per category from a CSV with columns {@code category}, {@code accuracy} (or {@code
   * hlp}) and optionally {@code source}; accuracies are fractions (0.95) or percentages with %.
   */
  public static Baselines hlp(Path csv) {
    return new Baselines(List.copyOf(HlpTables.read(csv, BaselineKind.HLP_TABLE)), List.of());
  }

  /** Reads HLP per category from a table with columns {@code category} and {@code accuracy}. */
  public static Baselines hlp(Table table) {
    String category = columnIgnoringCase(table, "category");
    String accuracy = columnIgnoringCase(table, "accuracy", "hlp");
    return hlp(table, category, accuracy);
  }

  /** Reads HLP per category from the named columns of {@code table}. */
  public static Baselines hlp(Table table, String categoryColumn, String accuracyColumn) {
    return new Baselines(
        List.copyOf(HlpTables.fromTable(table, categoryColumn, accuracyColumn, BaselineKind.HLP_TABLE)),
        List.of());
  }

  /** Takes HLP per category from a map (use a LinkedHashMap to keep an order). */
  public static Baselines hlp(Map<String, Double> accuracyByCategory) {
    StringColumn c = StringColumn.create("category");
    DoubleColumn a = DoubleColumn.create("accuracy");
    accuracyByCategory.forEach(
        (k, v) -> {
          c.append(k);
          a.append(v);
        });
    return hlp(Table.create("the HLP map", c, a));
  }

  /** Adds a published accuracy for all data, e.g. {@code withLiterature(0.92, "Smith 2021")}. */
  public Baselines withLiterature(double accuracy, String citation) {
    return withLiterature("all data", accuracy, citation);
  }

  /** Adds a published accuracy for one category. */
  public Baselines withLiterature(String category, double accuracy, String citation) {
    double checked =
        HlpTables.parse(String.valueOf(accuracy), "Literature baseline \"" + citation + "\"");
    return plus(
        new Baselines(
            List.of(
                new BaselineSource.Fixed(
                    category,
                    checked,
                    BaselineKind.LITERATURE,
                    BaselineKind.LITERATURE.label() + " (" + citation + ")")),
            List.of()));
  }

  /**
   * Adds an older system's accuracy on all data, a number known from elsewhere (its report, its
   * dashboard), e.g. {@code withOlderSystem(0.9, "v1 on the 2023 test set")}.
   */
  public Baselines withOlderSystem(double accuracy, String source) {
    double checked = HlpTables.parse(String.valueOf(accuracy), "Older system \"" + source + "\"");
    return plus(
        new Baselines(
            List.of(
                new BaselineSource.Fixed(
                    "all data",
                    checked,
                    BaselineKind.OLDER_SYSTEM,
                    BaselineKind.OLDER_SYSTEM.label() + " (" + source + ")")),
            List.of()));
  }

  /**
   * Adds HLP measured from a second annotator: the label in {@code column} of {@code p}'s table
   * against the actual label, wherever the annotator gave one (blank = not annotated).
   */
  public Baselines withAnnotator(Predictions p, String column) {
    return with(References.fromColumn(p, column, BaselineKind.ANNOTATOR, "second annotator's label"));
  }

  /** Adds an older system whose predicted labels are in {@code column} of {@code p}'s table. */
  public Baselines withOlderSystem(Predictions p, String column) {
    return with(
        References.fromColumn(p, column, BaselineKind.OLDER_SYSTEM, "older system's prediction"));
  }

  /**
   * Adds an older system's predictions, joined to {@code p} by id when both have an id column, or
   * row by row when neither does and they have the same length.
   */
  public Baselines withOlderSystem(Predictions p, Predictions older) {
    return with(References.fromPredictions(p, older));
  }

  /** Returns these baselines followed by {@code other}'s (these take precedence). */
  public Baselines plus(Baselines other) {
    List<BaselineSource> s = new ArrayList<>(sources);
    s.addAll(other.sources);
    List<String> n = new ArrayList<>(notes);
    n.addAll(other.notes);
    return new Baselines(s, n);
  }

  /** Returns the references (per-example baselines), in order. */
  public List<BaselineSource.Reference> references() {
    return sources.stream()
        .filter(BaselineSource.Reference.class::isInstance)
        .map(BaselineSource.Reference.class::cast)
        .toList();
  }

  /**
   * Returns one note per fixed category that names none of {@code rows} (tags, "untagged", "all
   * data"), listing the rows; empty when every category matches.
   */
  public List<String> unmatched(Collection<String> rows) {
    List<String> out = new ArrayList<>();
    for (BaselineSource b : sources) {
      if (b instanceof BaselineSource.Fixed f && rows.stream().noneMatch(f::matches)) {
        out.add(
            "Baseline category \""
                + f.category()
                + "\" from "
                + f.source()
                + " matches no tag; rows are "
                + List.copyOf(rows));
      }
    }
    return out;
  }

  /** Returns one row per source: kind, source, category (or "per example"), accuracy. */
  public Table toTable() {
    StringColumn kind = StringColumn.create("kind");
    StringColumn source = StringColumn.create("source");
    StringColumn category = StringColumn.create("category");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    for (BaselineSource b : sources) {
      kind.append(b.kind().label());
      source.append(b.source());
      if (b instanceof BaselineSource.Fixed f) {
        category.append(f.category());
        accuracy.append(f.accuracy());
      } else if (b instanceof BaselineSource.Reference r) {
        category.append("per example");
        accuracy.append(
            r.known().cardinality() == 0 ? Double.NaN : (double) r.correct().cardinality() / r.known().cardinality());
      }
    }
    return Table.create("Baselines (first source wins per category)", kind, source, category, accuracy);
  }

  private Baselines with(References.Built built) {
    return plus(new Baselines(List.of(built.reference()), built.notes()));
  }

  private static String columnIgnoringCase(Table table, String... names) {
    for (String n : names) {
      for (String c : table.columnNames()) {
        if (c.equalsIgnoreCase(n)) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException(
        "No column \""
            + names[0]
            + "\" in "
            + table.name()
            + "; columns are "
            + table.columnNames()
            + ". A baseline table has columns category, accuracy; or name yours:"
            + " Baselines.hlp(table, \"categoryColumn\", \"accuracyColumn\")");
  }

  /** Shows one row per source with its accuracy, then the notes. */
  @Override
  public Presentation present() {
    return Presentation.of(
            Section.of(toTable())
                .with(ColumnKind.LABEL, "category")
                .with(ColumnKind.PROPORTION, "accuracy"))
        .notes(notes);
  }
}
