package dev.errata.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A notebook for tests: variables from a map, displayed values collected in a list. */
final class FakeNotebook implements Notebook {

  final Map<String, Object> variables = new HashMap<>();
  final List<Object> displayed = new ArrayList<>();

  FakeNotebook with(String name, Object value) {
    variables.put(name, value);
    return this;
  }

  @Override
  public void display(Object value) {
    displayed.add(value);
  }

  @Override
  public Object variable(String name) {
    if (!variables.containsKey(name)) {
      throw new IllegalArgumentException("cannot find symbol: variable " + name);
    }
    return variables.get(name);
  }
}
