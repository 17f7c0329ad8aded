package dev.errata.engine;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One real local SparkSession ({@code local[2]}) for every Spark test in this JVM. */
public final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  /** Returns the shared session, starting it on first use (no UI, two shuffle partitions). */
  public static synchronized SparkSession session() {
    if (session == null) {
      String target = System.getProperty("java.io.tmpdir");
      session =
          SparkSession.builder()
              .appName("errata-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.local.dir", Path.of(target, "spark-local").toString())
              .config("spark.sql.warehouse.dir", Path.of(target, "spark-warehouse").toString())
              .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "errata-spark-stop"));
    }
    return session;
  }
}
