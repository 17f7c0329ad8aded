package dev.errata.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an export (a CSV for a spreadsheet, an HTML page) as a whole or not at all: into a new
 * file beside the target, which then replaces it. The file is created with the user's umask, as any
 * program's file is (a replaced file keeps its own permissions); an existing file is replaced only
 * when the caller says so.
 */
public final class AtomicFile {

  /** What to write, as text. */
  public interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /** What to write, as bytes. */
  private interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code body} to {@code file} as UTF-8 and returns {@code file}.
   *
   * @param overwrite whether an existing {@code file} may be replaced
   * @throws IllegalArgumentException if {@code file} exists and {@code overwrite} is false, or is a
   *     folder
   * @throws UncheckedIOException naming the file and the reason when the write fails
   */
  public static Path write(Path file, boolean overwrite, Body body) {
    return writeBytes(
        file,
        overwrite,
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.writeTo(w);
          w.flush();
        });
  }

  /** Writes {@code bytes} to {@code file}, as {@link #write(Path, boolean, Body)} writes text. */
  public static Path write(Path file, boolean overwrite, byte[] bytes) {
    return writeBytes(file, overwrite, out -> out.write(bytes));
  }

  private static Path writeBytes(Path file, boolean overwrite, Bytes body) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "Cannot write " + target + ": it is a folder; give a file name");
    }
    if (Files.exists(target) && !overwrite) {
      throw new IllegalArgumentException(
          "Not writing "
              + target
              + ": the file already exists; choose another name or allow replacing it"
              + " (library: overwrite = true; magic: --force)");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new UncheckedIOException(
          "Cannot write " + target + ": the file is read-only",
          new AccessDeniedException(target.toString()));
    }
    Path dir = target.getParent();
    for (Path up = dir; up != null; up = up.getParent()) {
      if (Files.exists(up)) {
        if (!Files.isDirectory(up)) {
          throw new UncheckedIOException(
              "Cannot write " + target + ": " + up + " is a file, not a folder",
              new NotDirectoryException(up.toString()));
        }
        break;
      }
    }
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
      }
      // CREATE_NEW without attributes: the mode is 0666 less the umask (createTempFile gives 0600).
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        body.writeTo(out);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      keepPermissions(target, tmp);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new UncheckedIOException("Cannot write " + target + ": " + reason(e, target), e);
    }
  }

  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (Files.exists(target)
        && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
      Set<PosixFilePermission> own = Files.getPosixFilePermissions(target);
      Files.setPosixFilePermissions(tmp, own);
    }
  }

  /** Returns why {@code e} happened, in words, naming the folder or file concerned. */
  public static String reason(IOException e, Path target) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied" + (a.getFile() == null ? "" : " on " + where(a.getFile(), target));
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder" + (n.getFile() == null ? "" : ": " + n.getFile());
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT)
          + (f.getFile() == null ? "" : " (" + where(f.getFile(), target) + ")");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String where(String file, Path target) {
    Path p = Path.of(file);
    return p.getFileName() != null && p.getFileName().toString().endsWith(".tmp")
        ? "folder " + target.getParent()
        : file;
  }
}
