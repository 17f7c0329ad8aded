package dev.errata.kernel;

import java.nio.file.Path;
import java.util.List;

/**
 * The main job: installs the kernel, executes every notebook and writes rendered HTML.
 *
 * <p>{@code --staging DIR --notebooks DIR --out DIR [--kernel-dir JUPYTER_DATA_DIR]}; the kernel
 * goes to the user's Jupyter data folder unless {@code --kernel-dir} says otherwise.
 */
public final class RenderNotebooks {

  private RenderNotebooks() {}

  public static void main(String[] args) {
    Args a = Args.parse(args);
    Path staging = a.path("--staging").orElseThrow(() -> new IllegalArgumentException("--staging"));
    Path notebooks = a.path("--notebooks").orElse(Path.of("notebooks"));
    Path out = a.path("--out").orElse(Path.of("target", "notebooks"));
    Path kernelDir = a.path("--kernel-dir").orElse(KernelInstaller.userDataDir());
    Path installed =
        KernelInstaller.install(staging, kernelDir, KernelInstaller.currentJava());
    System.out.println("Installed kernel \"" + KernelInstaller.DISPLAY_NAME + "\" in " + installed);
    List<Path> list = NotebookRunner.notebooksIn(notebooks);
    NotebookRunner.Result result =
        new NotebookRunner(kernelDir, KernelInstaller.KERNEL_NAME)
            .run(list, out, System.out::println);
    if (!result.clean()) {
      System.out.println("Some notebooks failed; see above. Executed copies are in " + out);
      System.exit(1);
    }
    System.out.println("Rendered HTML for " + list.size() + " notebooks in " + out.toAbsolutePath());
  }
}
