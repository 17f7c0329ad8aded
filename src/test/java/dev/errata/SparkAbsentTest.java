package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Spark is optional: without its jars, Errata loads, lists its methods, compiles and works. */
class SparkAbsentTest {

  /** The test class path without Spark's own jars (spark-sql, -core, -catalyst, …). */
  static List<String> classPathWithoutSpark() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> all = List.of(path.split(File.pathSeparator));
    List<String> kept =
        all.stream()
            .filter(
                e -> !e.endsWith(".jar") || !Path.of(e).getFileName().toString().startsWith("spark-"))
            .toList();
    assertTrue(kept.size() < all.size(), "Spark should be on the test class path: " + all);
    return kept;
  }

  @Test
  void theLibraryRunsWithoutSpark() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPathWithoutSpark()) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
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
    Path dir = Files.createTempDirectory("no-spark");
    Path source = dir.resolve("Cell.java");
    Files.writeString(
        source,
        String.join(
            "\n",
            "import dev.errata.Errata;",
            "import dev.errata.load.PredictionsReader;",
            "class Cell {",
            "  Object run() {",
            "    PredictionsReader r = Errata.read(\"p.csv\").actual(\"a\").predicted(\"p\");",
            "    return Errata.report(r.load());",
            "  }",
            "}"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-classpath",
                    String.join(File.pathSeparator, classPathWithoutSpark()),
                    "-d",
                    dir.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
            .call();
    assertTrue(ok, errors.toString());
  }
}
