package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Code version from real git repositories made under target/ (the ceiling stops the search there). */
class CodeVersionTest {

  /** SHA-256 of no bytes: what a clean tree's empty diff hashes to. */
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static byte[] git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
        "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), () -> "git " + String.join(" ", args) + ": " + new String(out, StandardCharsets.UTF_8));
    return out;
  }

  private static Path repoWithOneCommit() throws IOException, InterruptedException {
    Path repo = TestFolders.fresh("repo");
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("train.java"), "class Train {}\n");
    git(repo, "add", "train.java");
    git(repo, "commit", "-q", "-m", "first");
    return repo;
  }

  private static String headFromRefFile(Path repo) throws IOException {
    return Files.readString(repo.resolve(".git/refs/heads/main")).strip();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void cleanRepositoryGivesItsCommitAndNotDirty() throws Exception {
    Path repo = repoWithOneCommit();
    CodeVersion v = Git.codeVersion(repo, repo.getParent());
    assertEquals(headFromRefFile(repo), v.commit());
    assertFalse(v.dirty());
    assertEquals(EMPTY_SHA256, v.diffSha256());
    assertEquals(repo.toRealPath().toString(), v.detail());
    assertTrue(v.known());
  }

  @Test
  void subfolderFindsTheRepositoryAbove() throws Exception {
    Path repo = repoWithOneCommit();
    Path notebooks = Files.createDirectories(repo.resolve("notebooks"));
    assertEquals(headFromRefFile(repo), Git.codeVersion(notebooks, repo.getParent()).commit());
  }

  @Test
  void changedTrackedFileMakesTreeDirtyAndHashesTheDiff() throws Exception {
    Path repo = repoWithOneCommit();
    Files.writeString(repo.resolve("train.java"), "class Train { int epochs = 3; }\n");
    CodeVersion v = Git.codeVersion(repo, repo.getParent());
    assertTrue(v.dirty());
    assertEquals(sha256(git(repo, "diff", "HEAD", "--no-color", "--no-ext-diff", "--binary")), v.diffSha256());
    assertFalse(v.diffSha256().equals(EMPTY_SHA256));
    assertEquals(headFromRefFile(repo), v.commit());
  }

  @Test
  void untrackedFileMakesTreeDirtyButLeavesTheDiffEmpty() throws Exception {
    Path repo = repoWithOneCommit();
    Files.writeString(repo.resolve("notes.txt"), "new\n");
    CodeVersion v = Git.codeVersion(repo, repo.getParent());
    assertTrue(v.dirty());
    assertEquals(EMPTY_SHA256, v.diffSha256());
  }

  @Test
  void folderOutsideAnyRepositoryRecordsNone() {
    Path plain = TestFolders.fresh("plain");
    CodeVersion v = Git.codeVersion(plain, plain.getParent());
    assertEquals(CodeVersion.NONE, v.commit());
    assertFalse(v.known());
    assertEquals("no git repository at or above " + plain, v.detail());
  }

  @Test
  void repositoryWithoutCommitsRecordsNone() throws Exception {
    Path repo = TestFolders.fresh("empty-repo");
    git(repo, "init", "-q");
    CodeVersion v = Git.codeVersion(repo, repo.getParent());
    assertEquals(CodeVersion.NONE, v.commit());
    assertEquals("repository " + repo.toRealPath() + " has no commit yet", v.detail());
  }

  @Test
  void runStoresTheCodeVersionOfItsFolder() throws Exception {
    Path repo = repoWithOneCommit();
    Files.writeString(repo.resolve("train.java"), "changed\n");
    CodeVersion v = Git.codeVersion(repo, repo.getParent());
    try (ExperimentLog log = ExperimentLog.open(repo.resolve("runs.db").toString())) {
      long id = log.start("r", Map.of(), v).finish().id();
      assertEquals(v, log.run(id).code());
      assertEquals(headFromRefFile(repo), log.runs().stringColumn("commit").get(0));
    }
  }

  @Test
  void logsOwnFilesNeverMakeACommittedTreeDirty() throws Exception {
    Path repo = repoWithOneCommit();
    Files.writeString(repo.resolve(".gitignore"), "*.tmp\n");
    git(repo, "add", ".gitignore");
    git(repo, "commit", "-q", "-m", "ignore tmp");
    Path notebooks = Files.createDirectories(repo.resolve("notebooks"));
    Path model = Files.writeString(repo.resolve("model.tmp"), "weights"); // ignored
    try (ExperimentLog log = ExperimentLog.open(notebooks.resolve("errata-runs.db").toString())) {
      RunRecord first = log.start("first", Map.of(), notebooks).model(model, true).finish();
      assertFalse(first.code().dirty(), first.code().toString());
      assertEquals(EMPTY_SHA256, first.code().diffSha256());
      // The log, its -wal/-shm files and its artifacts folder now all exist: still clean.
      assertTrue(Files.exists(notebooks.resolve("errata-runs-artifacts")));
      RunRecord second = log.start("second", Map.of(), notebooks).finish();
      assertFalse(second.code().dirty(), second.code().toString());
      assertEquals(headFromRefFile(repo), second.code().commit());
      Files.writeString(notebooks.resolve("analysis.java"), "new\n");
      assertTrue(log.start("third", Map.of(), notebooks).finish().code().dirty());
    }
  }

  @Test
  void trackedChangeNextToTheLogStillMakesTheTreeDirty() throws Exception {
    Path repo = repoWithOneCommit();
    try (ExperimentLog log = ExperimentLog.open(repo.resolve("runs.db").toString())) {
      assertFalse(log.start("clean", Map.of(), repo).finish().code().dirty());
      Files.writeString(repo.resolve("train.java"), "class Train { int epochs = 3; }\n");
      CodeVersion v = log.start("changed", Map.of(), repo).finish().code();
      assertTrue(v.dirty());
      assertEquals(sha256(git(repo, "diff", "HEAD", "--no-color", "--no-ext-diff", "--binary")), v.diffSha256());
    }
  }

  @Test
  void dirtyRunIsRestoredToACommitAndAPatchThatGitApplies() throws Exception {
    Path repo = repoWithOneCommit();
    Files.writeString(repo.resolve(".gitignore"), "*.tmp\n");
    git(repo, "add", ".gitignore");
    git(repo, "commit", "-q", "-m", "ignore tmp");
    String commit = headFromRefFile(repo);
    // Tracked change, a small untracked text file in a new folder, a small binary, an ignored
    // file and an untracked file over the size cap.
    Files.writeString(repo.resolve("train.java"), "class Train { int epochs = 3; }\n");
    Files.createDirectories(repo.resolve("notes"));
    Files.writeString(repo.resolve("notes/idea.txt"), "try lr 0.01\nno newline at end");
    byte[] binary = {0, 1, 2, (byte) 255, 10, 13, 0};
    Files.write(repo.resolve("weights.bin"), binary);
    Files.writeString(repo.resolve("scratch.tmp"), "ignored");
    Files.write(repo.resolve("big.csv"), new byte[(int) CodePatch.MAX_UNTRACKED_FILE + 1]);
    long id;
    Path out = TestFolders.fresh("restored");
    CodeRestore restored;
    try (ExperimentLog log = ExperimentLog.open(repo.resolve("runs.db").toString())) {
      Run run = log.start("dirty", Map.of(), repo);
      run.source("%%experiment dirty\ntrain();\n").finish();
      id = run.id();
      restored = log.restore(id, out);
    }
    assertEquals(commit, restored.commit());
    assertEquals(List.of(out.resolve("COMMIT"), out.resolve("changes.patch"), out.resolve("cell.jsh")),
        restored.files());
    assertEquals(List.of("big.csv (untracked, over 262144 bytes)"), restored.leftOut());
    assertEquals(commit + "\n", Files.readString(out.resolve("COMMIT")));
    assertEquals("%%experiment dirty\ntrain();\n", Files.readString(out.resolve("cell.jsh")));
    assertEquals("git checkout " + commit + "\ngit apply " + out.resolve("changes.patch")
        + "\n# not in the patch: big.csv (untracked, over 262144 bytes)", restored.instructions());

    Path clone = TestFolders.fresh("clone");
    git(clone.getParent(), "clone", "-q", repo.toString(), clone.toString());
    git(clone, "checkout", "-q", commit);
    git(clone, "apply", out.resolve("changes.patch").toString());
    assertEquals("class Train { int epochs = 3; }\n", Files.readString(clone.resolve("train.java")));
    assertEquals("try lr 0.01\nno newline at end", Files.readString(clone.resolve("notes/idea.txt")));
    assertEquals(java.util.Arrays.toString(binary),
        java.util.Arrays.toString(Files.readAllBytes(clone.resolve("weights.bin"))));
    assertFalse(Files.exists(clone.resolve("scratch.tmp")));
    assertFalse(Files.exists(clone.resolve("big.csv")));
    assertFalse(Files.exists(clone.resolve("runs.db")));

    try (ExperimentLog log = ExperimentLog.open(repo.resolve("runs.db").toString())) {
      IllegalArgumentException again =
          assertThrows(IllegalArgumentException.class, () -> log.restore(id, out));
      assertTrue(again.getMessage().startsWith("Not writing " + out.resolve("COMMIT")), again.getMessage());
    }
  }

  @Test
  void cleanRunRestoresToItsCommitAlone() throws Exception {
    Path repo = repoWithOneCommit();
    Path out = TestFolders.fresh("restored-clean");
    try (ExperimentLog log = ExperimentLog.open(repo.resolve("runs.db").toString())) {
      long id = log.start("clean", Map.of(), repo).finish().id();
      CodeRestore r = log.restore(id, out);
      assertEquals(List.of(out.resolve("COMMIT")), r.files());
      assertEquals("git checkout " + headFromRefFile(repo), r.instructions());
    }
  }
}
