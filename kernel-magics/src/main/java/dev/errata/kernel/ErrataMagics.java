package dev.errata.kernel;

import dev.errata.load.ClassLimit;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.PredictionsSummary;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Errata's core magics (loading, confusion matrix, help) and the list of every magic group. Each
 * magic parses its string arguments, calls the library, displays the result and returns it, so
 * {@code var p = %predictions ...} works.
 */
public final class ErrataMagics implements MagicGroup {

  private final Notebook notebook;
  private final ChartSettings chartSettings = new ChartSettings();
  private final List<MagicGroup> groups;

  /** Creates the magics for one kernel; all per-kernel state lives here. */
  public ErrataMagics(Notebook notebook) {
    this.notebook = notebook;
    // Each further group of magics (metrics, tags, slices, runs …) is listed here once.
    RunMagics runs = new RunMagics(notebook, Path.of(""));
    this.groups =
        List.of(
            new MetricsMagics(notebook),
            new TagMagics(notebook),
            new SliceMagics(notebook),
            runs,
            new ChartMagics(notebook, chartSettings),
            new CourseMagics(notebook, runs::log));
  }

  /**
   * Registers the core magics, then every group's, each behind {@link GuardedMagics}' safety net;
   * registering again replaces them.
   */
  @Override
  public void registerInto(Magics magics) {
    Magics guarded = new GuardedMagics(magics);
    guarded.registerLineMagic("predictions", this::predictions);
    guarded.registerLineMagic("errata", this::showHelp);
    for (MagicGroup group : groups) {
      group.registerInto(guarded);
    }
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp(
            "%predictions",
            "%predictions FILE --actual COL --predicted COL [--id COL] [--score COL]"
                + " [--weight COL] [--positive LABEL] [--sep CHAR] [--probabilities PREFIX]"
                + " [--na NA,null] [--merge-numbers] [--drop-missing] [--max-classes 5000]"
                + " [--no-cache] | %predictions TRIBUO_VAR [--positive LABEL] [--features F1,F2]",
            "Reads predictions from CSV/TSV (every cell as written), Parquet (a file, folder or"
                + " glob), JSON Lines, a Tablesaw Table or Spark Dataset<Row> variable (counted"
                + " by Spark), or a variable holding Tribuo predictions (model.predict(test)); shows rows, classes and the majority baseline"),
        new MagicHelp(
            "%errata", "%errata [NAME]", "Lists Errata's magics, or one magic's usage and example"));
  }

  /** Returns how this kernel shows charts (changed by {@code %charts}, read by the renderer). */
  ChartSettings chartSettings() {
    return chartSettings;
  }

  /** Returns this kernel's group of the given class. */
  <T extends MagicGroup> T group(Class<T> type) {
    return groups.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("No magic group " + type.getSimpleName()));
  }

  /** {@code %predictions FILE --actual COL --predicted COL ...}. */
  public Predictions predictions(List<String> args) {
    MagicArgs a =
        MagicArgs.of("predictions")
            .positionals("FILE")
            .options(
                "actual", "predicted", "id", "score", "weight", "positive", "sep", "probabilities",
                "max-classes")
            .lists("na", "features")
            .flags("drop-missing", "merge-numbers", "no-cache")
            .parse(args);
    String source = a.positional(0, "FILE (the predictions CSV, TSV or JSON Lines)");
    Optional<List<?>> tribuo = tribuoVariable(source);
    if (tribuo.isPresent()) {
      Predictions p;
      try {
        p =
            TribuoInput.load(
                tribuo.get(),
                source,
                a.option("positive"),
                a.option("features").isPresent() ? a.list("features") : List.of());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("%predictions: " + e.getMessage(), e);
      }
      notebook.display(PredictionsSummary.of(p));
      return p;
    }
    if (a.option("features").isPresent()) {
      throw new IllegalArgumentException(
          "%predictions: --features picks features of Tribuo predictions; \""
              + source
              + "\" is no notebook variable holding them, and a file keeps all its columns");
    }
    int maxClasses =
        a.option("max-classes").map(ErrataMagics::maxClasses).orElse(ClassLimit.DEFAULT);
    String actual = a.required("actual");
    String predicted = a.required("predicted");
    PredictionsReader reader =
        readerFor(source)
            .actual(actual)
            .predicted(predicted)
            .dropMissing(a.flag("drop-missing"))
            .maxClasses(maxClasses)
            .mergeNumericLabels(a.flag("merge-numbers"))
            .cache(!a.flag("no-cache"))
            // One line that updates in place (\r) while a long read runs.
            .progress(line -> System.out.print("\r" + line + (line.endsWith("done") ? "\n" : "")));
    a.option("id").ifPresent(reader::id);
    a.option("score").ifPresent(reader::score);
    a.option("weight").ifPresent(reader::weight);
    a.option("positive").ifPresent(reader::positive);
    a.option("sep").ifPresent(s -> reader.separator(separator(s)));
    a.option("probabilities").ifPresent(reader::probabilityPrefix);
    if (a.option("na").isPresent()) {
      reader.missing(a.list("na").toArray(String[]::new));
    }
    Predictions p;
    try {
      p = reader.load();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%predictions: " + e.getMessage(), e);
    }
    notebook.display(PredictionsSummary.of(p));
    return p;
  }

  /** Returns the notebook variable {@code name} if it holds Tribuo predictions (not a file). */
  private Optional<List<?>> tribuoVariable(String name) {
    if (!javax.lang.model.SourceVersion.isIdentifier(name) || Files.exists(Path.of(name))) {
      return Optional.empty();
    }
    try {
      return TribuoInput.predictions(notebook.variable(name));
    } catch (Notebook.UnknownVariableException e) {
      return Optional.empty(); // not a variable: read it as a file, whose error names the file
    } catch (Exception e) {
      throw new IllegalStateException(
          "%predictions: cannot read the notebook variable \"" + name + "\": " + e.getMessage(), e);
    }
  }

  /** {@code %errata}: lists every magic with one line of usage each. */
  public Table helpTable() {
    StringColumn name = StringColumn.create("magic");
    StringColumn usage = StringColumn.create("usage");
    StringColumn what = StringColumn.create("what it does");
    List<MagicHelp> rows = new java.util.ArrayList<>(help());
    groups.forEach(g -> rows.addAll(g.help()));
    for (MagicHelp row : rows) {
      name.append(row.name());
      usage.append(row.usage());
      what.append(row.description());
    }
    return Table.create(
        "Errata magics (%name: a line magic, at the start of any line or after =; %%name: a cell"
            + " magic, which must be the cell's first line; %errata NAME for one)",
        name,
        usage,
        what);
  }

  private Table showHelp(List<String> args) {
    Table t = helpTable();
    if (args.size() > 1) {
      throw new IllegalArgumentException(
          "%errata takes at most one magic name (%errata or %errata confusion), got " + args);
    }
    if (args.size() == 1) {
      String name = "%" + args.get(0).replaceFirst("^%+", "");
      Table one = t.where(t.stringColumn("magic").isEqualTo(name));
      if (one.rowCount() == 0) {
        throw new IllegalArgumentException(
            "%errata: no magic \"" + name + "\"; magics are " + t.stringColumn("magic").asList());
      }
      t = one;
      t.setName("Errata magic " + name);
    }
    notebook.display(t);
    return t;
  }

  /**
   * Reads a file, or a notebook variable holding a Tablesaw table or a Spark Dataset when {@code source} names one
   * and no such file exists.
   */
  private PredictionsReader readerFor(String source) {
    if (javax.lang.model.SourceVersion.isIdentifier(source)
        && !java.nio.file.Files.exists(java.nio.file.Path.of(source))) {
      Table table;
      try {
        String expected =
            "a Tablesaw Table, a Spark Dataset<Row>, or a file path (CSV, TSV, Parquet, JSON"
                + " Lines) that exists";
        Object value = notebook.variable("predictions", source, expected);
        if (SparkInput.isDataset(value)) {
          return SparkInput.reader(value, source);
        }
        table = notebook.variable("predictions", source, Table.class, expected);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "%predictions: reading the variable \"" + source + "\" failed: " + notebook.describe(e),
            e);
      }
      return PredictionsReader.fromTable(table);
    }
    return PredictionsReader.file(source);
  }

  private static int maxClasses(String value) {
    int n = MagicArgs.integer("predictions", "max-classes", value);
    if (n < 1 || n > ClassLimit.MAX) {
      throw new IllegalArgumentException(
          "%predictions: --max-classes takes a whole number from 1 to "
              + String.format(java.util.Locale.ROOT, "%,d", ClassLimit.MAX)
              + " (k×k counts must fit one array), got \""
              + value
              + "\"");
    }
    return n;
  }

  private static char separator(String s) {
    if (s.equals("\\t") || s.equals("tab")) {
      return '\t';
    }
    if (s.length() != 1) {
      throw new IllegalArgumentException(
          "%predictions: --sep takes one character (or \\t or tab), got \"" + s + "\"");
    }
    return s.charAt(0);
  }
}
