package dev.errata.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks the {@code git} command line about a folder; no git library, so any git setup works. */
final class Git {

  private static final long TIMEOUT_SECONDS = 60;
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private Git() {}

  /**
   * Returns the code version of {@code folder}; {@code ceiling} (may be null) stops the upward
   * search for a repository there, as {@code GIT_CEILING_DIRECTORIES} does.
   */
  static CodeVersion codeVersion(Path folder, Path ceiling) {
    return codeVersion(folder, ceiling, List.of());
  }

  /**
   * Returns the code version of {@code folder}, ignoring {@code own} files (the log's database,
   * its -wal/-shm/-journal companions, its artifacts folder): they change with every run, so
   * counting them would mark every run of a committed tree dirty.
   */
  static CodeVersion codeVersion(Path folder, Path ceiling, List<Path> own) {
    return read(folder, ceiling, own, false).code();
  }

  /** The code version and, for a dirty tree, the patch that rebuilds it from the commit. */
  record Snapshot(CodeVersion code, Optional<CodePatch> patch) {}

  /** Returns the code version of {@code folder} and, when it is dirty, its patch. */
  static Snapshot snapshot(Path folder, Path ceiling, List<Path> own) {
    return read(folder, ceiling, own, true);
  }

  private static Snapshot read(Path folder, Path ceiling, List<Path> own, boolean withPatch) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      return none("folder " + dir + " does not exist");
    }
    Output top;
    try {
      // One process for both: the top folder, then the commit (missing in a repository with none).
      top = run(dir, ceiling, false, "rev-parse", "--show-toplevel", "HEAD^{commit}");
    } catch (IOException e) {
      return none("git is not available (" + e.getMessage() + ")");
    }
    List<String> lines = top.text().lines().toList();
    boolean inRepo = top.exit == 0 || !lines.isEmpty() && Path.of(lines.get(0).strip()).isAbsolute();
    if (!inRepo) {
      return none(
          top.error.contains("not a git repository")
              ? "no git repository at or above " + dir
              : firstLine(top.error, "git rev-parse failed in " + dir));
    }
    String repo = lines.get(0).strip();
    if (top.exit != 0 || lines.size() < 2) { // git echoes the unknown revision: no commit yet
      return none("repository " + repo + " has no commit yet");
    }
    try {
      List<String> paths = pathspec(Path.of(repo), own);
      Output status =
          run(dir, ceiling, false, with(paths, "status", "--porcelain", "--untracked-files=normal"));
      check(status, "git status");
      boolean dirty = !status.text().isBlank();
      String diffSha = EMPTY_SHA256; // a clean tree's diff is empty: no need to run it
      Optional<CodePatch> patch = Optional.empty();
      String[] diffArgs = with(paths, "diff", "HEAD", "--no-color", "--no-ext-diff", "--binary");
      if (dirty && withPatch) {
        Output diff = run(Path.of(repo), ceiling, false, diffArgs);
        check(diff, "git diff HEAD");
        diffSha = Hashing.sha256(new java.io.ByteArrayInputStream(diff.out()));
        patch = Optional.of(CodePatch.of(diff.out(), untracked(Path.of(repo), ceiling, paths)));
      } else if (dirty) {
        Output diff = run(dir, ceiling, true, diffArgs);
        check(diff, "git diff HEAD");
        diffSha = diff.text();
      }
      return new Snapshot(new CodeVersion(lines.get(1).strip(), dirty, diffSha, repo), patch);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the git state of " + repo, e);
    }
  }

  private static Snapshot none(String why) {
    return new Snapshot(CodeVersion.none(why), Optional.empty());
  }

  /**
   * Returns each untracked, not ignored file (not the log's own) as a new-file patch that {@code
   * git apply} accepts, by name relative to the top folder, in name order.
   */
  private static java.util.SortedMap<String, byte[]> untracked(Path top, Path ceiling, List<String> paths)
      throws IOException {
    Output list =
        run(top, ceiling, false, with(paths, "ls-files", "--others", "--exclude-standard", "-z"));
    check(list, "git ls-files --others");
    java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
    for (String name : list.text().split("\0")) {
      if (name.isEmpty()) {
        continue;
      }
      Path file = top.resolve(name);
      if (Files.isRegularFile(file) && Files.size(file) > CodePatch.MAX_UNTRACKED_FILE) {
        out.put(name, null); // too big to keep: the patch says it is left out
        continue;
      }
      Output d =
          run(top, ceiling, false,
              "diff", "--no-index", "--no-color", "--no-ext-diff", "--binary", "--", "/dev/null", name);
      if (d.exit() > 1) { // 1 means "differs", as it always does from /dev/null
        throw new IOException("git diff --no-index " + name + " failed: " + firstLine(d.error(), ""));
      }
      out.put(name, d.out());
    }
    return out;
  }

  /** Returns the pathspec for the whole tree less {@code own} files inside {@code repo}. */
  static List<String> pathspec(Path repo, List<Path> own) {
    List<String> out = new ArrayList<>(List.of("--", ":(top)"));
    for (Path p : own) {
      Path real = realPath(p);
      if (real.startsWith(repo)) {
        String rel = repo.relativize(real).toString().replace('\\', '/');
        if (!rel.isEmpty()) {
          out.add(":(top,exclude,literal)" + rel);
        }
      }
    }
    return out;
  }

  /** Resolves links in the folder part, so paths compare with git's real top folder. */
  private static Path realPath(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    try {
      return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
    } catch (IOException e) {
      return abs; // the folder is gone: nothing of it can be in the tree
    }
  }

  private static String[] with(List<String> pathspec, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(pathspec);
    return all.toArray(String[]::new);
  }

  private record Output(int exit, byte[] out, String error) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  /** Runs git in {@code dir}; with {@code hash} the output is replaced by its hex SHA-256. */
  private static Output run(Path dir, Path ceiling, boolean hash, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.put("GIT_OPTIONAL_LOCKS", "0"); // a probe must not take the index lock from the user
    env.put("GIT_TERMINAL_PROMPT", "0");
    if (ceiling != null) {
      env.put("GIT_CEILING_DIRECTORIES", ceiling.toAbsolutePath().toString());
    }
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out;
    if (hash) {
      out = Hashing.sha256(p.getInputStream()).getBytes(StandardCharsets.UTF_8);
    } else {
      out = readAll(p.getInputStream());
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git " + String.join(" ", args) + " took over " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while waiting for git", e);
    }
    return new Output(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(Output o, String what) throws IOException {
    if (o.exit != 0) {
      throw new IOException(what + " failed (exit " + o.exit + "): " + firstLine(o.error, ""));
    }
  }

  private static String firstLine(String text, String otherwise) {
    String t = text.strip();
    if (t.isEmpty()) {
      return otherwise;
    }
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
