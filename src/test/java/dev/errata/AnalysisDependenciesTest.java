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
      Map.ofEntries(
          Map.entry("significance", List.of("slices", "audit", "compare", "render", "kernel")),
          Map.entry("slices", List.of("audit", "compare", "render", "kernel")),
          Map.entry("audit", List.of("compare", "render", "kernel")),
          Map.entry("compare", List.of("audit", "render", "kernel")),
          Map.entry(
              "load",
              List.of(
                  "metrics", "tags", "baseline", "slices", "audit", "compare", "log", "render")),
          Map.entry(
              "metrics",
              List.of("tags", "baseline", "slices", "audit", "compare", "log", "render")),
          Map.entry("baseline", List.of("tags", "slices", "audit", "compare", "log", "render")),
          Map.entry("tags", List.of("slices", "audit", "compare", "log", "render")),
          Map.entry(
              "log",
              List.of(
                  "load", "metrics", "tags", "baseline", "slices", "audit", "compare", "render")),
          Map.entry(
              "examples",
              List.of("metrics", "tags", "slices", "audit", "compare", "log", "render")),
          // Tribuo in (load), provenance out (log); the analyses read the loaded predictions.
          Map.entry(
              "tribuo",
              List.of("metrics", "tags", "baseline", "slices", "audit", "compare", "render")));

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

  /** Spark is optional: only the Spark classes of load name it (loaded only when used). */
  @Test
  void onlySparkClassesNameSpark() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.getParent().equals(SOURCES.resolve("load"))
            && f.getFileName().toString().startsWith("Spark")) {
          continue;
        }
        for (String line : Files.readAllLines(f)) {
          if (line.contains("org.apache.spark")) {
            violations.add(f.getFileName() + ": " + line.strip());
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  /** Tribuo is optional: only its adapter package, and the front door's one delegate, name it. */
  @Test
  void onlyTheTribuoPackageAndTheFrontDoorNameTribuo() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.startsWith(SOURCES.resolve("tribuo")) || f.equals(SOURCES.resolve("Errata.java"))) {
          continue;
        }
        for (String line : Files.readAllLines(f)) {
          if (line.contains("org.tribuo")) {
            violations.add(f.getFileName() + ": " + line.strip());
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
