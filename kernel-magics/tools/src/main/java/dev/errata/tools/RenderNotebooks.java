package dev.errata.tools;

import dev.errata.kernel.Cli;
import dev.errata.kernel.KernelInstaller;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The main job: installs the kernel, executes every notebook and writes rendered HTML.
 *
 * <p>{@code --staging DIR --notebooks DIR --out DIR [--kernel-dir JUPYTER_DATA_DIR]}; the kernel
 * goes to the user's Jupyter data folder unless {@code --kernel-dir} says otherwise. Exits 0 when
 * every notebook ran clean, 1 when one failed, 2 on bad arguments or a crash.
 */
public final class RenderNotebooks {

  static final String USAGE =
      "usage: RenderNotebooks --staging DIR [--notebooks DIR] [--out DIR]"
          + " [--kernel-dir JUPYTER_DATA_DIR] [--debug]";

  private RenderNotebooks() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs {@link #main} without exiting; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.run(
        "RenderNotebooks",
        USAGE,
        Set.of("staging", "notebooks", "out", "kernel-dir"),
        args,
        out,
        err,
        (a, o) -> {
          a.noPositionals();
          Path staging =
              a.path("staging")
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "--staging DIR is required: the assembled kernel folder,"
                                  + " kernel-magics/target/kernel"));
          Path notebooks = a.path("notebooks").orElse(Path.of("notebooks"));
          Path outDir = a.path("out").orElse(Path.of("target", "notebooks"));
          Path kernelDir = a.path("kernel-dir").orElse(KernelInstaller.userDataDir());
          Path installed =
              KernelInstaller.install(staging, kernelDir, KernelInstaller.currentJava());
          o.println("Installed kernel \"" + KernelInstaller.DISPLAY_NAME + "\" in " + installed);
          List<Path> list = NotebookRunner.notebooksIn(notebooks);
          NotebookRunner runner = new NotebookRunner(kernelDir, KernelInstaller.KERNEL_NAME);
          NotebookRunner.Result result = runner.run(list, outDir, o::println);
          if (!result.clean()) {
            o.println("Some notebooks failed; see above. Executed copies are in " + outDir);
            return Cli.FAILED;
          }
          o.println(
              "Rendered HTML for " + list.size() + " notebooks in " + outDir.toAbsolutePath());
          return Cli.OK;
        });
  }
}
