package dev.errata.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A notebook for tests: records what is displayed, holds variables in a map. */
final class FakeNotebook implements Notebook {

  final List<Object> shown = new ArrayList<>();
  final Map<String, Object> variables = new HashMap<>();

  @Override
  public void display(Object value) {
    shown.add(value);
  }

  @Override
  public Object variable(String name) {
    if (!variables.containsKey(name)) {
      throw new IllegalArgumentException("no variable " + name);
    }
    return variables.get(name);
  }
}
