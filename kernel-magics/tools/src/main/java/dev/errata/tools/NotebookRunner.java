package dev.errata.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Executes notebooks headless through an installed kernel with Jupyter's own client (nbclient),
 * and writes the executed {@code .ipynb} and rendered {@code .html} of each to an output folder.
 */
public final class NotebookRunner {

  private final Path jupyterPath;
  private final String kernel;
  private final Path gitCeiling;

  /**
   * @param jupyterPath the Jupyter data folder that holds {@code kernels/NAME}
   * @param kernel the kernelspec name
   */
  public NotebookRunner(Path jupyterPath, String kernel) {
    this(jupyterPath, kernel, null);
  }

  private NotebookRunner(Path jupyterPath, String kernel, Path gitCeiling) {
    this.jupyterPath = jupyterPath.toAbsolutePath();
    this.kernel = kernel;
    this.gitCeiling = gitCeiling;
  }

  /**
   * Returns a runner whose kernels look for no git repository above {@code ceiling} ({@code
   * GIT_CEILING_DIRECTORIES}): runs of a {@link #freshCopy} logged by the notebooks record no
   * commit of the checkout it sits in, whose state (commit, dirty or not) is no part of what the
   * notebooks show. Repositories the notebooks make below it are found as usual.
   */
  public NotebookRunner outsideRepositoriesAbove(Path ceiling) {
    return new NotebookRunner(jupyterPath, kernel, ceiling.toAbsolutePath().normalize());
  }

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String output) {
    /** Returns whether every notebook ran with no error and no stderr output. */
    public boolean clean() {
      return exitCode == 0;
    }
  }

  /** Returns the {@code .ipynb} files directly in {@code folder}, sorted by name. */
  public static List<Path> notebooksIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list notebooks in " + folder, e);
    }
  }

  /**
   * Copies the notebooks folder {@code from} (notebooks and their committed data) to {@code to},
   * emptied first, and returns {@code to}: a run there starts as on a fresh checkout. Left out is
   * what the notebooks generate as they run: {@code data/course/}, {@code data/large/}, experiment
   * logs ({@code *.db} and SQLite's side files) and {@code .ipynb_checkpoints/}.
   */
  public static Path freshCopy(Path from, Path to) {
    try {
      if (Files.exists(to)) {
        try (Stream<Path> old = Files.walk(to)) {
          for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path rel = from.relativize(f);
          if (rel.startsWith("data/course")
              || rel.startsWith("data/large")
              || rel.toString().contains(".ipynb_checkpoints")
              || f.getFileName().toString().matches(".*\\.db(-shm|-wal|-journal)?")) {
            continue;
          }
          Path dest = to.resolve(rel.toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(dest);
          } else {
            Files.copy(f, dest);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
    }
  }

  /**
   * Runs {@code notebooks}, streaming the runner's lines to {@code log}.
   *
   * @param out where executed notebooks and HTML go (created if missing)
   */
  public Result run(List<Path> notebooks, Path out, Consumer<String> log) {
    try {
      Files.createDirectories(out);
      // Beside the outputs, not in /tmp: a test run writes nothing outside target/.
      Path script = Files.createTempFile(out, ".errata-run-notebooks", ".py");
      try (InputStream in = NotebookRunner.class.getResourceAsStream("run_notebooks.py")) {
        Files.write(script, in.readAllBytes());
      }
      List<String> command = new ArrayList<>();
      command.add(python());
      command.add(script.toString());
      command.add("--kernel");
      command.add(kernel);
      command.add("--out");
      command.add(out.toAbsolutePath().toString());
      notebooks.forEach(n -> command.add(n.toAbsolutePath().toString()));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
      // Kernel connection files go beside the kernelspec rather than into the user's runtime folder.
      pb.environment().put("JUPYTER_RUNTIME_DIR", jupyterPath.resolve("runtime").toString());
      pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
      if (gitCeiling != null) {
        pb.environment().put("GIT_CEILING_DIRECTORIES", gitCeiling.toString());
      }
      Process process = pb.start();
      StringBuilder output = new StringBuilder();
      try (var reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          output.append(line).append('\n');
          log.accept(line);
        }
      }
      int code = process.waitFor();
      Files.deleteIfExists(script);
      return new Result(code, output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run notebooks with " + python(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running notebooks", e);
    }
  }

  /** Returns the Python that has Jupyter: {@code $ERRATA_PYTHON}, else /usr/bin/python3. */
  public static String python() {
    String env = System.getenv("ERRATA_PYTHON");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }
}
