package dev.errata.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The columnar cache of text files: a Parquet copy of each CSV/TSV read, so reading an unchanged
 * file again takes a fraction of a second. One file per (absolute path, size, modification time,
 * separator); a changed file has another key, so a copy is never used after its file changes.
 *
 * <p>Lives in {@code errata.cache} (system property) or {@code ERRATA_CACHE} (environment), else
 * {@code $XDG_CACHE_HOME/errata}, else {@code ~/.cache/errata}. Safe to delete at any time; {@link
 * #clear()} does.
 */
public final class FileCache {

  /** Bumped when the cached layout changes, so older copies are not read. */
  private static final String FORMAT = "errata-parquet-1";

  /**
   * Text files smaller than this (32 MB) are not copied: DuckDB reads them in well under a
   * second. The system property {@code errata.cache.minBytes} changes it.
   */
  static final long MIN_BYTES = 32L << 20;

  private FileCache() {}

  /** Returns whether a text file of {@code bytes} is worth a columnar copy. */
  static boolean worthCopying(long bytes) {
    return bytes >= Long.getLong("errata.cache.minBytes", MIN_BYTES);
  }

  /** Returns the cache folder (created on first write). */
  public static Path directory() {
    String configured = System.getProperty("errata.cache", System.getenv("ERRATA_CACHE"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("errata").toAbsolutePath();
  }

  /** Returns the folder holding the Parquet copies (and what loading found, beside each). */
  public static Path files() {
    return directory().resolve("files");
  }

  /** Deletes every cached copy; returns how many files were removed. */
  public static int clear() {
    Path dir = files();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        if (Files.deleteIfExists(p)) {
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear the cache in " + dir + ": " + e.getMessage(), e);
    }
    return removed;
  }

  /**
   * The identity of a file as read: where, how big, when last changed, and a hash of its first and
   * last 64 KB (so an edit that keeps size and time, within the clock's resolution, still shows).
   */
  record Stamp(Path file, long size, long modifiedNanos, String ends) {

    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(
            file.toAbsolutePath().normalize(),
            a.size(),
            a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
            ends(file, a.size()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    private static String ends(Path file, long size) throws IOException {
      try (var channel = java.nio.channels.FileChannel.open(file)) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int chunk = 64 << 10;
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(chunk, size));
        while (head.hasRemaining() && channel.read(head) > 0) {
          // read the first chunk
        }
        sha.update(head.flip());
        if (size > chunk) {
          java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(chunk, size - chunk));
          long at = size - tail.capacity();
          while (tail.hasRemaining()) {
            int n = channel.read(tail, at + tail.position());
            if (n <= 0) {
              break;
            }
          }
          sha.update(tail.flip());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }
  }

  /** Returns where the copy of {@code stamp} read with {@code separator} lives. */
  static Path location(Stamp stamp, char separator) {
    String key = FORMAT + "\n" + stamp.file() + "\n" + stamp.size() + "\n" + stamp.modifiedNanos()
        + "\n" + stamp.ends() + "\n" + (int) separator;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return files().resolve(HexFormat.of().formatHex(hash, 0, 16) + ".parquet");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns the cached copy of {@code stamp}, if one is complete. */
  static Optional<Path> find(Stamp stamp, char separator) {
    Path p = location(stamp, separator);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Writes the copy with {@code write} (given a temporary path) and moves it in place, unless the
   * file changed meanwhile; returns the copy, or empty when it could not be made.
   */
  static Optional<Path> store(Stamp stamp, char separator, Writer write) {
    Path target = location(stamp, separator);
    Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      write.to(tmp);
      if (!Stamp.of(stamp.file()).equals(stamp)) {
        Files.deleteIfExists(tmp);
        return Optional.empty();
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          target.resolveSibling(target.getFileName() + ".source.txt"),
          stamp.file() + "\n",
          StandardCharsets.UTF_8);
      return Optional.of(target);
    } catch (Exception e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing more to undo
      }
      return Optional.empty();
    }
  }

  private static Path summaryLocation(Stamp stamp, char separator, String options) {
    Path copy = location(stamp, separator);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(options.getBytes(StandardCharsets.UTF_8));
      return copy.resolveSibling(
          copy.getFileName() + "." + HexFormat.of().formatHex(hash, 0, 8) + ".summary");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns what loading found last time for this file and these options, if it was kept. */
  static Optional<DuckReader.Summary> summary(Stamp stamp, char separator, String options) {
    Path p = summaryLocation(stamp, separator, options);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    java.util.Properties props = new java.util.Properties();
    try (var in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      props.load(in);
      if (!options.equals(props.getProperty("options"))) {
        return Optional.empty();
      }
      java.util.List<String> labels = list(props, "label");
      java.util.List<String> warnings = list(props, "warning");
      java.util.Map<String, String> probabilities = new java.util.LinkedHashMap<>();
      java.util.List<String> probabilityLabels = list(props, "probability.label");
      java.util.List<String> probabilityColumns = list(props, "probability.column");
      for (int i = 0; i < probabilityLabels.size(); i++) {
        probabilities.put(probabilityLabels.get(i), probabilityColumns.get(i));
      }
      return Optional.of(
          new DuckReader.Summary(
              Long.parseLong(props.getProperty("rows")),
              Boolean.parseBoolean(props.getProperty("dropped")),
              new Labels(labels),
              numbers(props.getProperty("unweighted")),
              numbers(props.getProperty("weighted")),
              warnings,
              probabilities,
              zip(list(props, "merge.from"), list(props, "merge.to"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps what loading found, beside the copy (best effort: a failed write is only a miss). */
  static void saveSummary(Stamp stamp, char separator, String options, DuckReader.Summary s) {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("options", options);
    props.setProperty("source", stamp.file().toString());
    props.setProperty("rows", Long.toString(s.rows()));
    props.setProperty("dropped", Boolean.toString(s.dropped()));
    put(props, "label", s.labels().names());
    put(props, "warning", s.warnings());
    put(props, "probability.label", java.util.List.copyOf(s.probabilityColumns().keySet()));
    put(props, "probability.column", java.util.List.copyOf(s.probabilityColumns().values()));
    put(props, "merge.from", java.util.List.copyOf(s.merged().keySet()));
    put(props, "merge.to", java.util.List.copyOf(s.merged().values()));
    props.setProperty("unweighted", text(s.unweighted()));
    props.setProperty("weighted", text(s.weighted()));
    Path target = summaryLocation(stamp, separator, options);
    Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(out, "Errata: what loading " + stamp.file() + " found");
      }
      if (Stamp.of(stamp.file()).equals(stamp)) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // A summary that cannot be kept only means the next load validates again.
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing more to undo
      }
    }
  }

  private static void put(java.util.Properties props, String key, java.util.List<String> values) {
    props.setProperty(key + ".count", Integer.toString(values.size()));
    for (int i = 0; i < values.size(); i++) {
      props.setProperty(key + "." + i, values.get(i));
    }
  }

  private static java.util.List<String> list(java.util.Properties props, String key) {
    int n = Integer.parseInt(props.getProperty(key + ".count"));
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(java.util.Objects.requireNonNull(props.getProperty(key + "." + i), key + "." + i));
    }
    return out;
  }

  private static java.util.Map<String, String> zip(
      java.util.List<String> keys, java.util.List<String> values) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i), values.get(i));
    }
    return out;
  }

  private static String text(double[] values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : ",").append(Double.toString(v));
    }
    return b.toString();
  }

  private static double[] numbers(String text) {
    if (text.isEmpty()) {
      return new double[0];
    }
    String[] parts = text.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  /** Writes a copy to a path. */
  interface Writer {
    void to(Path tmp) throws Exception;
  }
}
