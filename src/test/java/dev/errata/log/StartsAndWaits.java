package dev.errata.log;

import java.util.Map;

/** Starts one run and waits to be killed: {@code StartsAndWaits LOG}; prints "started ID". */
public final class StartsAndWaits {

  private StartsAndWaits() {}

  /** Runs the writer. */
  public static void main(String[] args) throws InterruptedException {
    ExperimentLog log = ExperimentLog.open(args[0]);
    Run run = log.start("killed", Map.of(), CodeVersion.none("test"));
    System.out.println("started " + run.id());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
