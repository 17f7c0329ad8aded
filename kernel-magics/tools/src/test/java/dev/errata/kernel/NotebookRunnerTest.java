package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.tools.NotebookRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {

  static final Path DIR = Path.of("target", "notebook-runner-test");

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void aFreshCopyHoldsTheNotebooksAndTheirDataButNothingARunGenerated() throws IOException {
    Path from = DIR.resolve("notebooks");
    for (String f :
        List.of(
            "00-quickstart.ipynb",
            "data/quickstart.csv",
            "data/SOURCES.md",
            "data/course/speech_dev.csv",
            "data/large/predictions.parquet",
            "runs.db",
            "data/penguin-runs.db-wal",
            ".ipynb_checkpoints/00-quickstart-checkpoint.ipynb")) {
      write(from.resolve(f), f);
    }
    Path to = DIR.resolve("copy");
    write(to.resolve("left-from-an-earlier-run.csv"), "old");
    assertEquals(to, NotebookRunner.freshCopy(from, to));
    assertEquals(
        List.of("00-quickstart.ipynb", "data/SOURCES.md", "data/quickstart.csv"), files(to));
    assertEquals("data/quickstart.csv", Files.readString(to.resolve("data/quickstart.csv")));
  }
}
