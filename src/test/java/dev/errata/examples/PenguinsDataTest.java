package dev.errata.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PenguinsDataTest {

  @Test
  void committedPenguinsAreTheFileShippedInVegaDatasets321() throws IOException, NoSuchAlgorithmException {
    // The SHA-1 recorded in notebooks/data/SOURCES.md for data/penguins.json of vega-datasets 3.2.1.
    Path file = Path.of("..", "notebooks", "data", "penguins.json");
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file));
    assertEquals("1cd902367061ec07d2bf329ae81e150b49dc0761", HexFormat.of().formatHex(digest));
    String sources = Files.readString(Path.of("..", "notebooks", "data", "SOURCES.md"));
    assertEquals(true, sources.contains("1cd902367061ec07d2bf329ae81e150b49dc0761"));
  }
}
