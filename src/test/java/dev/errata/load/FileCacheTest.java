package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columnar cache: used for an unchanged file, never after the file changes, clearable. */
class FileCacheTest {

  @TempDir Path dir;
  private String before;

  @BeforeEach
  void copyEveryFile() {
    before = System.getProperty("errata.cache.minBytes");
    System.setProperty("errata.cache.minBytes", "0");
    FileCache.clear();
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("errata.cache.minBytes");
    } else {
      System.setProperty("errata.cache.minBytes", before);
    }
    FileCache.clear();
  }

  private static Predictions load(Path f) {
    return PredictionsReader.csv(f).actual("y").predicted("yhat").load();
  }

  private static List<String> cached() throws IOException {
    if (!Files.isDirectory(FileCache.files())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(FileCache.files())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anUnchangedFileIsReadFromItsCopyAndAChangedOneNever() throws Exception {
    Path f = Files.writeString(dir.resolve("p.csv"), "y,yhat\na,a\nb,a\nb,b\n");
    Predictions first = load(f);
    assertTrue(first.awaitCache(Duration.ofSeconds(30)), "the copy was written and is read");
    List<String> files = cached();
    assertEquals(3, files.size(), "copy, its source note and the load summary: " + files);
    assertTrue(files.stream().anyMatch(n -> n.endsWith(".parquet")));
    Predictions second = load(f);
    assertTrue(second.awaitCache(Duration.ZERO), "read from the copy at once");
    assertEquals(first.labels(), second.labels());
    assertEquals(3, second.size());
    assertEquals("b", second.rows(1).getString(0, "y"));

    // Same size, same modification time: only the content differs. Still a miss.
    FileTime time = Files.getLastModifiedTime(f);
    Files.writeString(f, "y,yhat\nc,c\nb,a\nb,b\n");
    Files.setLastModifiedTime(f, time);
    Predictions changed = load(f);
    assertEquals(List.of("a", "b", "c"), changed.labels().names());
    assertEquals("c", changed.rows(0).getString(0, "y"));
    assertEquals(1.0, changed.counts(List.of()).confusion(0)[2 * 3 + 2]);
  }

  @Test
  void clearRemovesEveryCopyAndNoCacheWritesNone() throws Exception {
    Path f = Files.writeString(dir.resolve("q.csv"), "y,yhat\na,a\n");
    PredictionsReader.csv(f).actual("y").predicted("yhat").cache(false).load();
    assertEquals(List.of(), cached());
    assertTrue(load(f).awaitCache(Duration.ofSeconds(30)));
    assertEquals(3, FileCache.clear());
    assertEquals(List.of(), cached());
    assertFalse(
        PredictionsReader.csv(f).actual("y").predicted("yhat").cache(false).load()
            .awaitCache(Duration.ZERO));
  }

  @Test
  void smallFilesAreNotCopiedByDefault() throws Exception {
    System.clearProperty("errata.cache.minBytes");
    Path f = Files.writeString(dir.resolve("small.csv"), "y,yhat\na,a\n");
    assertFalse(load(f).awaitCache(Duration.ofSeconds(5)));
    assertEquals(List.of(), cached());
  }
}
