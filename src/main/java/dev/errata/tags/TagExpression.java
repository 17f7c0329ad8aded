package dev.errata.tags;

import dev.errata.internal.RowBits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses tag expressions such as {@code car_noise & !low_bandwidth} by recursive descent.
 *
 * <pre>
 *   expr    := and ('|' and)*
 *   and     := unary ('&amp;' unary)*
 *   unary   := '!' unary | primary
 *   primary := NAME | '(' expr ')'
 * </pre>
 *
 * A bare NAME is a run of characters other than spaces and {@code & | ! ( ) " `} (so {@code
 * device=phone} is one name); any other name is quoted with backticks or double quotes. Values
 * follow three-valued logic: a row is unknown for an expression when the tags it needs are unknown
 * there, except that {@code false & unknown} is false and {@code true | unknown} is true.
 */
sealed interface TagExpression {

  /** Parses {@code text}; a malformed expression is an error showing the position with a caret. */
  static TagExpression parse(String text) {
    return new Parser(text).parseAll();
  }

  /** Evaluates over tags looked up by name; {@code lookup} throws for unknown names. */
  Mask eval(Function<String, Tag> lookup);

  /** Returns the names this expression uses, in order of appearance. */
  default List<String> names() {
    List<String> out = new ArrayList<>();
    collect(out);
    return out;
  }

  void collect(List<String> out);

  /** The value of an expression on each row and where it is known; {@code value ⊆ known}. */
  record Mask(RowBits value, RowBits known) {}

  /** A tag by name. */
  record Name(String name) implements TagExpression {
    @Override
    public Mask eval(Function<String, Tag> lookup) {
      Tag t = lookup.apply(name);
      return new Mask(t.bits(), t.known());
    }

    @Override
    public void collect(List<String> out) {
      out.add(name);
    }

    @Override
    public String toString() {
      return name.chars().anyMatch(c -> Character.isWhitespace(c) || "&|!()\"`".indexOf(c) >= 0)
          ? "`" + name + "`"
          : name;
    }
  }

  /** Negation: true where the operand is known and false. */
  record Not(TagExpression operand) implements TagExpression {
    @Override
    public Mask eval(Function<String, Tag> lookup) {
      Mask m = operand.eval(lookup);
      return new Mask(m.known().andNot(m.value()), m.known());
    }

    @Override
    public void collect(List<String> out) {
      operand.collect(out);
    }

    @Override
    public String toString() {
      return "!" + (operand instanceof Name || operand instanceof Not ? operand : "(" + operand + ")");
    }
  }

  /** Conjunction. */
  record And(TagExpression left, TagExpression right) implements TagExpression {
    @Override
    public Mask eval(Function<String, Tag> lookup) {
      Mask a = left.eval(lookup);
      Mask b = right.eval(lookup);
      RowBits known =
          a.known()
              .and(b.known())
              .or(a.known().andNot(a.value()))
              .or(b.known().andNot(b.value()));
      return new Mask(a.value().and(b.value()), known);
    }

    @Override
    public void collect(List<String> out) {
      left.collect(out);
      right.collect(out);
    }

    @Override
    public String toString() {
      return wrap(left) + " & " + wrap(right);
    }

    private static String wrap(TagExpression e) {
      return e instanceof Or ? "(" + e + ")" : e.toString();
    }
  }

  /** Disjunction. */
  record Or(TagExpression left, TagExpression right) implements TagExpression {
    @Override
    public Mask eval(Function<String, Tag> lookup) {
      Mask a = left.eval(lookup);
      Mask b = right.eval(lookup);
      RowBits value = a.value().or(b.value());
      return new Mask(value, a.known().and(b.known()).or(value));
    }

    @Override
    public void collect(List<String> out) {
      left.collect(out);
      right.collect(out);
    }

    @Override
    public String toString() {
      return left + " | " + right;
    }
  }
}
