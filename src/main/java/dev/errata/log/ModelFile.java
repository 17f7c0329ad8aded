package dev.errata.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Identifies the model file a run produced.
 *
 * @param path the absolute path at the time of the run
 * @param sha256 hex SHA-256 of the file's bytes
 * @param sizeBytes the file's size
 * @param copiedTo where a copy was kept, when one was asked for
 */
public record ModelFile(String path, String sha256, long sizeBytes, Optional<String> copiedTo) {

  /** Hashes {@code file}; with {@code artifacts} non-null, also copies it into that folder. */
  static ModelFile of(Path file, Path artifacts) {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      throw new IllegalArgumentException("Model file " + abs + " is not a readable file");
    }
    try {
      if (artifacts == null) {
        try (InputStream in = Files.newInputStream(abs)) {
          return new ModelFile(abs.toString(), Hashing.sha256(in), Files.size(abs), Optional.empty());
        }
      }
      Files.createDirectories(artifacts);
      Path target = artifacts.resolve(abs.getFileName());
      Path partial = Files.createTempFile(artifacts, ".copy-", ".partial");
      String sha;
      try (InputStream in = Files.newInputStream(abs);
          OutputStream out = Files.newOutputStream(partial)) {
        sha = Hashing.copy(in, out); // the hash is of the very bytes copied
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new ModelFile(abs.toString(), sha, Files.size(target), Optional.of(target.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot " + (artifacts == null ? "read model file " + abs : "copy model file " + abs + " into " + artifacts), e);
    }
  }
}
