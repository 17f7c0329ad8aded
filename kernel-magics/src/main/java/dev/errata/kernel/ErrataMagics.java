package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
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

  static final Command PREDICTIONS =
      Command.line("predictions")
          .summary(
              "Reads predictions from CSV/TSV (every cell as written), Parquet (a file, folder or"
                  + " glob), JSON Lines, a Tablesaw Table or Spark Dataset<Row> variable (counted"
                  + " by Spark), or a variable holding Tribuo predictions (model.predict(test));"
                  + " shows rows, classes and the majority baseline")
          .description(
              "Wherever a magic takes predictions, a variable holding Tribuo predictions works"
                  + " too. More than --max-classes distinct labels in a label column is an error"
                  + " (it is most likely an id column)")
          .positional(
              "FILE",
              "a CSV, TSV, Parquet or JSON Lines file (or folder, or glob), or the name of a"
                  + " Table, Dataset<Row> or Tribuo predictions variable")
          .text("actual", "COL", "the column of actual labels (required but for Tribuo predictions)")
          .text(
              "predicted",
              "COL",
              "the column of predicted labels (required but for Tribuo predictions)")
          .text("id", "COL", "the column identifying each example (joins runs, sheets)")
          .text("score", "COL", "the column of the positive class's score, for curves")
          .text("weight", "COL", "the column of example weights")
          .text("positive", "LABEL", "the positive class of binary metrics")
          .text("sep", "CHAR", "the separator of a CSV file: one character, or \\t or tab")
          .text(
              "probabilities",
              "PREFIX",
              "columns named PREFIX<class> hold each class's probability")
          .list("na", "NA,null", "label texts that mean missing (by default only an empty cell is)")
          .flag(
              "merge-numbers",
              "reads labels that are the same number written differently (1, 1.0) as one")
          .flag("drop-missing", "drops rows with a missing actual or predicted label, with a warning, instead of failing")
          .whole("max-classes", "N", "the most distinct labels a label column may have")
          .byDefault(ClassLimit.DEFAULT)
          .flag("no-cache", "reads the CSV/TSV itself, not its columnar cache (keyed by path, size and time)")
          .list("features", "F1,F2", "Tribuo predictions only: the features to keep as columns")
          .example("%predictions preds.csv --actual label --predicted pred --id id --score score")
          .build();

  static final Command ERRATA =
      Command.line("errata")
          .summary("Lists Errata's magics, or shows one magic's usage, options and an example")
          .optional("NAME", "a magic's name, e.g. confusion or %%audit")
          .example("%errata confusion")
          .build();

  /**
   * Registers the core magics, then every group's, each behind {@link GuardedMagics}' safety net;
   * registering again replaces them.
   */
  public void registerInto(Magics magics) {
    MagicGroup.Binder binder = new MagicGroup.Binder(new GuardedMagics(magics));
    bind(binder);
  }

  @Override
  public void bind(Binder binder) {
    binder.line(PREDICTIONS, this::predictions);
    binder.line(ERRATA, this::showHelp);
    for (MagicGroup group : groups) {
      group.bind(binder);
    }
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
    Args a = PREDICTIONS.parse(args);
    String source = a.required(0);
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
    int maxClasses = maxClasses(a);
    String actual = a.text("actual");
    String predicted = a.text("predicted");
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

  /** {@code %errata}: lists every magic with its usage line and what it does, one row each. */
  public Help helpTable() {
    StringColumn name = StringColumn.create("magic");
    StringColumn usage = StringColumn.create("usage");
    StringColumn what = StringColumn.create("what it does");
    for (Command c : commands()) {
      name.append(c.display());
      usage.append(c.usage());
      what.append(c.summary());
    }
    return Help.of(
        Table.create(
            "Errata magics (%name: a line magic, at the start of any line or after =; %%name: a"
                + " cell magic, which must be the cell's first line; %errata NAME for one)",
            name,
            usage,
            what));
  }

  /**
   * {@code %errata NAME}: the full help of magic {@code NAME} ({@code %%NAME} for a cell magic;
   * a bare name that is both, such as audit, means the line magic).
   */
  public Help help(String name) {
    String bare = name.replaceFirst("^%+", "");
    boolean cell = name.startsWith("%%");
    List<Command> all = commands();
    List<Command> named = all.stream().filter(c -> c.name().equals(bare)).toList();
    return Help.of(
        named.stream()
        .filter(c -> !cell || c.kind() == Command.Kind.CELL)
        .min(java.util.Comparator.comparing(c -> c.kind() != Command.Kind.LINE))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "%errata: no magic \""
                        + name
                        + "\"; magics are "
                        + all.stream().map(Command::display).toList())));
  }

  private Help showHelp(List<String> args) {
    Args a = ERRATA.parse(args);
    Help help = a.positional(0).map(this::help).orElseGet(this::helpTable);
    notebook.display(help);
    return help;
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

  private static int maxClasses(Args a) {
    int n = a.integer("max-classes");
    String value = a.text("max-classes");
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
