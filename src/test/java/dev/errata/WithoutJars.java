package dev.errata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The test class path without the jars of an optional library, for the tests that prove Errata
 * loads, compiles against and works without it (Spark, Tribuo).
 *
 * @param library the library's name, for messages
 * @param entries the class path entries kept
 */
record WithoutJars(String library, List<String> entries) {

  /** Returns the test class path without the jars whose file names {@code dropped} accepts. */
  static WithoutJars of(String library, Predicate<String> dropped) {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> all = List.of(path.split(File.pathSeparator));
    List<String> kept =
        all.stream()
            .filter(e -> !e.endsWith(".jar") || !dropped.test(Path.of(e).getFileName().toString()))
            .toList();
    assertTrue(kept.size() < all.size(), library + " should be on the test class path: " + all);
    return new WithoutJars(library, kept);
  }

  /** Returns a class loader over these entries alone (on the platform loader). */
  URLClassLoader loader() throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String entry : entries) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /** Asserts that {@code lines} (one class named Cell) compile against these entries alone. */
  void assertCompiles(String... lines) throws IOException {
    Path dir = Files.createTempDirectory("without-" + library.toLowerCase(java.util.Locale.ROOT));
    Path source = dir.resolve("Cell.java");
    Files.writeString(source, String.join("\n", lines));
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
                    String.join(File.pathSeparator, entries),
                    "-d",
                    dir.toString()),
                null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source))
            .call();
    assertTrue(ok, "without " + library + ": " + errors);
  }
}
