package dev.errata.kernel;

import dev.errata.log.ExperimentLog;
import dev.errata.log.ExperimentLogException;
import dev.errata.log.Params;
import dev.errata.log.Run;
import dev.errata.log.RunComparison;
import dev.errata.log.RunRecord;
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

  /** The log's file name in the notebook's folder unless {@code --log} says otherwise. */
  static final String DEFAULT_LOG = "errata-runs.db";

  private final Notebook notebook;
  private final Path folder;
  private String location;
  private ExperimentLog log;
  private Run current;

  /**
   * @param folder the notebook's folder: the default log goes there and its git state is recorded
   */
  RunMagics(Notebook notebook, Path folder) {
    this.notebook = notebook;
    this.folder = folder;
    this.location = folder.resolve(DEFAULT_LOG).toString();
  }

  @Override
  public void registerInto(Magics magics) {
    magics.registerCellMagic("experiment", this::experiment);
    magics.registerLineMagic("runs", this::runs);
  }

  @Override
  public List<MagicHelp> help() {
    return List.of(
        new MagicHelp("%%experiment",
            "%%experiment NAME [--params lr=0.01,depth=3] [--log FILE|JDBC-URL]",
            "Runs the cell as a logged run (code version, params, duration, peak heap, failure);"
                + " log more with currentRun().metric(...)"),
        new MagicHelp("%runs",
            "%runs [--last N] [--where \"metrics.accuracy > 0.9\"] [--compare A B] [--csv FILE] [--log ...]",
            "Shows the runs table, or what differs between runs A and B (ids or names)"));
  }

  /** Returns the run in progress, or throws if no {@code %%experiment} cell is running. */
  synchronized Run current() {
    if (current == null) {
      throw new IllegalStateException(
          "No run in progress: currentRun() works inside a %%experiment cell");
    }
    return current;
  }

  /** Returns this kernel's log, opening the default one ({@value #DEFAULT_LOG}) if needed. */
  synchronized ExperimentLog log() {
    if (log == null) {
      log = ExperimentLog.open(location);
    }
    return log;
  }

  /** {@code %%experiment NAME [--params ...] [--log ...]}: evaluates the body as one run. */
  public RunRecord experiment(List<String> args, String body) throws Exception {
    MagicArgs a =
        MagicArgs.of("experiment").positionals("NAME").options("log").lists("params").parse(args);
    String name = a.positional(0, "NAME (the run's name)");
    Map<String, Object> params = Params.parseList(a.option("params").orElse(""));
    Run run;
    synchronized (this) {
      if (current != null) {
        throw new IllegalStateException("%%experiment: run \"" + current.name()
            + "\" is still in progress; a %%experiment cell cannot start another");
      }
      run = start(name, params, a.option("log"));
      current = run;
    }
    Object value;
    try {
      value = notebook.eval(body);
    } catch (Exception e) {
      String why = notebook.describe(e);
      try {
        notebook.display(run.fail(why).toTable());
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
    // The body may have ended the run itself, e.g. currentRun().fail("why") after catching a problem.
    RunRecord record = run.ended() ? run.record() : run.finish();
    notebook.display(record.toTable());
    return record;
  }

  private Run start(String name, Map<String, Object> params, Optional<String> logOption) {
    try {
      logOption.ifPresent(this::use);
      return log().start(name, params, folder);
    } catch (ExperimentLogException e) {
      notebook.display("⚠ " + e.getMessage() + "\nThe cell still runs; run \"" + name
          + "\" is kept in this kernel only (shown below, not saved).");
      return Run.unsaved(name, params, folder);
    }
  }

  /** {@code %runs [--last N] [--where EXPR] [--compare A B] [--csv FILE] [--log ...]}. */
  public Object runs(List<String> args) {
    // Any number of positionals: the two runs of --compare, or the words of an unquoted --where.
    MagicArgs a =
        MagicArgs.of("runs")
            .rest()
            .options("last", "where", "csv", "log")
            .flags("compare")
            .parse(args);
    a.option("log").ifPresent(this::use);
    if (a.flag("compare")) {
      if (a.positional().size() != 2) {
        throw new IllegalArgumentException(
            "%runs --compare takes two runs (ids or names), got " + a.positional());
      }
      RunComparison c = log().compare(a.positional().get(0), a.positional().get(1));
      notebook.display(c);
      return c;
    }
    Table t;
    if (a.option("where").isPresent()) {
      // Unquoted filters arrive split on spaces: the words after --where belong to it.
      List<String> rest = a.positional();
      t = log().runs(String.join(" ", a.option("where").get(), String.join(" ", rest)).strip());
    } else if (!a.positional().isEmpty()) {
      throw new IllegalArgumentException("%runs: unexpected " + a.positional()
          + "; options are --last N, --where EXPR, --compare A B, --csv FILE, --log FILE|JDBC-URL");
    } else {
      t = log().runs();
    }
    if (a.option("last").isPresent()) {
      t = t.last(count(a.option("last").get()));
    }
    if (a.option("csv").isPresent()) {
      Path csv = log().exportCsv(Path.of(a.option("csv").get()));
      notebook.display("Wrote all " + log().runs().rowCount() + " runs to " + csv.toAbsolutePath());
    }
    notebook.display(t);
    return t;
  }

  /** The error of a {@code %%experiment} cell's body, described so the notebook shows it. */
  static final class CellFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CellFailedException(String message, Exception cause) {
      super(message, cause);
    }
  }

  /** Switches this kernel to the log at {@code where} (a file or JDBC URL). */
  private synchronized void use(String where) {
    String resolved = where.startsWith("jdbc:") ? where : folder.resolve(where).toString();
    if (resolved.equals(location) && log != null) {
      return;
    }
    if (log != null) {
      log.close();
      log = null;
    }
    location = resolved;
  }

  private static int count(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("%runs --last takes a positive whole number, got \"" + text + "\"");
  }
}
