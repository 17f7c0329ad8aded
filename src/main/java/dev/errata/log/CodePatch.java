package dev.errata.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The changes of a dirty working tree against its commit, as one patch that {@code git apply}
 * accepts: {@code git diff HEAD --binary} (tracked files), then each untracked, not ignored file up
 * to {@value #MAX_UNTRACKED_FILE} bytes as a new file. Files over that size, or past {@value
 * #MAX_TOTAL} bytes of patch in all, are left out and named, so a restore says what is missing.
 *
 * @param text the patch (UTF-8 headers; file contents as git writes them)
 * @param leftOut the files left out, each with why
 */
record CodePatch(byte[] text, List<String> leftOut) {

  /** The largest untracked file kept in a patch. */
  static final long MAX_UNTRACKED_FILE = 256 * 1024;

  /** The largest patch kept (before compression). */
  static final long MAX_TOTAL = 16L * 1024 * 1024;

  CodePatch {
    text = text.clone();
    leftOut = List.copyOf(leftOut);
  }

  @Override
  public byte[] text() {
    return text.clone();
  }

  /** Joins the tracked diff and the untracked files' patches (null: too big), within the caps. */
  static CodePatch of(byte[] tracked, SortedMap<String, byte[]> untracked) {
    List<String> left = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (tracked.length > MAX_TOTAL) {
      left.add(
          "the changes to tracked files (" + tracked.length + " bytes, over " + MAX_TOTAL + ")");
    } else {
      out.writeBytes(tracked);
    }
    for (Map.Entry<String, byte[]> e : untracked.entrySet()) {
      if (e.getValue() == null) {
        left.add(e.getKey() + " (untracked, over " + MAX_UNTRACKED_FILE + " bytes)");
      } else if (out.size() + e.getValue().length > MAX_TOTAL) {
        left.add(e.getKey() + " (untracked; the patch would pass " + MAX_TOTAL + " bytes)");
      } else {
        out.writeBytes(e.getValue());
      }
    }
    return new CodePatch(out.toByteArray(), left);
  }

  /** Returns the patch gzip-compressed, as the log stores it. */
  byte[] gzip() {
    return gzip(text);
  }

  /** Returns {@code raw} gzip-compressed. */
  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Returns the bytes that {@link #gzip} compressed. */
  static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return z.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("A stored patch is not valid gzip", e);
    }
  }
}
