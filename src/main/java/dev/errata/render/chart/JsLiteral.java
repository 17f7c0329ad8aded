package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JavaScript object literals that tablesaw-jsplot writes ({@code var trace0 = {x: [..],
 * type: 'bar', ..};}) into maps, lists, strings, doubles and booleans. It accepts what those
 * templates produce: bare or quoted keys, single- or double-quoted strings, trailing commas, {@code
 * NaN} and {@code Infinity} (read as doubles; {@link Json} writes them as null), {@code true},
 * {@code false}, {@code null} and {@code undefined}. Anything else (a function, an expression) is
 * refused with its position, never evaluated.
 */
final class JsLiteral {

  private final String s;
  private int i;

  private JsLiteral(String s, int start) {
    this.s = s;
    this.i = start;
  }

  /** Returns the first object literal in {@code js} (what follows its first {@code {}). */
  static Map<String, Object> firstObject(String js) {
    int start = js.indexOf('{');
    if (start < 0) {
      throw new IllegalArgumentException("No object literal in jsplot's output");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) new JsLiteral(js, start).value();
    return m;
  }

  private Object value() {
    skip();
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    int start = i;
    String word = identifier();
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null", "undefined" -> null;
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      default -> {
        i = start;
        throw error("a value");
      }
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    while (true) {
      skip();
      if (peek() == '}') {
        i++;
        return m;
      }
      String key = peek() == '\'' || peek() == '"' ? string(peek()) : identifier();
      skip();
      expect(':');
      m.put(key, value());
      skip();
      if (peek() == ',') {
        i++;
      } else if (peek() != '}') {
        throw error("',' or '}'");
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    i++;
    while (true) {
      skip();
      if (peek() == ']') {
        i++;
        return list;
      }
      list.add(value());
      skip();
      if (peek() == ',') {
        i++;
      } else if (peek() != ']') {
        throw error("',' or ']'");
      }
    }
  }

  private String string(char quote) {
    StringBuilder sb = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == quote) {
        return sb.toString();
      }
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw error("four hex digits");
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    throw error("the closing " + quote);
  }

  private Double number() {
    int start = i;
    if (s.charAt(i) == '-' || s.charAt(i) == '+') {
      i++;
      if (s.startsWith("Infinity", i)) {
        i += "Infinity".length();
        return s.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
    }
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    try {
      return Double.valueOf(s.substring(start, i));
    } catch (NumberFormatException e) {
      i = start;
      throw error("a number");
    }
  }

  private String identifier() {
    int start = i;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
      i++;
    }
    if (start == i) {
      throw error("a name");
    }
    return s.substring(start, i);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    i++;
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void skip() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String expected) {
    String near = s.substring(i, Math.min(s.length(), i + 20)).replaceAll("\\s+", " ");
    return new IllegalArgumentException(
        "Cannot read jsplot's output at character "
            + i
            + ": expected "
            + expected
            + ", found \""
            + near
            + "\"");
  }
}
