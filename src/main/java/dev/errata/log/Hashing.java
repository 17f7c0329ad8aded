package dev.errata.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams, read once in blocks so a file of any size hashes in constant memory. */
final class Hashing {

  static final int BLOCK = 1 << 16;

  private Hashing() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JDK has no SHA-256", e);
    }
  }

  /** Returns the hex SHA-256 of everything {@code in} yields; does not close it. */
  static String sha256(InputStream in) throws IOException {
    return copy(in, OutputStream.nullOutputStream());
  }

  /** Copies {@code in} to {@code out} and returns the hex SHA-256 of the bytes copied. */
  static String copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = sha256();
    byte[] buf = new byte[BLOCK];
    for (int n; (n = in.read(buf)) > 0; ) {
      digest.update(buf, 0, n);
      out.write(buf, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
