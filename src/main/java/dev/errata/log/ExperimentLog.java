package dev.errata.log;

import dev.errata.internal.CsvWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import tech.tablesaw.api.Table;

/**
 * An experiment log: starts runs and gives them back as a table. By default one SQLite file
 * (several kernels or processes may write to it at once); any JDBC URL works the same, e.g. a
 * team's PostgreSQL. Passwords in URLs are never shown: {@link #location()} hides them.
 */
public final class ExperimentLog implements AutoCloseable {

  private final Store store;
  private final Optional<Path> artifacts;
  private final Heartbeat heartbeat;
  private volatile java.util.function.Predicate<String> rates = name -> false;

  private ExperimentLog(Store store, Optional<Path> artifacts, Duration heartbeatEvery) {
    this.store = store;
    this.artifacts = artifacts;
    this.heartbeat = new Heartbeat(store, heartbeatEvery);
  }

  /**
   * Opens (creating if needed) the log at a file path or JDBC URL, marking {@code crashed} the runs
   * of this machine whose process died before ending them, and the runs of other machines whose
   * heartbeat stopped more than 10 minutes ago; {@code ${NAME}} in it is
   * replaced by environment variable NAME. Model copies go to {@code <file>-artifacts/} beside a
   * file log; a JDBC log needs {@link #open(String, Path)} to copy models.
   *
   * @throws ExperimentLogException if the log cannot be opened; the message says why
   */
  public static ExperimentLog open(String fileOrJdbcUrl) {
    return open(fileOrJdbcUrl, new Properties());
  }

  /**
   * Opens the log at a JDBC URL with extra connection properties, e.g. a password kept out of the
   * notebook in a properties file: {@code props.load(reader); ExperimentLog.open(url, props)}.
   * Every property named like a password ({@code password}, {@code pwd}, {@code sslpassword} …) is
   * hidden in every message, as a password in the URL is.
   */
  public static ExperimentLog open(String fileOrJdbcUrl, Properties connection) {
    Location location = Location.parse(fileOrJdbcUrl, connection);
    Optional<Path> artifacts =
        location.file().map(f -> f.resolveSibling(stem(f.getFileName().toString()) + "-artifacts"));
    return open(location, artifacts, Schema.MIGRATIONS, Store.BUSY_TIMEOUT_MILLIS);
  }

  /** Opens the SQLite log {@code file}. */
  public static ExperimentLog open(Path file) {
    return open(file.toString());
  }

  /** Opens the log at a file path or JDBC URL, copying model files into {@code artifacts}. */
  public static ExperimentLog open(String fileOrJdbcUrl, Path artifacts) {
    return open(Location.parse(fileOrJdbcUrl), Optional.of(artifacts.toAbsolutePath()),
        Schema.MIGRATIONS, Store.BUSY_TIMEOUT_MILLIS);
  }

  static ExperimentLog open(Location location, Optional<Path> artifacts,
      List<List<String>> migrations, int busyTimeoutMillis) {
    return open(location, artifacts, migrations, busyTimeoutMillis, Heartbeat.EVERY);
  }

  /** Opens the log; its running runs write their heartbeat every {@code heartbeatEvery}. */
  static ExperimentLog open(Location location, Optional<Path> artifacts,
      List<List<String>> migrations, int busyTimeoutMillis, Duration heartbeatEvery) {
    Store store = Store.open(location, migrations, busyTimeoutMillis);
    try {
      Crashes.mark(store, Environment.current().host(), Run.now(), Crashes.STALE_AFTER);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return new ExperimentLog(store, artifacts, heartbeatEvery);
  }

  /** Returns where the log is, with any password replaced by {@code ***}. */
  public String location() {
    return store.location().shown();
  }

  /** Starts a run with no parameters; the code version is that of the working directory. */
  public Run start(String name) {
    return start(name, Map.of());
  }

  /** Starts a run; the code version is that of the working directory (the notebook's folder). */
  public Run start(String name, Map<String, ?> params) {
    return start(name, params, Path.of(""));
  }

  /** Starts a run whose code version is that of the git repository holding {@code codeFolder}. */
  public Run start(String name, Map<String, ?> params, Path codeFolder) {
    Git.Snapshot code = Git.snapshot(codeFolder, null, ownFiles());
    return start(name, params, code.code(), code.patch());
  }

  /** Returns the files this log writes beside the code, which never make a tree dirty. */
  List<Path> ownFiles() {
    List<Path> own = new ArrayList<>();
    store.location().file().ifPresent(f -> {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        own.add(f.resolveSibling(f.getFileName() + suffix));
      }
    });
    artifacts.ifPresent(own::add);
    return own;
  }

  /**
   * Starts a run: writes it at once with status running, then its parameters, each in its own
   * transaction, and resets the heap peak so the run's own peak is measured.
   */
  Run start(String name, Map<String, ?> params, CodeVersion code) {
    return start(name, params, code, Optional.empty());
  }

  private Run start(
      String name, Map<String, ?> params, CodeVersion code, Optional<CodePatch> patch) {
    Params.requireName("run", name);
    Optional<byte[]> gz = patch.map(CodePatch::gzip);
    String leftOut = patch.map(p -> String.join("\n", p.leftOut())).orElse("");
    Map<String, Object> typed = Params.copyOf(params);
    Environment env = Environment.current();
    Instant started = Run.now();
    long startNanos = System.nanoTime();
    Usage.resetPeaks();
    long id =
        store.write(
            "start run \"" + name + "\"",
            c -> {
              long inserted = RunWrites.insertRun(c, name, started, code, env);
              if (gz.isPresent()) {
                RunWrites.putCode(c, inserted, CodeRestore.PATCH, gz.get(), leftOut);
              }
              return inserted;
            });
    Run run = new Run(this, id, name, started, startNanos, code, env);
    heartbeat.add(id);
    if (!typed.isEmpty()) {
      run.params(typed);
    }
    return run;
  }

  /** Returns every run with all it recorded except result tables, oldest first. */
  public List<RunRecord> records() {
    return store.read("read the runs", c -> RunLoader.load(c, null, false));
  }

  /** Returns run {@code id} with everything it recorded, result tables included. */
  public RunRecord run(long id) {
    List<RunRecord> found = store.read("read run " + id, c -> RunLoader.load(c, id, true));
    if (found.isEmpty()) {
      List<Long> ids = records().stream().map(RunRecord::id).toList();
      throw new IllegalArgumentException(
          "No run "
              + id
              + " in experiment log "
              + location()
              + (ids.isEmpty()
                  ? "; it holds no runs yet"
                  : "; ids are " + ids.get(0) + " to " + ids.get(ids.size() - 1)));
    }
    return found.get(0);
  }

  /**
   * Returns the run named by {@code idOrName}: a number is a run id, anything else the latest run
   * with that name.
   */
  public RunRecord run(String idOrName) {
    String key = idOrName.strip();
    if (key.matches("\\d{1,18}")) {
      return run(Long.parseLong(key));
    }
    List<RunRecord> all = records();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).name().equals(key)) {
        return run(all.get(i).id());
      }
    }
    throw new IllegalArgumentException(
        "No run named \""
            + key
            + "\" in experiment log "
            + location()
            + "; names are "
            + all.stream().map(RunRecord::name).distinct().toList());
  }

  /** Returns one row per run: provenance, environment, then params.NAME and metrics.NAME columns. */
  public Table runs() {
    return store.read("list the runs", RunsTable::read);
  }

  /**
   * Returns the runs of {@code runs} (a table from {@link #runs()}, possibly filtered or cut) as a
   * table people read: id, name, status, started, duration, the parameters whose values differ
   * between those runs (as text, exactly as logged), the key metrics (all but the detail averages
   * {@code Errata.log} adds), and short hashes of commit, data and model. {@link #runs()} keeps
   * every column and the full hashes.
   */
  public Table summary(Table runs) {
    if (!runs.columnNames().contains("id")) {
      throw new IllegalArgumentException(
          "Table \"" + runs.name() + "\" has no id column; pass a table from runs()");
    }
    Map<Long, RunRecord> byId = new java.util.HashMap<>();
    records().forEach(r -> byId.put(r.id(), r));
    return CompactRuns.of(CompactRuns.listed(runs, byId));
  }

  /**
   * Returns how a table from {@link #summary} reads: ids and parameters exactly as logged, metrics
   * as the numbers logged, short hashes with their full values as tooltips.
   */
  public static dev.errata.present.Section shown(Table summary) {
    return shown(summary, name -> false);
  }

  /**
   * Returns how a table from {@link #summary} reads, with the metrics whose names {@code isRate}
   * accepts shown as percentages: the log stores names and numbers, the caller knows which names
   * are rates (e.g. {@code dev.errata.metrics.Metric::isRateKey}).
   */
  public static dev.errata.present.Section shown(
      Table summary, java.util.function.Predicate<String> isRate) {
    return CompactRuns.section(summary, isRate);
  }

  /**
   * Returns the runs matching {@code where}, e.g. {@code metrics.accuracy > 0.9 and
   * params.depth = 3} (see {@link RunFilter} for the grammar).
   */
  public Table runs(String where) {
    return RunFilter.parse(where).apply(runs());
  }

  /**
   * Compares run {@code a} with run {@code b}: the parameters and provenance that differ (the
   * {@code %%experiment} cells' sources as a unified diff), every metric's delta (b − a), and, for
   * result tables both have, each numeric cell's delta.
   */
  public RunComparison compare(long a, long b) {
    return RunComparison.of(run(a), run(b), cell(a), cell(b)).readingRates(rates);
  }

  /**
   * Returns this log with the metrics whose names {@code isRate} accepts shown as percentages in
   * its comparisons and compact tables ({@code Errata.openLog} passes the metric vocabulary's
   * {@code Metric::isRateKey}); by default every logged number reads as logged.
   */
  public ExperimentLog readingRates(java.util.function.Predicate<String> isRate) {
    this.rates = java.util.Objects.requireNonNull(isRate, "isRate");
    return this;
  }

  /** Returns how a table from {@link #summary} reads in this log, rates as {@link #readingRates}. */
  public dev.errata.present.Section show(Table summary) {
    return shown(summary, rates);
  }

  /** Compares two runs given by id or name (the latest run of that name); see {@link #compare(long, long)}. */
  public RunComparison compare(String a, String b) {
    return compare(run(a).id(), run(b).id());
  }

  /** Returns the source of run {@code id}'s {@code %%experiment} cell, if it came from one. */
  Optional<String> cell(long id) {
    CodeRestore.Piece cell =
        store.read("read the code of run " + id, c -> CodeRestore.pieces(c, id)).get(CodeRestore.CELL);
    return Optional.ofNullable(cell)
        .map(p -> new String(CodePatch.gunzip(p.gz()), java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Writes the runs table to a new file {@code file} as CSV for a spreadsheet (RFC 4180, UTF-8,
   * Locale.ROOT numbers; text that a spreadsheet would run as a formula gets a leading {@code '}).
   *
   * @throws IllegalArgumentException if {@code file} exists; see {@link #exportCsv(Path, boolean)}
   * @throws java.io.UncheckedIOException naming the file and the reason if it cannot be written
   */
  public Path exportCsv(Path file) {
    return exportCsv(file, false);
  }

  /** Writes the runs table to {@code file} as CSV, replacing it if it exists and {@code overwrite}. */
  public Path exportCsv(Path file, boolean overwrite) {
    return CsvWriter.writeTable(runs(), file, overwrite);
  }

  /**
   * Writes what rebuilds run {@code id}'s code into folder {@code dir} (created if needed; files
   * already there are never replaced): {@code COMMIT} (the commit id), {@code changes.patch} when
   * the tree was dirty (apply with {@code git checkout COMMIT && git apply changes.patch}) and
   * {@code cell.jsh} when the run came from a {@code %%experiment} cell.
   *
   * @throws IllegalArgumentException if the run has no commit, or a file to write exists
   */
  public CodeRestore restore(long id, Path dir) {
    RunRecord r = run(id);
    java.util.Map<String, CodeRestore.Piece> pieces =
        store.read("read the code of run " + id, c -> CodeRestore.pieces(c, id));
    return CodeRestore.write(r, pieces, dir);
  }

  /** Restores the run named by {@code idOrName} (see {@link #run(String)}) into {@code dir}. */
  public CodeRestore restore(String idOrName, Path dir) {
    return restore(run(idOrName).id(), dir);
  }

  /** Returns the folder where model copies of run {@code id} go. */
  Path artifacts(long id) {
    return artifacts
        .orElseThrow(() -> new IllegalStateException(
            "Experiment log " + location() + " has no artifacts folder for model copies; open it"
                + " with ExperimentLog.open(url, artifactsFolder)"))
        .resolve("run-" + id);
  }

  Store store() {
    return store;
  }

  Heartbeat heartbeat() {
    return heartbeat;
  }

  /**
   * Closes the connection; runs already written stay in the log. A run still in progress stops
   * writing its heartbeat, so another machine takes it for crashed 10 minutes later.
   */
  @Override
  public void close() {
    heartbeat.close();
    store.close();
  }

  @Override
  public String toString() {
    return "ExperimentLog[" + location() + "]";
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
