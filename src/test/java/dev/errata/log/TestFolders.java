package dev.errata.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh folders under target/ for tests; nothing is written outside it. */
final class TestFolders {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestFolders() {}

  /** Returns a new empty folder target/test-log/NAME-N-PID. */
  static Path fresh(String name) {
    Path dir =
        Path.of("target", "test-log",
                name + "-" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime())
            .toAbsolutePath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
