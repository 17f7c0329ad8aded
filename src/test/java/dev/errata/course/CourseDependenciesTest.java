package dev.errata.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the course analyses (course, agreement) between the counts and the rendering: they never
 * import rendering, the log or other analyses' front ends, and nothing below them imports them.
 */
class CourseDependenciesTest {

  static final Path SOURCES = Path.of("main", "java", "dev", "errata");

  @Test
  void courseAnalysesPointOneWay() throws IOException {
    assertTrue(
        Files.isDirectory(SOURCES), "run from the module folder: " + SOURCES.toAbsolutePath());
    List<String> violations = new ArrayList<>();
    for (String pkg : List.of("course", "agreement")) {
      check(pkg, List.of("render", "log", "audit", "compare", "kernel", "examples"), violations);
    }
    for (String pkg :
        List.of("load", "metrics", "significance", "tags", "baseline", "slices", "log", "render")) {
      check(pkg, List.of("course", "agreement"), violations);
    }
    check("agreement", List.of("course"), violations);
    assertEquals(List.of(), violations);
  }

  private static void check(String pkg, List<String> forbidden, List<String> violations)
      throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          for (String bad : forbidden) {
            if (line.startsWith("import dev.errata." + bad + ".")) {
              violations.add(pkg + "/" + f.getFileName() + ": " + line);
            }
          }
        }
      }
    }
  }
}
