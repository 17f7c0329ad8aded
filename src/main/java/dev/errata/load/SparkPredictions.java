package dev.errata.load;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Starts reading predictions that live in a Spark {@code Dataset<Row>}: {@code
 * SparkPredictions.from(spark.read().parquet("runs/")).actual("label").predicted("pred").load()}.
 *
 * <p>The role columns are named as for files and the same input policy holds. Every count (the
 * report, slices and their intersections, tags, baselines, audits) is a Spark aggregation on the
 * cluster; only the counts cube comes back, and per-example views (the errors sheet, failing ids,
 * samples) fetch their rows by filter and limit; comparing two such runs joins them by id in Spark.
 * Needs Spark on the class path (with the module
 * flags of the README on Java 17); nothing else in Errata does.
 */
public final class SparkPredictions {

  private SparkPredictions() {}

  /** Starts from {@code rows}, named "Spark Dataset" in messages. */
  public static PredictionsReader from(Dataset<Row> rows) {
    return from(rows, "Spark Dataset");
  }

  /** Starts from {@code rows}, named {@code name} in messages (e.g. the notebook variable). */
  public static PredictionsReader from(Dataset<Row> rows, String name) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(name, "name");
    return PredictionsReader.fromSpark(rows, name);
  }
}
