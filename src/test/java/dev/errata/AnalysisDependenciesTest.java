package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps dependencies pointing one way: render → analyses → significance/metrics → load. */
class AnalysisDependenciesTest {

  static final Path SOURCES = Path.of("main", "java", "dev", "errata");

  /** Each package, and the Errata packages its sources must not import. */
  static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "significance", List.of("slices", "audit", "compare", "render", "kernel"),
          "slices", List.of("audit", "compare", "render", "kernel"),
          "audit", List.of("compare", "render", "kernel"),
          "compare", List.of("audit", "render", "kernel"));

  @Test
  void analysesNeverImportRenderingOrLaterAnalyses() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "run from the module folder: " + SOURCES.toAbsolutePath());
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
      try (Stream<Path> files = Files.list(SOURCES.resolve(e.getKey()))) {
        for (Path f : files.toList()) {
          for (String line : Files.readAllLines(f)) {
            for (String bad : e.getValue()) {
              if (line.startsWith("import dev.errata." + bad + ".")) {
                violations.add(f.getFileName() + ": " + line);
              }
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
