package dev.errata.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the empty lines of a CSV file outside quoted cells: DuckDB skips them, so loading says
 * how many there were and where, instead of passing over them without a word.
 *
 * @param count how many empty lines (only a line break, or CR LF) there are
 * @param first the 1-based line numbers of the first few
 */
record BlankLines(long count, List<Long> first) {

  static final int LISTED = 5;

  /** Scans {@code file} once, tracking quotes so a line break inside a quoted cell is no line. */
  static BlankLines of(Path file) {
    long count = 0;
    List<Long> first = new ArrayList<>();
    long line = 1;
    boolean quoted = false;
    int sinceBreak = 0;
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) > 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          byte b = buffer.get();
          if (b == '"') {
            quoted = !quoted;
            sinceBreak++;
          } else if (b == '\n') {
            if (!quoted) {
              if (sinceBreak == 0 && line > 1) {
                count++;
                if (first.size() < LISTED) {
                  first.add(line);
                }
              }
              sinceBreak = 0;
            }
            line++;
          } else if (b != '\r') {
            sinceBreak++;
          }
        }
        buffer.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return new BlankLines(count, List.copyOf(first));
  }
}
