package dev.errata.tags;

import dev.errata.internal.Where;

/** The recursive-descent parser behind {@link TagExpression#parse}; one instance per text. */
final class Parser {

  private static final String OPERATORS = "&|!()";

  private final String text;
  private int pos;
  private int tokenStart;
  private char kind;
  private String name;

  Parser(String text) {
    this.text = text;
  }

  TagExpression parseAll() {
    next();
    if (kind == 0) {
      throw error("the expression is empty; expected a tag name");
    }
    TagExpression e = or();
    if (kind != 0) {
      throw error(
          "expected \"&\", \"|\" or the end but found "
              + describe()
              + (kind == 'N' ? " (join tags with & or |)" : ""));
    }
    return e;
  }

  private TagExpression or() {
    TagExpression left = and();
    while (kind == '|') {
      next();
      left = new TagExpression.Or(left, and());
    }
    return left;
  }

  private TagExpression and() {
    TagExpression left = unary();
    while (kind == '&') {
      next();
      left = new TagExpression.And(left, unary());
    }
    return left;
  }

  private TagExpression unary() {
    if (kind == '!') {
      next();
      return new TagExpression.Not(unary());
    }
    if (kind == 'N') {
      String n = name;
      next();
      return new TagExpression.Name(n);
    }
    if (kind == '(') {
      int open = tokenStart;
      next();
      TagExpression inner = or();
      if (kind != ')') {
        if (kind == 0) {
          tokenStart = open;
          throw error("this \"(\" is never closed");
        }
        throw error("expected \")\" but found " + describe());
      }
      next();
      return inner;
    }
    String hint = kind == '&' || kind == '|' ? " (a single & means and, a single | means or)" : "";
    throw error("expected a tag name, \"!\" or \"(\" but found " + describe() + hint);
  }

  private void next() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    tokenStart = pos;
    if (pos >= text.length()) {
      kind = 0;
      return;
    }
    char c = text.charAt(pos);
    if (OPERATORS.indexOf(c) >= 0) {
      kind = c;
      pos++;
      return;
    }
    if (c == '`' || c == '"') {
      int close = text.indexOf(c, pos + 1);
      if (close < 0) {
        throw error("the quoted name starting here is never closed (missing " + c + ")");
      }
      name = text.substring(pos + 1, close).trim();
      if (name.isEmpty()) {
        throw error("the quoted name is empty");
      }
      kind = 'N';
      pos = close + 1;
      return;
    }
    int start = pos;
    while (pos < text.length()) {
      char d = text.charAt(pos);
      if (Character.isWhitespace(d) || OPERATORS.indexOf(d) >= 0 || d == '`' || d == '"') {
        break;
      }
      pos++;
    }
    name = text.substring(start, pos);
    kind = 'N';
  }

  private String describe() {
    return switch (kind) {
      case 0 -> "the end";
      case 'N' -> "tag \"" + name + "\"";
      default -> "\"" + kind + "\"";
    };
  }

  /** Returns an error whose message shows the expression with a caret under the current token. */
  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "Malformed tag expression at position "
            + (tokenStart + 1)
            + ": "
            + what
            + Where.caret(text, tokenStart));
  }
}
