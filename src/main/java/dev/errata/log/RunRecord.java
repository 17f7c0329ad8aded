package dev.errata.log;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the log holds about one run.
 *
 * @param id the log's number for the run, increasing with start order
 * @param name the run's name
 * @param status running, finished, failed or crashed
 * @param message why it failed ({@code ""} otherwise)
 * @param started when it started
 * @param ended when it finished or failed; empty while running (or if its process died)
 * @param code the git state of the code
 * @param environment where it ran
 * @param usage wall time and peak heap; empty while running
 * @param params hyperparameters: Long, Double, Boolean or String values, in the order logged
 * @param metrics overall metrics; NaN is an undefined value
 * @param tables per-class, per-slice, per-tag … tables, by name
 * @param datasets the data sets it read
 * @param models the model files it wrote
 * @param notes free-text notes
 * @param labels short labels (tags) for finding runs
 */
public record RunRecord(
    long id,
    String name,
    Status status,
    String message,
    Instant started,
    Optional<Instant> ended,
    CodeVersion code,
    Environment environment,
    Optional<Usage> usage,
    Map<String, Object> params,
    Map<String, Double> metrics,
    Map<String, ResultTable> tables,
    List<Dataset> datasets,
    List<ModelFile> models,
    List<String> notes,
    List<String> labels) implements Presentable {

  /** Where a run is in its life. */
  public enum Status {
    /**
     * Started and not yet ended (a run of another machine whose process died stays so until its
     * heartbeat is 10 minutes old, or forever if it was logged before heartbeats were kept).
     */
    RUNNING,
    /** Ended normally. */
    FINISHED,
    /** Ended with an error; the message says which. */
    FAILED,
    /**
     * Its process died before ending it: found when the log is next opened on its machine (the
     * process is gone), or on any machine once its heartbeat is 10 minutes old.
     */
    CRASHED;

    /** Returns the lower-case word stored and shown. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String word) {
      return valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Returns a new two-column table (field, value) describing this run. */
  public tech.tablesaw.api.Table toTable() {
    return RunRecordTable.of(this);
  }

  /** Copies every collection, keeping insertion order. */
  public RunRecord {
    params = Params.copyOf(params);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    datasets = List.copyOf(datasets);
    models = List.copyOf(models);
    notes = List.copyOf(notes);
    labels = List.copyOf(labels);
  }

  /** Shows the run card: every field as logged; a long value's full text as its tooltip. */
  @Override
  public Presentation present() {
    tech.tablesaw.api.Table card = toTable();
    Section s = Section.of(card).with(ColumnKind.LABEL, "field").with(ColumnKind.TEXT, "value");
    if (card.columnNames().contains("value" + CompactRuns.FULL)) {
      s = s.fullValues("value", "value" + CompactRuns.FULL);
    }
    return s.present();
  }
}
