package dev.errata.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps dependencies pointing one way: tags uses baseline, never the reverse, nor render. */
class DependencyDirectionTest {

  @Test
  void baselineImportsNeitherTagsNorRender() throws Exception {
    assertEquals(List.of(), offenders("baseline", "dev.errata.tags", "dev.errata.render"));
  }

  @Test
  void tagsImportNoRendering() throws Exception {
    assertEquals(List.of(), offenders("tags", "dev.errata.render"));
  }

  /** Returns the files of {@code pkg} that import from a forbidden package. */
  private static List<String> offenders(String pkg, String... forbidden) throws Exception {
    Path dir = Path.of("main", "java", "dev", "errata", pkg);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> {
            String text = read(f);
            return Stream.of(forbidden).anyMatch(p -> text.contains("import " + p + "."));
          })
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
