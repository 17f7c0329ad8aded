package dev.errata.log;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A run in progress. Each call writes to the log at once, in its own transaction, so a crash loses
 * nothing logged before it. If the log cannot be written, the call throws and the change is kept
 * in memory and written first at the next call (or {@link #save()}): logged data is never dropped.
 */
public final class Run {

  /** One pending change to the log. */
  private interface Write {
    void to(java.sql.Connection c, long run) throws java.sql.SQLException;
  }

  private final ExperimentLog log;
  private final long id;
  private final String name;
  private final Instant started;
  private final long startNanos;
  private final CodeVersion code;
  private final Environment environment;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Map<String, ResultTable> tables = new LinkedHashMap<>();
  private final List<Dataset> datasets = new ArrayList<>();
  private final List<ModelFile> models = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final Deque<Write> unsaved = new ArrayDeque<>();
  private int noteSeq;
  private RunRecord.Status status = RunRecord.Status.RUNNING;
  private String message = "";
  private Optional<Instant> ended = Optional.empty();
  private Optional<Usage> usage = Optional.empty();

  Run(ExperimentLog log, long id, String name, Instant started, long startNanos, CodeVersion code,
      Environment environment) {
    this.log = log;
    this.id = id;
    this.name = name;
    this.started = started;
    this.startNanos = startNanos;
    this.code = code;
    this.environment = environment;
  }

  /**
   * Returns a run kept in memory only, for when no log can be opened: it records the same fields,
   * and {@link #record()} returns them; its id is 0.
   */
  public static Run unsaved(String name, Map<String, ?> params, Path codeFolder) {
    Params.requireName("run", name);
    Usage.resetPeaks();
    Run run = new Run(null, 0, name, now(), System.nanoTime(), CodeVersion.of(codeFolder),
        Environment.current());
    run.params.putAll(Params.copyOf(params));
    return run;
  }

  /** Returns the time now to the millisecond, the precision the log stores, so records match. */
  static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** Returns the log's number for this run (0 for an unsaved run). */
  public long id() {
    return id;
  }

  /** Returns the run's name. */
  public String name() {
    return name;
  }

  /** Records a whole-number hyperparameter. */
  public Run param(String name, long value) {
    return putParam(name, value);
  }

  /** Records a real-valued hyperparameter. */
  public Run param(String name, double value) {
    return putParam(name, value);
  }

  /** Records a yes/no hyperparameter. */
  public Run param(String name, boolean value) {
    return putParam(name, value);
  }

  /** Records a text hyperparameter. */
  public Run param(String name, String value) {
    return putParam(name, value);
  }

  /** Records several hyperparameters: each value a long, double, boolean or string. */
  public synchronized Run params(Map<String, ?> values) {
    Map<String, Object> typed = Params.copyOf(values);
    requireRunning();
    params.putAll(typed);
    return save((c, run) -> RunWrites.putParams(c, run, typed));
  }

  private Run putParam(String name, Object value) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(name, value);
    return params(one);
  }

  /** Returns a hyperparameter as a double (whole numbers widen), or throws naming the known ones. */
  public synchronized double doubleParam(String name) {
    Object v = knownParam(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("Parameter \"" + name + "\" is " + v + ", not a number");
  }

  /** Returns a whole-number hyperparameter, or throws naming the known ones. */
  public synchronized long longParam(String name) {
    Object v = knownParam(name);
    if (v instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException(
        "Parameter \"" + name + "\" is " + v + ", not a whole number");
  }

  /** Returns a hyperparameter as text, or throws naming the known ones. */
  public synchronized String stringParam(String name) {
    return knownParam(name).toString();
  }

  /** Returns a yes/no hyperparameter, or throws naming the known ones. */
  public synchronized boolean booleanParam(String name) {
    Object v = knownParam(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("Parameter \"" + name + "\" is " + v + ", not true/false");
  }

  private Object knownParam(String name) {
    Object v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "Run \"" + this.name + "\" has no parameter \"" + name + "\"; it has " + params.keySet());
    }
    return v;
  }

  /** Records an overall metric; NaN records an undefined value. Logging a name again replaces it. */
  public Run metric(String name, double value) {
    return metrics(Map.of(name, value));
  }

  /** Records several metrics in one transaction. */
  public synchronized Run metrics(Map<String, ? extends Number> values) {
    Map<String, Double> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Params.requireName("metric", k);
      if (v == null) {
        throw new IllegalArgumentException("Metric \"" + k + "\" is null; use NaN for undefined");
      }
      copy.put(k, v.doubleValue());
    });
    requireRunning();
    metrics.putAll(copy);
    return save((c, run) -> RunWrites.putMetrics(c, run, copy));
  }

  /** Records a table of results (per class, per slice, per tag …), copying its values now. */
  public synchronized Run table(String name, Table table) {
    ResultTable t = ResultTable.of(name, table);
    requireRunning();
    tables.put(name, t);
    return save((c, run) -> RunWrites.putTable(c, run, t));
  }

  /** Records the data set in {@code file} under its file name: SHA-256, rows and columns. */
  public Run dataset(Path file) {
    return dataset(file.getFileName().toString(), file);
  }

  /** Records the data set in {@code file} under {@code name} (e.g. "train", "test"). */
  public synchronized Run dataset(String name, Path file) {
    requireRunning();
    return dataset(Dataset.of(name, file));
  }

  /** Records a data set identified elsewhere, e.g. a table in memory ({@link Dataset#ofTable}). */
  public synchronized Run dataset(Dataset d) {
    requireRunning();
    int seq = datasets.size();
    datasets.add(d);
    return save((c, run) -> RunWrites.addDataset(c, run, seq, d));
  }

  /** Records the model file's path and SHA-256 without copying it. */
  public Run model(Path file) {
    return model(file, false);
  }

  /** Records the model file; with {@code copy}, also keeps a copy in the log's artifacts folder. */
  public synchronized Run model(Path file, boolean copy) {
    requireRunning();
    ModelFile m = ModelFile.of(file, copy ? artifacts() : null);
    int seq = models.size();
    models.add(m);
    return save((c, run) -> RunWrites.addModel(c, run, seq, m));
  }

  /**
   * Records the source of the cell that runs this experiment, so the run can be rebuilt; any
   * password in it (the log's own, or one written as a JDBC URL's or a {@code password =} value)
   * is stored as {@code ***}.
   */
  public synchronized Run source(String cell) {
    requireRunning();
    String safe = log == null ? cell : log.store().location().redact(cell);
    byte[] gz = CodePatch.gzip(safe.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return save((c, run) -> RunWrites.putCode(c, run, CodeRestore.CELL, gz, ""));
  }

  /** Records a free-text note. */
  public synchronized Run note(String text) {
    requireRunning();
    notes.add(text);
    int seq = noteSeq++;
    return save((c, run) -> RunWrites.addNote(c, run, seq, "note", text));
  }

  /** Records a short label for finding the run later (e.g. "baseline"). */
  public synchronized Run label(String label) {
    Params.requireName("label", label);
    requireRunning();
    labels.add(label);
    int seq = noteSeq++;
    return save((c, run) -> RunWrites.addNote(c, run, seq, "label", label));
  }

  /** Ends the run as finished, recording wall time and peak heap, and returns what was logged. */
  public RunRecord finish() {
    return end(RunRecord.Status.FINISHED, "");
  }

  /** Ends the run as failed with {@code error}'s class and message, and returns what was logged. */
  public RunRecord fail(Throwable error) {
    String text = error.getMessage() == null ? "" : ": " + error.getMessage();
    return fail(error.getClass().getName() + text);
  }

  /** Ends the run as failed with {@code message}, and returns what was logged. */
  public RunRecord fail(String message) {
    return end(RunRecord.Status.FAILED, message == null ? "" : message);
  }

  private synchronized RunRecord end(RunRecord.Status how, String why) {
    requireRunning();
    Instant at = now();
    Usage u = new Usage((System.nanoTime() - startNanos) / 1_000_000, Usage.peakHeapSinceReset());
    status = how;
    message = why;
    ended = Optional.of(at);
    usage = Optional.of(u);
    save((c, run) -> RunWrites.end(c, run, how, why, at, u));
    if (log != null) {
      log.heartbeat().remove(id); // only once the end is written: until then it still runs
    }
    return record();
  }

  /** Returns whether the run has finished or failed. */
  public synchronized boolean ended() {
    return status != RunRecord.Status.RUNNING;
  }

  /** Returns everything logged so far, saved or not. */
  public synchronized RunRecord record() {
    return new RunRecord(id, name, status, message, started, ended, code, environment, usage,
        params, metrics, tables, datasets, models, notes, labels);
  }

  /** Returns how many changes are waiting to be written because the log could not be written. */
  public synchronized int unsavedChanges() {
    return log == null ? 0 : unsaved.size();
  }

  /** Writes any changes kept in memory after a failed write; throws if the log still fails. */
  public synchronized Run save() {
    while (log != null && !unsaved.isEmpty()) {
      Write w = unsaved.peek();
      try {
        log.store().write("save run " + id, c -> {
          w.to(c, id);
          return null;
        });
      } catch (ExperimentLogException e) {
        throw new ExperimentLogException(
            e.getMessage() + " (" + unsaved.size() + " change(s) of run " + id
                + " are kept in memory and written at the next call or run.save())", e);
      }
      unsaved.poll();
    }
    return this;
  }

  private Run save(Write w) {
    if (log != null) {
      unsaved.add(w);
      save();
    }
    return this;
  }

  private Path artifacts() {
    if (log == null) {
      throw new IllegalStateException(
          "Run \"" + name + "\" is not saved in a log, so it has no artifacts folder");
    }
    return log.artifacts(id);
  }

  private void requireRunning() {
    if (status != RunRecord.Status.RUNNING) {
      throw new IllegalStateException(
          "Run " + id + " (\"" + name + "\") has already " + status.word() + "; start a new run");
    }
  }
}
