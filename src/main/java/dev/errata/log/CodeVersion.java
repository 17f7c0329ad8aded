package dev.errata.log;

import java.nio.file.Path;

/**
 * Identifies the code a run used: the git commit of the repository holding a folder, whether its
 * working tree had changes (tracked or untracked, not ignored; a log's own files never count when
 * the log records the run), and the SHA-256 of {@code git diff HEAD} (tracked changes only; the
 * hash of empty output when clean).
 *
 * @param commit the full commit hash, or {@link #NONE} when there is no repository or commit
 * @param dirty whether the working tree differed from the commit
 * @param diffSha256 hex SHA-256 of {@code git diff HEAD} output, empty when {@code commit} is none
 * @param detail the repository's top folder, or why there is no commit
 */
public record CodeVersion(String commit, boolean dirty, String diffSha256, String detail) {

  /** The commit recorded when the folder is in no git repository. */
  public static final String NONE = "none";

  /** Returns the code version of the git repository holding {@code folder}, searching upward. */
  public static CodeVersion of(Path folder) {
    return Git.codeVersion(folder, null);
  }

  /** Returns a code version that records no repository, saying why. */
  public static CodeVersion none(String why) {
    return new CodeVersion(NONE, false, "", why);
  }

  /** Returns whether a commit was found. */
  public boolean known() {
    return !commit.equals(NONE);
  }
}
