package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the dependency direction honest: the log knows no analysis type, render or kernel. */
class LogDependencyTest {

  @Test
  void logImportsNoOtherErrataPackage() throws Exception {
    Path sources = Path.of("main/java/dev/errata/log");
    List<String> offending;
    try (Stream<Path> files = Files.list(sources)) {
      offending = files.flatMap(f -> {
        try {
          return Files.readAllLines(f).stream()
              .filter(l -> l.matches("import (static )?dev\\.errata\\..*"))
              .filter(l -> !l.matches("import (static )?dev\\.errata\\.(log|internal)\\..*"))
              .map(l -> f.getFileName() + ": " + l);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertEquals(List.of(), offending);
    assertEquals(true, Files.isDirectory(sources), "run from the src/ module folder");
  }
}
