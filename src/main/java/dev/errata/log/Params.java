package dev.errata.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks hyperparameter values: each is a {@link Long}, {@link Double}, {@link Boolean}
 * or {@link String} (other integers widen to Long, floats to Double). Stored as a kind and text.
 */
public final class Params {

  static final List<String> KINDS = List.of("long", "double", "boolean", "string");
  private static final Pattern LONG = Pattern.compile("[+-]?\\d{1,18}");

  private Params() {}

  /** Returns {@code value} as one of the four kinds, or throws naming the parameter. */
  static Object normalize(String name, Object value) {
    requireName("parameter", name);
    if (value instanceof Long || value instanceof Double || value instanceof Boolean
        || value instanceof String) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return Double.parseDouble(f.toString());
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    throw new IllegalArgumentException(
        "Parameter \"" + name + "\" is " + (value == null ? "null" : "a " + value.getClass().getName())
            + "; a parameter is a long, double, boolean or string");
  }

  /** Returns an unmodifiable, ordered copy with every value normalized. */
  static Map<String, Object> copyOf(Map<String, ?> params) {
    Map<String, Object> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, normalize(k, v)));
    return Collections.unmodifiableMap(copy);
  }

  /** Reads text typed by a person: {@code true}/{@code false}, a whole number, a number, or text. */
  static Object parse(String text) {
    String t = text.strip();
    if (t.equals("true") || t.equals("false")) {
      return Boolean.valueOf(t);
    }
    if (LONG.matcher(t).matches()) {
      return Long.parseLong(t);
    }
    if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Double.parseDouble(t);
    }
    return t;
  }

  /**
   * Parses {@code lr=0.01,depth=3,name=tree} into typed values, in order.
   *
   * @throws IllegalArgumentException for an item without {@code =} or a repeated name
   */
  public static Map<String, Object> parseList(String list) {
    Map<String, Object> params = new LinkedHashMap<>();
    if (list.isBlank()) {
      return params;
    }
    for (String item : list.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Parameter \"" + item.strip() + "\" has no value; write name=value, e.g. lr=0.01,depth=3");
      }
      String name = item.substring(0, eq).strip();
      if (params.put(name, parse(item.substring(eq + 1))) != null) {
        throw new IllegalArgumentException("Parameter \"" + name + "\" is given twice in \"" + list + "\"");
      }
    }
    return params;
  }

  static String kind(Object value) {
    if (value instanceof Long) {
      return "long";
    }
    if (value instanceof Double) {
      return "double";
    }
    return value instanceof Boolean ? "boolean" : "string";
  }

  /** Returns the text that {@link #decode} turns back into exactly {@code value}. */
  static String encode(Object value) {
    return value.toString();
  }

  static Object decode(String kind, String text) {
    return switch (kind) {
      case "long" -> Long.parseLong(text);
      case "double" -> Double.parseDouble(text);
      case "boolean" -> Boolean.parseBoolean(text);
      case "string" -> text;
      default -> throw new IllegalStateException(
          "Unknown parameter kind \"" + kind + "\" in the log; kinds are " + KINDS);
    };
  }

  static void requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A " + what + " needs a non-empty name");
    }
  }
}
