package dev.errata.log;

import dev.errata.internal.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ExperimentLog#restore} wrote to rebuild a run's code: the commit to check out and,
 * for a dirty tree, the patch to apply on it.
 *
 * @param run the run's id
 * @param commit the commit the run's code was at
 * @param files the files written, in the folder given: COMMIT, then changes.patch and cell.jsh when
 *     the run has them
 * @param leftOut files the patch does not hold (too big), each with why; empty when complete
 */
public record CodeRestore(long run, String commit, List<Path> files, List<String> leftOut) {

  /** The kind of the stored patch of a dirty tree. */
  static final String PATCH = "patch";

  /** The kind of the stored {@code %%experiment} cell source. */
  static final String CELL = "cell";

  public CodeRestore {
    files = List.copyOf(files);
    leftOut = List.copyOf(leftOut);
  }

  /** A stored piece of code: gzip-compressed bytes and a note. */
  record Piece(byte[] gz, String note) {}

  static Map<String, Piece> pieces(Connection c, long run) throws SQLException {
    Map<String, Piece> out = new LinkedHashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT kind, gz, note FROM errata_code WHERE run_id = ? ORDER BY kind")) {
      p.setLong(1, run);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), new Piece(r.getBytes(2), r.getString(3)));
        }
      }
    }
    return out;
  }

  static CodeRestore write(RunRecord r, Map<String, Piece> pieces, Path dir) {
    if (!r.code().known()) {
      throw new IllegalArgumentException(
          "Run "
              + r.id()
              + " (\""
              + r.name()
              + "\") recorded no git commit ("
              + r.code().detail()
              + "), so its code cannot be restored");
    }
    List<Path> files = new ArrayList<>();
    files.add(
        AtomicFile.write(
            dir.resolve("COMMIT"),
            false,
            (r.code().commit() + "\n").getBytes(StandardCharsets.UTF_8)));
    List<String> leftOut = new ArrayList<>();
    Piece patch = pieces.get(PATCH);
    if (patch != null) {
      files.add(
          AtomicFile.write(dir.resolve("changes.patch"), false, CodePatch.gunzip(patch.gz())));
      if (!patch.note().isEmpty()) {
        leftOut.addAll(List.of(patch.note().split("\n")));
      }
    } else if (r.code().dirty()) {
      leftOut.add("the whole patch: run " + r.id() + " was logged before Errata kept patches");
    }
    Piece cell = pieces.get(CELL);
    if (cell != null) {
      files.add(AtomicFile.write(dir.resolve("cell.jsh"), false, CodePatch.gunzip(cell.gz())));
    }
    return new CodeRestore(r.id(), r.code().commit(), files, leftOut);
  }

  /** Returns the commands that rebuild the code in a clone of the repository, one a line. */
  public String instructions() {
    StringBuilder sb = new StringBuilder("git checkout " + commit);
    files.stream()
        .filter(f -> f.getFileName().toString().equals("changes.patch"))
        .forEach(f -> sb.append("\ngit apply ").append(f.toAbsolutePath()));
    if (!leftOut.isEmpty()) {
      sb.append("\n# not in the patch: ").append(String.join("; ", leftOut));
    }
    return sb.toString();
  }
}
