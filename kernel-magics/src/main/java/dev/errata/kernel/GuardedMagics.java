package dev.errata.kernel;

import dev.errata.internal.Failures;
import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Registers Errata's magics into a kernel's registry behind one safety net: IJava shows only the
 * message of what a magic throws, so a failure without a message (it would show as "null"), a
 * library's message alone, or running out of memory is rethrown with the magic's name and words a
 * user can act on. Errors Errata words itself pass through unchanged.
 */
final class GuardedMagics extends Magics {

  private final Magics target;

  GuardedMagics(Magics target) {
    this.target = target;
  }

  @Override
  public void registerLineMagic(String name, LineMagicFunction<?> magic) {
    target.registerLineMagic(name, args -> guard("%" + name, () -> magic.execute(args)));
  }

  @Override
  public void registerCellMagic(String name, CellMagicFunction<?> magic) {
    target.registerCellMagic(
        name, (args, body) -> guard("%%" + name, () -> magic.execute(args, body)));
  }

  @Override
  public <T> T applyLineMagic(String name, List<String> args) throws Exception {
    return target.applyLineMagic(name, args);
  }

  @Override
  public <T> T applyCellMagic(String name, List<String> args, String body) throws Exception {
    return target.applyCellMagic(name, args, body);
  }

  @Override
  public <T extends LineMagicFunction<?> & CellMagicFunction<?>> void registerLineCellMagic(
      String name, T magic) {
    registerLineMagic(name, magic);
    registerCellMagic(name, magic);
  }

  @Override
  public void registerMagics(Object magics) {
    throw new UnsupportedOperationException(
        "Register Errata's magics one by one (registerLineMagic, registerCellMagic) so that their"
            + " failures get words");
  }

  @Override
  public void registerMagics(Class<?> magics) {
    registerMagics((Object) magics);
  }

  /** Runs {@code call}, rewording what a user could not act on; {@code magic} is e.g. "%tags". */
  static <T> T guard(String magic, Callable<T> call) throws Exception {
    try {
      return call.call();
    } catch (OutOfMemoryError e) {
      throw new IllegalStateException(magic + " " + Failures.describe(e), e);
    } catch (Exception e) {
      if (Failures.silent(e)) {
        throw new IllegalStateException(magic + " failed: " + Failures.describe(e), e);
      }
      String origin = foreignOrigin(e);
      if (origin != null) {
        throw new IllegalStateException(
            magic
                + " failed in "
                + origin
                + ": "
                + e.getClass().getSimpleName()
                + ": "
                + Failures.describe(e)
                + " (Errata should have caught this with a clearer message; please report it)",
            e);
      }
      throw e;
    }
  }

  /**
   * Returns the library method that threw {@code e} when it was not thrown by Errata's own code (or
   * the notebook's), else null.
   */
  private static String foreignOrigin(Exception e) {
    StackTraceElement[] stack = e.getStackTrace();
    if (stack.length == 0) {
      return null;
    }
    String thrower = stack[0].getClassName();
    if (thrower.startsWith("dev.errata.")
        || thrower.startsWith("jdk.jshell.")
        || thrower.startsWith("REPL.")
        || thrower.startsWith("io.github.spencerpark.")) {
      return null;
    }
    boolean viaErrata = false;
    for (StackTraceElement frame : stack) {
      viaErrata |= frame.getClassName().startsWith("dev.errata.");
    }
    return viaErrata ? thrower + "." + stack[0].getMethodName() : null;
  }
}
