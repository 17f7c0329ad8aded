package dev.errata.log;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends runs to a log, as a second kernel would: {@code AppendRuns LOG COUNT WRITER}. Each run
 * has params writer and i, metrics m0..m4 = i + k/10, and finishes. Prints "ready" once the log
 * is open and waits for a line on standard input, so two writers start together; prints "done".
 */
public final class AppendRuns {

  private AppendRuns() {}

  /** Runs the appender. */
  public static void main(String[] args) throws java.io.IOException {
    int count = Integer.parseInt(args[1]);
    String writer = args[2];
    try (ExperimentLog log = ExperimentLog.open(args[0])) {
      System.out.println("ready");
      System.out.flush();
      new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
      for (int i = 0; i < count; i++) {
        Run run = log.start(writer + "-" + i, Map.of("writer", writer, "i", i), CodeVersion.none("test"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k = 0; k < 5; k++) {
          metrics.put("m" + k, i + k / 10.0);
        }
        run.metrics(metrics).finish();
      }
    }
    System.out.println("done");
  }
}
