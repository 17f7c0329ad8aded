package dev.errata.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a committed golden file under {@code test/resources/golden}, exactly.
 * Run with {@code -Derrata.golden.update=true} to rewrite the files after a deliberate change,
 * then review the diff.
 */
public final class Golden {

  private Golden() {}

  /** Fails unless {@code actual} equals the golden file {@code name}, naming the first difference. */
  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("errata.golden.update")) {
      write(name, actual);
      return;
    }
    String expected = read(name);
    if (expected == null) {
      fail("No golden file golden/" + name + "; run with -Derrata.golden.update=true to create it");
    }
    if (!expected.equals(actual)) {
      int i = 0;
      while (i < Math.min(expected.length(), actual.length())
          && expected.charAt(i) == actual.charAt(i)) {
        i++;
      }
      fail(
          "Output differs from golden/"
              + name
              + " at character "
              + i
              + ":\n expected …"
              + around(expected, i)
              + "…\n actual   …"
              + around(actual, i)
              + "…");
    }
  }

  private static String around(String s, int i) {
    return s.substring(Math.max(0, i - 40), Math.min(s.length(), i + 40));
  }

  private static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String name, String text) {
    try {
      Path file = Path.of("test", "resources", "golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
