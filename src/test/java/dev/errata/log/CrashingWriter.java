package dev.errata.log;

import java.util.Map;

/**
 * Logs runs until killed: {@code CrashingWriter LOG}. Prints "finished ID" after each run's finish
 * has committed, so whatever the parent has read is known to be saved; each run logs a param, 20
 * metrics one call at a time and a per-slice table.
 */
public final class CrashingWriter {

  private CrashingWriter() {}

  /** Runs the writer. */
  public static void main(String[] args) {
    ExperimentLog log = ExperimentLog.open(args[0]);
    tech.tablesaw.api.Table slices = tech.tablesaw.api.Table.create("s",
        tech.tablesaw.api.StringColumn.create("slice", "a", "b", "c"),
        tech.tablesaw.api.DoubleColumn.create("accuracy", 0.1, 0.2, 0.3));
    for (int i = 0; ; i++) {
      Run run = log.start("crash-" + i, Map.of("i", i), CodeVersion.none("test"));
      for (int k = 0; k < 20; k++) {
        run.metric("m" + k, i * 100 + k);
      }
      run.table("per slice", slices);
      long id = run.finish().id();
      System.out.println("finished " + id);
      System.out.flush();
    }
  }
}
