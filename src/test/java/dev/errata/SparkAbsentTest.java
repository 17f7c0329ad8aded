package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spark is optional: without its jars, Errata loads, lists its methods, compiles and works. */
class SparkAbsentTest {

  /** The test class path without Spark's own jars (spark-sql, -core, -catalyst, …). */
  static final WithoutJars WITHOUT_SPARK = WithoutJars.of("Spark", jar -> jar.startsWith("spark-"));

  @Test
  void theLibraryRunsWithoutSpark() throws Exception {
    try (URLClassLoader loader = WITHOUT_SPARK.loader()) {
      assertThrows(
          ClassNotFoundException.class, () -> loader.loadClass("org.apache.spark.sql.Dataset"));
      Class<?> run = Class.forName(NoTribuo.class.getName(), true, loader);
      assertEquals(2.0 / 3, (double) run.getMethod("accuracy").invoke(null), 1e-15);
      // The classes a notebook touches list their methods (as a kernel's completion does).
      for (String name :
          List.of(
              Errata.class.getName(),
              "dev.errata.load.PredictionsReader",
              "dev.errata.load.Predictions")) {
        assertTrue(Class.forName(name, true, loader).getMethods().length > 10, name);
      }
    }
  }

  @Test
  void notebookCodeReadingAFileCompilesWithoutSpark() throws Exception {
    WITHOUT_SPARK.assertCompiles(
        "import dev.errata.Errata;",
        "import dev.errata.load.PredictionsReader;",
        "class Cell {",
        "  Object run() {",
        "    PredictionsReader r = Errata.read(\"p.csv\").actual(\"a\").predicted(\"p\");",
        "    return Errata.report(r.load());",
        "  }",
        "}");
  }
}
