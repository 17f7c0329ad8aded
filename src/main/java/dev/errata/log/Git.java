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
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      return CodeVersion.none("folder " + dir + " does not exist");
    }
    Output top;
    try {
      // One process for both: the top folder, then the commit (missing in a repository with none).
      top = run(dir, ceiling, false, "rev-parse", "--show-toplevel", "HEAD^{commit}");
    } catch (IOException e) {
      return CodeVersion.none("git is not available (" + e.getMessage() + ")");
    }
    List<String> lines = top.text().lines().toList();
    boolean inRepo = top.exit == 0 || !lines.isEmpty() && Path.of(lines.get(0).strip()).isAbsolute();
    if (!inRepo) {
      return CodeVersion.none(
          top.error.contains("not a git repository")
              ? "no git repository at or above " + dir
              : firstLine(top.error, "git rev-parse failed in " + dir));
    }
    String repo = lines.get(0).strip();
    if (top.exit != 0 || lines.size() < 2) { // git echoes the unknown revision: no commit yet
      return CodeVersion.none("repository " + repo + " has no commit yet");
    }
    try {
      List<String> paths = pathspec(Path.of(repo), own);
      Output status =
          run(dir, ceiling, false, with(paths, "status", "--porcelain", "--untracked-files=normal"));
      check(status, "git status");
      boolean dirty = !status.text().isBlank();
      String diffSha = EMPTY_SHA256; // a clean tree's diff is empty: no need to run it
      if (dirty) {
        Output diff =
            run(dir, ceiling, true,
                with(paths, "diff", "HEAD", "--no-color", "--no-ext-diff", "--binary"));
        check(diff, "git diff HEAD");
        diffSha = diff.text();
      }
      return new CodeVersion(lines.get(1).strip(), dirty, diffSha, repo);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the git state of " + repo, e);
    }
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
