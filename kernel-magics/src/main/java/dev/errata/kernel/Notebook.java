package dev.errata.kernel;

/**
 * What a magic needs from the notebook it runs in: show a value, look up a variable. The kernel
 * supplies the real one; tests supply a fake.
 */
public interface Notebook {

  /** Shows {@code value} in the current cell's output, through the kernel's renderers. */
  void display(Object value);

  /** Returns the value of the notebook variable or expression {@code name}. */
  Object variable(String name) throws Exception;
}
