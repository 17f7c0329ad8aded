package dev.errata.kernel;

/**
 * What a magic needs from the notebook it runs in: show a value, look up a variable, run code. The
 * kernel supplies the real one; tests supply a fake.
 */
public interface Notebook {

  /** Shows {@code value} in the current cell's output, through the kernel's renderers. */
  void display(Object value);

  /**
   * Returns the value of the notebook variable or expression {@code name}.
   *
   * @throws UnknownVariableException when the notebook has no such variable (the expression does
   *     not compile)
   */
  Object variable(String name) throws Exception;

  /**
   * Runs {@code code} as if it were a cell (magics included) and returns its last expression's
   * value, or null; its declarations stay visible to later cells.
   */
  Object eval(String code) throws Exception;

  /**
   * Describes an error thrown by {@link #eval} in one line: the notebook's own error class and
   * message.
   */
  default String describe(Exception e) {
    return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Returns the variable {@code name} as a {@code type}, or throws an error for magic {@code
   * %magic} that says what was found and what was expected ({@code expected} describes it). Where
   * predictions are expected, a variable holding Tribuo predictions ({@code model.predict(test)})
   * is read as {@code %predictions NAME} reads it.
   */
  default <T> T variable(String magic, String name, Class<T> type, String expected)
      throws Exception {
    Object value = variable(magic, name, expected);
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (type == dev.errata.load.Predictions.class) {
      var tribuo = TribuoInput.predictions(value);
      if (tribuo.isPresent()) {
        try {
          return type.cast(
              TribuoInput.load(
                  tribuo.get(), name, java.util.Optional.empty(), java.util.List.of()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("%" + magic + ": " + e.getMessage(), e);
        }
      }
    }
    throw new IllegalArgumentException(
        "%"
            + magic
            + ": \""
            + name
            + "\" is "
            + (value == null ? "null" : "a " + value.getClass().getSimpleName())
            + ", expected "
            + expected);
  }

  /**
   * Returns the variable {@code name}, or throws an error for magic {@code %magic} that says there
   * is no such variable and what was expected ({@code expected} describes it).
   */
  default Object variable(String magic, String name, String expected) throws Exception {
    try {
      return variable(name);
    } catch (UnknownVariableException e) {
      throw new IllegalArgumentException(
          "%"
              + magic
              + ": "
              + (javax.lang.model.SourceVersion.isIdentifier(name)
                  ? "no variable \"" + name + "\" in the notebook"
                  : "\"" + name + "\" is no variable and does not compile (" + e.getMessage() + ")")
              + "; expected "
              + expected,
          e);
    }
  }

  /** Thrown by {@link #variable(String)} when the notebook has no such variable. */
  final class UnknownVariableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param why what the notebook said, e.g. the compiler's "cannot find symbol"
     */
    public UnknownVariableException(String why, Throwable cause) {
      super(why, cause);
    }
  }
}
