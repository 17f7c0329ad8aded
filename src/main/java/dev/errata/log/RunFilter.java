package dev.errata.log;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Selects rows of the runs table with a small expression language: conditions {@code COLUMN OP
 * VALUE} joined by {@code and} / {@code or} ({@code and} binds tighter). OP is one of {@code = !=
 * < <= > >=} or {@code ~} (text contains). A column is named as in the table ({@code
 * metrics.accuracy}, {@code params.lr}, {@code status}); a bare metric or parameter name also
 * works. Quote names or values holding spaces with {@code `backquotes`} or {@code "quotes"}. A
 * missing cell matches no condition.
 */
final class RunFilter {

  private static final Pattern TOKEN =
      Pattern.compile("\\s*(`[^`]*`|\"[^\"]*\"|'[^']*'|<=|>=|!=|==|&&|\\|\\||[=<>~]|[^\\s=<>!~`\"']+)");

  private record Condition(String column, String op, String value) {}

  /** Each inner list is a conjunction; the outer list their disjunction. */
  private final List<List<Condition>> anyOf;
  private final String text;

  private RunFilter(List<List<Condition>> anyOf, String text) {
    this.anyOf = anyOf;
    this.text = text;
  }

  static RunFilter parse(String expression) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && m.find(at) && m.start() == at) {
      tokens.add(m.group(1));
      at = m.end();
    }
    if (!expression.substring(at).isBlank()) {
      throw error(expression, "cannot read \"" + expression.substring(at).strip() + "\"");
    }
    List<List<Condition>> anyOf = new ArrayList<>();
    List<Condition> allOf = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (i + 2 >= tokens.size() || !isOp(tokens.get(i + 1))) {
        throw error(expression, "expected COLUMN OP VALUE at \"" + String.join(" ", tokens.subList(i, tokens.size())) + "\"");
      }
      allOf.add(new Condition(unquote(tokens.get(i)), tokens.get(i + 1), unquote(tokens.get(i + 2))));
      i += 3;
      if (i < tokens.size()) {
        String join = tokens.get(i).toLowerCase(java.util.Locale.ROOT);
        if (join.equals("or") || join.equals("||")) {
          anyOf.add(allOf);
          allOf = new ArrayList<>();
        } else if (!join.equals("and") && !join.equals("&&")) {
          throw error(expression, "expected and / or, found \"" + tokens.get(i) + "\"");
        }
        i++;
        if (i == tokens.size()) {
          throw error(expression, "a condition must follow \"" + tokens.get(i - 1) + "\"");
        }
      }
    }
    if (allOf.isEmpty()) {
      throw error(expression, "no condition");
    }
    anyOf.add(allOf);
    return new RunFilter(anyOf, expression);
  }

  /** Returns a new table with the rows of {@code runs} that match. */
  Table apply(Table runs) {
    Selection keep = new BitmapBackedSelection();
    for (List<Condition> allOf : anyOf) {
      Selection all = Selection.withRange(0, runs.rowCount());
      for (Condition c : allOf) {
        all.and(matches(runs, c));
      }
      keep.or(all);
    }
    return runs.where(keep);
  }

  private Selection matches(Table runs, Condition c) {
    Column<?> col = column(runs, c.column());
    Selection s = new BitmapBackedSelection();
    Double number = null;
    if (col instanceof NumericColumn<?>) {
      try {
        number = Double.parseDouble(c.value());
      } catch (NumberFormatException e) {
        throw error(text, "column \"" + col.name() + "\" is numeric, but \"" + c.value() + "\" is not a number");
      }
    }
    for (int r = 0; r < runs.rowCount(); r++) {
      if (col.isMissing(r)) {
        continue;
      }
      int cmp;
      if (number != null) {
        cmp = Double.compare(((NumericColumn<?>) col).getDouble(r), number);
      } else if (col instanceof BooleanColumn b) {
        cmp = Boolean.compare(b.get(r), Boolean.parseBoolean(c.value()));
      } else {
        String v = col.getString(r);
        if (c.op().equals("~")) {
          if (v.contains(c.value())) {
            s.add(r);
          }
          continue;
        }
        cmp = v.compareTo(c.value());
      }
      if (holds(c.op(), cmp)) {
        s.add(r);
      }
    }
    return s;
  }

  private static boolean holds(String op, int cmp) {
    return switch (op) {
      case "=", "==" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      default -> false; // "~" on a number or boolean: contains makes sense only for text
    };
  }

  private Column<?> column(Table runs, String name) {
    for (String candidate : List.of(name, "metrics." + name, "params." + name)) {
      if (runs.containsColumn(candidate)) {
        return runs.column(candidate);
      }
    }
    throw error(text, "no column \"" + name + "\"; columns are " + runs.columnNames());
  }

  private static boolean isOp(String t) {
    return List.of("=", "==", "!=", "<", "<=", ">", ">=", "~").contains(t);
  }

  private static String unquote(String t) {
    char f = t.charAt(0);
    return t.length() >= 2 && (f == '`' || f == '"' || f == '\'') ? t.substring(1, t.length() - 1) : t;
  }

  private static IllegalArgumentException error(String expression, String what) {
    return new IllegalArgumentException("Filter \"" + expression + "\": " + what
        + ". Write conditions like metrics.accuracy > 0.9 and params.depth = 3");
  }
}
