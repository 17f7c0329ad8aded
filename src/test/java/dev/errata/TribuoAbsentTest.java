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

/** Tribuo is optional: without it on the class path, Errata loads, compiles against and works. */
class TribuoAbsentTest {

  /** The test class path without Tribuo's jars (and OLCUT, which only Tribuo brings). */
  static List<String> classPathWithoutTribuo() {
    // Surefire runs tests from a manifest-only jar and names the real class path here.
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> all = List.of(path.split(File.pathSeparator));
    List<String> kept =
        all.stream()
            .filter(e -> !e.endsWith(".jar") || !jar(e).matches("(tribuo|olcut)-.*"))
            .toList();
    assertTrue(kept.size() < all.size(), "Tribuo should be on the test class path: " + all);
    return kept;
  }

  private static String jar(String entry) {
    return Path.of(entry).getFileName().toString();
  }

  @Test
  void theLibraryRunsWithoutTribuo() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPathWithoutTribuo()) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.tribuo.Prediction"));
      Class<?> run = Class.forName(NoTribuo.class.getName(), true, loader);
      assertEquals(2.0 / 3, (double) run.getMethod("accuracy").invoke(null), 1e-15);
      // The front door's methods, fromTribuo included, can be listed (as a kernel's completion
      // does).
      Class<?> errata = Class.forName(Errata.class.getName(), true, loader);
      assertTrue(errata.getMethods().length > 10);
    }
  }

  @Test
  void notebookCodeCallingTheFrontDoorCompilesWithoutTribuo() throws Exception {
    Path dir = Files.createTempDirectory("no-tribuo");
    Path source = dir.resolve("Cell.java");
    Files.writeString(
        source,
        String.join(
            "\n",
            "import dev.errata.Errata;",
            "import tech.tablesaw.api.*;",
            "class Cell {",
            "  Object run() {",
            "    Table t = Table.create(\"t\", StringColumn.create(\"a\", \"x\", \"y\"),",
            "        StringColumn.create(\"p\", \"x\", \"x\"));",
            "    return Errata.report(Errata.from(t).actual(\"a\").predicted(\"p\").load());",
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
                    String.join(File.pathSeparator, classPathWithoutTribuo()),
                    "-d",
                    dir.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
            .call();
    assertTrue(ok, errors.toString());
  }
}
