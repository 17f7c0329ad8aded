package dev.errata.examples;

import dev.errata.internal.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * Writes a large predictions set the way most are stored today: Parquet (one file, and the same
 * rows as a folder of part files, as Spark or pandas write them), plus the CSV it was made from.
 * Seeded, so every run makes the same files: 5 classes, a 20-value {@code region} column, a model
 * that is right 88 % of the time overall and worse in two regions.
 */
public final class LargeData {

  /** The classes, in the order they are drawn by frequency. */
  static final List<String> CLASSES = List.of("car", "truck", "bike", "bus", "pedestrian");

  private LargeData() {}

  /**
   * Writes {@code predictions.csv}, {@code predictions.parquet} and {@code parts/part-*.parquet}
   * (4 files) into {@code dir}; returns the Parquet file. Nothing is written when all exist.
   */
  public static Path write(Path dir, int rows, long seed) {
    Path csv = dir.resolve("predictions.csv");
    Path parquet = dir.resolve("predictions.parquet");
    Path parts = dir.resolve("parts");
    if (Files.exists(parquet) && Files.exists(csv) && Files.isDirectory(parts)) {
      return parquet;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] weights = {0.40, 0.25, 0.15, 0.12, 0.08};
    try (CsvWriter out = CsvWriter.open(csv, List.of("id", "label", "prediction", "region", "score"))) {
      for (int i = 0; i < rows; i++) {
        int region = random.nextInt(20);
        int actual = draw(random, weights);
        double right = region == 7 ? 0.70 : region == 13 ? 0.78 : 0.90;
        int predicted = random.nextDouble() < right ? actual : draw(random, weights);
        double score = Math.round(random.nextDouble() * 1000) / 1000.0;
        out.row("ex-" + i, CLASSES.get(actual), CLASSES.get(predicted), "r" + region, score);
      }
    }
    try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement s = c.createStatement()) {
      String read =
          "SELECT * FROM read_csv('" + csv.toAbsolutePath().toString().replace("'", "''")
              + "', header = true, all_varchar = true)";
      s.execute("COPY (" + read + ") TO '" + sql(parquet) + "' (FORMAT parquet)");
      Files.createDirectories(parts);
      for (int part = 0; part < 4; part++) {
        s.execute(
            "COPY (SELECT * FROM ("
                + read
                + ") WHERE CAST(substr(id, 4) AS BIGINT) % 4 = "
                + part
                + ") TO '"
                + sql(parts.resolve("part-" + part + ".parquet"))
                + "' (FORMAT parquet)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write Parquet into " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write into " + dir, e);
    }
    return parquet;
  }

  private static String sql(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  private static int draw(SplittableRandom random, double[] weights) {
    double u = random.nextDouble();
    double sum = 0;
    for (int c = 0; c < weights.length; c++) {
      sum += weights[c];
      if (u < sum) {
        return c;
      }
    }
    return weights.length - 1;
  }
}
