package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
import dev.errata.metrics.Metric;
import dev.errata.present.Section;
import dev.errata.log.CodeRestore;
import dev.errata.log.ExperimentLog;
import dev.errata.log.ExperimentLogException;
import dev.errata.log.Params;
import dev.errata.log.Run;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
import dev.errata.render.chart.AnalysisCharts;
import dev.errata.render.chart.Chart;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The experiment-log magics of one kernel: {@code %%experiment} runs a cell as a logged run and
 * {@code %runs} shows, filters and compares runs. Holds this kernel's open log and the run in
 * progress, which notebook code reaches through {@link ErrataKernel#currentRun()}.
 */
final class RunMagics implements MagicGroup {

  /** The log's file name in the notebook's folder unless {@value #LOG_VARIABLE} says otherwise. */
  static final String DEFAULT_LOG = "errata-runs.db";

  /**
   * The environment variable naming this kernel's log (a file or JDBC URL), so a team points every
   * notebook at one server without writing the URL in any notebook.
   */
  static final String LOG_VARIABLE = "ERRATA_LOG";

  private final Notebook notebook;
  private final Path folder;
  private final String location;
  private ExperimentLog log;
  private Run current;

  /**
   * @param folder the notebook's folder: the default log goes there and its git state is recorded
   */
  RunMagics(Notebook notebook, Path folder) {
    this(notebook, folder, System.getenv(LOG_VARIABLE));
  }

  /**
   * @param defaultLog the kernel's log (file or JDBC URL; a relative file is in {@code folder}), or
   *     null or blank for {@value #DEFAULT_LOG} in {@code folder}
   */
  RunMagics(Notebook notebook, Path folder, String defaultLog) {
    this.notebook = notebook;
    this.folder = folder;
    this.location =
        defaultLog == null || defaultLog.isBlank()
            ? folder.resolve(DEFAULT_LOG).toString()
            : resolve(defaultLog.strip());
  }

  static final Command EXPERIMENT =
      Command.cell("experiment", "the code of the run")
          .summary(
              "Runs the cell as a logged run: code version, params, data and model files with"
                  + " their hashes, duration, peak heap, failure")
          .description(
              "From code: currentRun().dataset(Path.of(\"x.csv\")), currentRun().model(Path.of("
                  + "\"m.bin\")); log results with Errata.log(currentRun(), p) (metrics, per-class"
                  + " and per-slice tables) or currentRun().metric(\"name\", x). The kernel's log"
                  + " is $"
                  + LOG_VARIABLE
                  + " or "
                  + DEFAULT_LOG
                  + " next to the notebook")
          .positional("NAME", "the run's name")
          .list("params", "lr=0.01,depth=3", "the run's hyperparameters, as key=value")
          .list(
              "data",
              "FILE,FILE",
              "data files, hashed (with rows and columns) before the cell runs")
          .text("model", "FILE", "the model file, hashed after the cell ran (so it may write it)")
          .text("log", "FILE|JDBC-URL", "logs this cell's run there instead of the kernel's log")
          .example("%%experiment baseline --params lr=0.01 --data train.csv --model model.bin")
          .build();

  static final Command RUNS =
      Command.line("runs")
          .summary(
              "Shows the runs (params that differ, key metrics, short hashes), what differs"
                  + " between two runs, or a chart of the runs")
          .rest(
              "ARG",
              "the two runs of --compare (ids or names), the folder of --restore, or the rest of"
                  + " an unquoted --where")
          .whole("last", "N", "shows only the last N runs (N >= 1)")
          .text(
              "where",
              "EXPR",
              "keeps the runs where this holds, e.g. \"metrics.accuracy > 0.9\"")
          .flag("all", "every column and full hashes (with --compare: every parameter)")
          .flag("compare", "what differs between runs A and B (ids or names): %runs --compare A B")
          .choice(
              "chart",
              "parallel: the params that vary against --metric, a line per run (MLflow's parallel"
                  + " coordinates); across: --metric run by run",
              "parallel", "across")
          .text("metric", "NAME", "the metric --chart draws, e.g. recall")
          .text("csv", "FILE", "writes every run to a CSV file (not replacing one without --force)")
          .flag("force", "replaces an existing file")
          .text("restore", "RUN", "writes run RUN's commit, patch and cell to the folder given")
          .text("log", "FILE|JDBC-URL", "reads this log for this call only")
          .onlyWith("force", "csv")
          .onlyWith("metric", "chart")
          .notWith("chart", "compare", "restore", "csv")
          .example("%runs --last 5 --where \"metrics.accuracy > 0.9\"")
          .build();

  @Override
  public void bind(MagicGroup.Binder binder) {
    binder.cell(EXPERIMENT, this::experiment);
    binder.line(RUNS, this::runs);
  }

  /** Returns the run in progress, or throws if no {@code %%experiment} cell is running. */
  synchronized Run current() {
    if (current == null) {
      throw new IllegalStateException(
          "No run in progress: currentRun() works inside a %%experiment cell");
    }
    return current;
  }

  /**
   * Returns this kernel's log ({@value #LOG_VARIABLE}, else {@value #DEFAULT_LOG} in the notebook's
   * folder), opening it if needed.
   */
  synchronized ExperimentLog log() {
    if (log == null) {
      log = ExperimentLog.open(location).readingRates(Metric::isRateKey);
    }
    return log;
  }

  /**
   * {@code %%experiment NAME [--params ...] [--data FILE[,FILE]] [--model FILE] [--log ...]}:
   * evaluates the body as one run. Data files are recorded (hash, rows, columns) before the body
   * runs; the model file after it, so the cell may write it.
   */
  public RunRecord experiment(List<String> args, String body) throws Exception {
    Args a = EXPERIMENT.parse(args);
    String name = a.required(0);
    Map<String, Object> params = Params.parseList(a.option("params").orElse(""));
    List<Path> data = dataFiles(a.option("data").orElse(""));
    Optional<Path> model = a.option("model").map(m -> folder.resolve(m.strip()));
    Started started;
    synchronized (this) {
      if (current != null) {
        throw new IllegalStateException("%%experiment: run \"" + current.name()
            + "\" is still in progress; a %%experiment cell cannot start another");
      }
      started = start(name, params, a.option("log"));
      current = started.run();
    }
    Run run = started.run();
    try {
      run.source(body);
    } catch (ExperimentLogException e) { // kept in memory and written with the run's next change
      notebook.display("⚠ " + e.getMessage());
    }
    try {
      Object value;
      try {
        for (Path file : data) {
          run.dataset(file);
        }
        value = notebook.eval(body);
        if (model.isPresent() && !run.ended()) {
          run.model(model(model.get()));
        }
      } catch (Exception e) {
        String why = notebook.describe(e);
        try {
          notebook.display(run.fail(why));
        } catch (RuntimeException logging) {
          e.addSuppressed(logging);
        }
        // IJava shows only the message of what a magic throws: put the cell's own error in it.
        throw new CellFailedException("run \"" + name + "\" failed: " + why, e);
      } finally {
        synchronized (this) {
          current = null;
        }
      }
      if (value != null && !(value instanceof Run) && !(value instanceof RunRecord)) {
        notebook.display(value); // a trailing currentRun().metric(...) is no result
      }
      // The body may have ended the run itself, e.g. currentRun().fail("why") after catching one.
      RunRecord record = run.ended() ? run.record() : run.finish();
      notebook.display(record);
      return record;
    } finally {
      started.cellLog().ifPresent(ExperimentLog::close);
    }
  }

  /**
   * Returns the files of {@code --data a.csv,b.csv}, relative ones in the notebook's folder, each
   * checked to exist before the run starts.
   */
  private List<Path> dataFiles(String list) {
    List<Path> files = new java.util.ArrayList<>();
    for (String item : list.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      Path f = folder.resolve(item.strip());
      if (!java.nio.file.Files.isRegularFile(f)) {
        throw new IllegalArgumentException(
            "%%experiment --data: no file \""
                + item.strip()
                + "\" (looked for "
                + f.toAbsolutePath().normalize()
                + ")");
      }
      files.add(f);
    }
    return files;
  }

  /** Returns the model file of {@code --model}, which the cell must have left behind. */
  private static Path model(Path file) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "%%experiment --model: no file "
              + file.toAbsolutePath().normalize()
              + " after the cell ran; write the model there, or leave --model out");
    }
    return file;
  }

  /** A started run and the log its cell's {@code --log} opened for it alone (closed after). */
  private record Started(Run run, Optional<ExperimentLog> cellLog) {}

  private Started start(String name, Map<String, Object> params, Optional<String> where) {
    ExperimentLog opened = null;
    try {
      if (where.isPresent()) {
        opened = ExperimentLog.open(resolve(where.get())).readingRates(Metric::isRateKey);
        return new Started(opened.start(name, params, folder), Optional.of(opened));
      }
      return new Started(log().start(name, params, folder), Optional.empty());
    } catch (ExperimentLogException e) {
      if (opened != null) {
        opened.close();
      }
      notebook.display("⚠ " + e.getMessage() + "\nThe cell still runs; run \"" + name
          + "\" is kept in this kernel only (shown below, not saved).");
      return new Started(Run.unsaved(name, params, folder), Optional.empty());
    }
  }

  /**
   * {@code %runs [--last N] [--where EXPR] [--compare A B] [--csv FILE [--force]] [--log ...]};
   * {@code --log} reads that log for this call only.
   */
  public Object runs(List<String> args) {
    // Any number of positionals: the two runs of --compare, or the words of an unquoted --where.
    Args a = RUNS.parse(args);
    if (a.option("log").isPresent()) {
      try (ExperimentLog other =
          ExperimentLog.open(resolve(a.option("log").get())).readingRates(Metric::isRateKey)) {
        return runs(a, other);
      }
    }
    return runs(a, log());
  }

  private Object runs(Args a, ExperimentLog log) {
    if (a.option("restore").isPresent()) {
      if (a.positional().size() != 1) {
        throw new IllegalArgumentException(
            "%runs --restore takes a run (id or name) and one folder to write it to, e.g."
                + " %runs --restore 3 restored/; got " + a.positional());
      }
      CodeRestore r = log.restore(a.option("restore").get(), folder.resolve(a.positional().get(0)));
      notebook.display("Wrote " + r.files() + "; to rebuild run " + r.run() + "'s code:\n"
          + r.instructions());
      return r;
    }
    if (a.flag("compare")) {
      if (a.positional().size() != 2) {
        throw new IllegalArgumentException(
            "%runs --compare takes two runs (ids or names), got " + a.positional());
      }
      RunComparison c = log.compare(a.positional().get(0), a.positional().get(1));
      if (a.flag("all")) {
        c = c.showingAll();
      }
      notebook.display(c);
      return c;
    }
    Table t;
    if (a.option("where").isPresent()) {
      // Unquoted filters arrive split on spaces: the words after --where belong to it.
      List<String> rest = a.positional();
      t = log.runs(String.join(" ", a.option("where").get(), String.join(" ", rest)).strip());
    } else if (!a.positional().isEmpty()) {
      throw new IllegalArgumentException(
          "%runs: unexpected "
              + a.positional()
              + " (words go with --where EXPR, --compare A B or --restore RUN DIR); write "
              + RUNS.usage());
    } else {
      t = log.runs();
    }
    if (a.option("last").isPresent()) {
      t = t.last(count(a));
    }
    if (a.option("chart").isPresent()) {
      Chart chart = chart(a.choice("chart"), a.option("metric"), t);
      notebook.display(chart);
      return chart;
    }
    if (a.option("csv").isPresent()) {
      Path csv = log.exportCsv(folder.resolve(a.option("csv").get()), a.flag("force"));
      notebook.display("Wrote all " + log.runs().rowCount() + " runs to " + csv.toAbsolutePath());
    }
    if (!a.flag("all")) {
      Table full = t;
      t = log.summary(full);
      Section compact = log.show(t);
      notebook.display(compact);
      long shown = t.columnNames().stream().filter(c -> !compact.isSupporting(c)).count();
      notebook.display(
          "Showing "
              + shown
              + " of "
              + full.columnCount()
              + " columns (params that differ, key metrics, short hashes: hover one for its full"
              + " value); %runs --all shows every column and the full hashes");
      return t;
    }
    notebook.display(log.show(t));
    return t;
  }

  /**
   * Returns chart {@code kind} of the runs in {@code runs}: {@code parallel} (the parameters that
   * vary, then the metric; a line per run) or {@code across} (the metric run by run, with
   * intervals where they exist).
   */
  private static Chart chart(String kind, Optional<String> metric, Table runs) {
    if (metric.isEmpty()) {
      throw new IllegalArgumentException(
          "%runs --chart " + kind + " needs --metric NAME, one of "
              + runs.columnNames().stream()
                  .filter(c -> c.startsWith("metrics."))
                  .map(c -> c.substring("metrics.".length()))
                  .toList());
    }
    String m = metric.get().strip();
    String named = m.startsWith("metrics.") ? m : "metrics." + m;
    String column = named;
    if (!runs.columnNames().contains(named)) {
      // As everywhere in the metric vocabulary, a bare per-class name means the positive class:
      // "recall" is the logged "recall of C" when the runs logged exactly one such class.
      List<String> ofAClass =
          runs.columnNames().stream().filter(c -> c.startsWith(named + " of ")).toList();
      if (ofAClass.size() == 1) {
        column = ofAClass.get(0);
      }
    }
    return switch (kind) {
      case "parallel" -> AnalysisCharts.parallel(runs, column);
      default -> AnalysisCharts.acrossRuns(runs, column);
    };
  }

  /** The error of a {@code %%experiment} cell's body, described so the notebook shows it. */
  static final class CellFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CellFailedException(String message, Exception cause) {
      super(message, cause);
    }
  }

  /** Returns {@code where} (a file, JDBC URL or {@code ${NAME}}), a relative file in the folder. */
  private String resolve(String where) {
    return where.startsWith("jdbc:") || where.startsWith("${")
        ? where
        : folder.resolve(where).toString();
  }

  private static int count(Args a) {
    int n = a.integer("last");
    if (n < 1) {
      throw new IllegalArgumentException(
          "%runs: --last takes a positive whole number, got \"" + a.text("last") + "\"");
    }
    return n;
  }
}
