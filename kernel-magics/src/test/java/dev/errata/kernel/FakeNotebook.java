package dev.errata.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A notebook for tests: remembers what was displayed, holds variables in a map. */
final class FakeNotebook implements Notebook {

  final List<Object> displayed = new ArrayList<>();
  final Map<String, Object> variables = new HashMap<>();

  @Override
  public void display(Object value) {
    displayed.add(value);
  }

  @Override
  public Object variable(String name) {
    if (!variables.containsKey(name)) {
      throw new IllegalArgumentException("cannot find symbol: " + name);
    }
    return variables.get(name);
  }
}
