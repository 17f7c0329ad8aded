package dev.errata.tools;

import dev.errata.internal.Cli;
import dev.errata.internal.Command;
import dev.errata.kernel.KernelInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main job: installs the kernel, executes every notebook and writes rendered HTML.
 *
 * <p>{@code --staging DIR --notebooks DIR --out DIR [--kernel-dir JUPYTER_DATA_DIR] [--write-back
 * DIR]}; the kernel goes to the user's Jupyter data folder unless {@code --kernel-dir} says
 * otherwise. With {@code --write-back DIR} (the refresh of the committed outputs) the notebooks run
 * in a fresh copy of their folder under {@code OUT/src}, as the tests run them, and each one that
 * ran clean is written into {@code DIR} in its committed form ({@code OUT/committed}: its source
 * with the run's outputs, the same on every run). Exits 0 when every notebook ran clean, 1 when
 * one failed, 2 on bad arguments or a crash.
 */
public final class RenderNotebooks {

  /** The tool's arguments, usage and help. */
  static final Command COMMAND =
      Command.tool("RenderNotebooks")
          .summary("Installs the kernel, executes every notebook and writes rendered HTML")
          .description(
              "Exits 0 when every notebook ran clean, 1 when one failed, 2 on bad arguments or a"
                  + " crash")
          .text("staging", "DIR", "the assembled kernel folder, kernel-magics/target/kernel")
          .required()
          .text("notebooks", "DIR", "the folder of notebooks to run")
          .byDefault("notebooks")
          .text("out", "DIR", "where the executed notebooks and their HTML go")
          .byDefault(Path.of("target", "notebooks"))
          .text(
              "kernel-dir",
              "JUPYTER_DATA_DIR",
              "where the kernel is installed (default: the user's Jupyter data folder)")
          .text(
              "write-back",
              "DIR",
              "runs a fresh copy of the notebooks and writes each one that ran clean, with its"
                  + " outputs in committed form, into DIR")
          .example("RenderNotebooks --staging kernel-magics/target/kernel --out target/notebooks")
          .build();

  private RenderNotebooks() {}

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
          Path staging = Path.of(a.text("staging"));
          Path notebooks = Path.of(a.text("notebooks"));
          Path outDir = Path.of(a.text("out"));
          Path kernelDir = a.path("kernel-dir").orElse(KernelInstaller.userDataDir());
          Path installed =
              KernelInstaller.install(staging, kernelDir, KernelInstaller.currentJava());
          o.println("Installed kernel \"" + KernelInstaller.DISPLAY_NAME + "\" in " + installed);
          Optional<Path> writeBack = a.path("write-back");
          Path folder =
              writeBack.isPresent()
                  ? NotebookRunner.freshCopy(notebooks, outDir.resolve("src"))
                  : notebooks;
          List<Path> list = NotebookRunner.notebooksIn(folder);
          NotebookRunner runner = new NotebookRunner(kernelDir, KernelInstaller.KERNEL_NAME);
          if (writeBack.isPresent()) {
            runner = runner.outsideRepositoriesAbove(outDir);
          }
          NotebookRunner.Result result = runner.run(list, outDir, o::println);
          if (writeBack.isPresent()) {
            List<String> written = writeBack(outDir.resolve("committed"), writeBack.get());
            o.println(
                "Wrote the outputs of "
                    + written.size()
                    + " of "
                    + list.size()
                    + " notebooks into "
                    + writeBack.get()
                    + ": "
                    + String.join(", ", written));
          }
          if (!result.clean()) {
            o.println("Some notebooks failed; see above. Executed copies are in " + outDir);
            return Cli.FAILED;
          }
          o.println(
              "Rendered HTML for " + list.size() + " notebooks in " + outDir.toAbsolutePath());
          return Cli.OK;
        });
  }

  /** Copies each notebook in {@code committed} into {@code into}; returns their names. */
  private static List<String> writeBack(Path committed, Path into) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path nb : NotebookRunner.notebooksIn(committed)) {
      Files.copy(nb, into.resolve(nb.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      names.add(nb.getFileName().toString());
    }
    return names;
  }
}
