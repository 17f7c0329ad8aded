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

/** Keeps dependencies pointing one way: render → analyses → significance/metrics → load; log alone. */
class AnalysisDependenciesTest {

  static final Path SOURCES = Path.of("main", "java", "dev", "errata");

  /** Each package, and the Errata packages its sources must not import. */
  static final Map<String, List<String>> FORBIDDEN =
      Map.of(
          "significance", List.of("slices", "audit", "compare", "render", "kernel"),
          "slices", List.of("audit", "compare", "render", "kernel"),
          "audit", List.of("compare", "render", "kernel"),
          "compare", List.of("audit", "render", "kernel"),
          "load", List.of("metrics", "tags", "baseline", "slices", "audit", "compare", "log", "render"),
          "metrics", List.of("tags", "baseline", "slices", "audit", "compare", "log", "render"),
          "baseline", List.of("tags", "slices", "audit", "compare", "log", "render"),
          "tags", List.of("slices", "audit", "compare", "log", "render"),
          "log", List.of("load", "metrics", "tags", "baseline", "slices", "audit", "compare", "render"),
          "examples", List.of("metrics", "tags", "slices", "audit", "compare", "log", "render"));

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

  @Test
  void theLibraryNeverImportsKernelClasses() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("import io.github.spencerpark")) {
            violations.add(f.getFileName() + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
