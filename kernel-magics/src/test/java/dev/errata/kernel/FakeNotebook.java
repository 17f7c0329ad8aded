package dev.errata.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** A notebook for tests: records what is displayed; "cells" are Java callables keyed by their code. */
final class FakeNotebook implements Notebook {

  final List<Object> displayed = new ArrayList<>();
  /** The same list as {@link #displayed}, under the name the chart tests use. */
  final List<Object> shown = displayed;
  final Map<String, Object> variables = new HashMap<>();
  final Map<String, Callable<Object>> cells = new HashMap<>();

  FakeNotebook with(String name, Object value) {
    variables.put(name, value);
    return this;
  }

  @Override
  public void display(Object value) {
    displayed.add(value);
  }

  @Override
  public Object variable(String name) throws UnknownVariableException {
    if (!variables.containsKey(name)) {
      throw new UnknownVariableException("cannot find symbol: variable " + name, null);
    }
    return variables.get(name);
  }

  @Override
  public Object eval(String code) throws Exception {
    Callable<Object> cell = cells.get(code);
    if (cell == null) {
      throw new IllegalArgumentException("no fake cell for code: " + code);
    }
    return cell.call();
  }

  /**
   * Returns the text lines a reader sees, in order: a displayed string as it is, any result or
   * table through its text view.
   */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Object o : displayed) {
      if (o instanceof String text) {
        out.add(text);
      } else {
        dev.errata.render.View.of(o).ifPresent(v -> out.addAll(List.of(v.text().split("\n"))));
      }
    }
    return out;
  }
}
