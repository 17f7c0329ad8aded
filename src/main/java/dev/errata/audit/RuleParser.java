package dev.errata.audit;

import dev.errata.audit.Token.Kind;
import dev.errata.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses one rule line. The grammar, with keywords in any case:
 *
 * <pre>
 * rule   = metric CMP number [for (every|each) columns | for name = value] [with n >= number]
 *        | metric gap (across|between) columns CMP number [with n >= number]
 *        | watch (words|word) word {, word} [at most number]
 * metric = a name of the metric vocabulary ({@link Metric}): accuracy | error rate
 *        | balanced accuracy | matthews | kappa
 *        | [macro | weighted | micro] (precision | recall | f1 | false positive rate
 *        | false negative rate)                       [of [class] name, without an average]
 * columns = name {(and | , | ×) name}
 * number = decimal [%]
 * </pre>
 */
final class RuleParser {

  private final RuleLine line;
  private final List<Token> tokens;
  private int next;

  private RuleParser(RuleLine line) {
    this.line = line;
    this.tokens = Token.split(line);
  }

  /** Parses {@code line}, or returns empty for a blank or comment-only line. */
  static Optional<Rule> parse(RuleLine line) {
    RuleParser p = new RuleParser(line);
    return p.tokens.isEmpty() ? Optional.empty() : Optional.of(p.rule());
  }

  private Rule rule() {
    if (peekIs("watch")) {
      return watch();
    }
    Metric named = metricName();
    String metric = metricWords;
    Optional<Name> className = Optional.empty();
    if (peekIs("of")) {
      Token of = take();
      if (!named.kind().perClass()) {
        throw line.error(
            of.column(),
            named.kind().label()
                + " is not per class; use precision, recall, f1 or the false positive or negative"
                + " rate of a class");
      }
      if (Metric.parse(metricWords, Optional.of("?")).average().isPresent()) {
        throw line.error(
            of.column(),
            "\"" + metricWords + "\" is an average over classes; drop the average to name one class");
      }
      if (peekIs("class")) {
        take();
      }
      className = Optional.of(name("a class name"));
    }
    if (peekIs("gap")) {
      take();
      if (!peekIs("across") && !peekIs("between")) {
        throw expected("\"across\" or \"between\" after \"gap\"");
      }
      take();
      List<Name> across = columns();
      Comparison cmp = comparison();
      double threshold = proportion();
      double min = withSupport();
      end();
      return new Rule.GapRule(line, metric, className, across, cmp, threshold, min);
    }
    if (atEnd() || peek().kind() != Kind.COMPARISON) {
      throw expected("a comparison (>=, <=, > or <) after \"" + metricWords + "\"");
    }
    Comparison cmp = comparison();
    double threshold = proportion();
    List<Name> forEvery = List.of();
    Optional<Name> only = Optional.empty();
    if (peekIs("for")) {
      take();
      if (peekIs("every") || peekIs("each")) {
        take();
        forEvery = columns();
      } else {
        int at = next;
        Name column = name("\"every\", \"each\" or COLUMN = VALUE after \"for\"");
        if (atEnd() || !(peek().text().equals("=") || peek().text().equals("=="))) {
          next = at;
          throw expected("\"every\", \"each\" or COLUMN = VALUE after \"for\"");
        }
        take();
        only = Optional.of(name("a value of column \"" + column.text() + "\""));
        forEvery = List.of(column);
      }
    }
    double min = withSupport();
    end();
    return new Rule.MetricRule(line, metric, className, cmp, threshold, forEvery, only, min);
  }

  private Rule watch() {
    take();
    if (!peekIs("words") && !peekIs("word")) {
      throw expected("\"words\" after \"watch\"");
    }
    take();
    List<String> words = new ArrayList<>();
    words.add(name("a word to watch").text());
    while (!atEnd() && peek().kind() == Kind.COMMA) {
      take();
      words.add(name("a word to watch").text());
    }
    long atMost = 0;
    if (peekIs("at")) {
      take();
      if (!peekIs("most")) {
        throw expected("\"most\" after \"at\"");
      }
      take();
      double n = number();
      if (n < 0 || n != Math.rint(n)) {
        throw line.error(tokens.get(next - 1).column(), "expected a whole number of rows >= 0");
      }
      atMost = (long) n;
    }
    end();
    return new Rule.WatchRule(line, words, atMost);
  }

  /** The words of the metric {@link #metricName()} read last, as written. */
  private String metricWords;

  /**
   * Reads the longest run of words (before "of", "gap" or "for") that names a metric of the
   * vocabulary; the class (after "of") and the positive class are bound later.
   */
  private Metric metricName() {
    List<String> words = new ArrayList<>();
    for (int i = next; i < tokens.size() && words.size() < MAX_METRIC_WORDS; i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.WORD || t.is("of") || t.is("gap") || t.is("for")) {
        break;
      }
      words.add(t.text());
    }
    for (int n = words.size(); n > 0; n--) {
      String written = String.join(" ", words.subList(0, n));
      try {
        Metric metric = Metric.parse(written, Optional.empty());
        next += n;
        metricWords = written;
        return metric;
      } catch (IllegalArgumentException notThisLong) {
        // try fewer words
      }
    }
    throw expected(
        "a metric ("
            + String.join(", ", Metric.kindNames())
            + "; per class: \"of CLASS\" or \"macro\", \"weighted\", \"micro\" before it)"
            + " or \"watch words\"");
  }

  /** The most words a metric name takes: "weighted false negative rate". */
  private static final int MAX_METRIC_WORDS = 4;

  private List<Name> columns() {
    List<Name> out = new ArrayList<>();
    out.add(name("a column name"));
    while (!atEnd()
        && (peekIs("and") || peek().kind() == Kind.COMMA || peek().kind() == Kind.CROSS)) {
      take();
      out.add(name("a column name"));
    }
    return out;
  }

  private Comparison comparison() {
    if (atEnd() || peek().kind() != Kind.COMPARISON) {
      throw expected("a comparison (>=, <=, > or <)");
    }
    Token t = peek();
    Optional<Comparison> c = Comparison.of(t.text());
    if (c.isEmpty()) {
      throw line.error(t.column(), "unknown comparison " + t.shown() + "; use >=, <=, > or <");
    }
    next++;
    return c.get();
  }

  /** Reads a threshold in [0, 1], written as a decimal or a percentage. */
  private double proportion() {
    Token at = atEnd() ? null : peek();
    double v = number();
    boolean percent = !atEnd() && peek().kind() == Kind.PERCENT;
    if (percent) {
      take();
      v /= 100;
    }
    if (!(v >= 0 && v <= 1)) {
      throw line.error(
          at.column(),
          "threshold "
              + at.text()
              + (percent ? " %" : "")
              + " is outside [0, 1]; write a proportion such as 0.90 or a percentage such as 90 %");
    }
    return v;
  }

  private double number() {
    if (atEnd() || peek().kind() != Kind.WORD) {
      throw expected("a number");
    }
    try {
      double v = Double.parseDouble(peek().text());
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
      next++;
      return v;
    } catch (NumberFormatException e) {
      throw expected("a number");
    }
  }

  private double withSupport() {
    if (!peekIs("with")) {
      return 0;
    }
    take();
    if (!peekIs("n")) {
      throw expected("\"n >= NUMBER\" after \"with\"");
    }
    take();
    if (atEnd() || !peek().text().equals(">=") && !peek().text().equals("≥")) {
      throw expected("\">=\" after \"with n\"");
    }
    take();
    return number();
  }

  private Name name(String what) {
    if (atEnd() || peek().kind() != Kind.WORD && peek().kind() != Kind.QUOTED) {
      throw expected(what);
    }
    Token t = take();
    return new Name(t.text(), t.kind() == Kind.QUOTED ? t.column() + 1 : t.column());
  }

  private void end() {
    if (!atEnd()) {
      throw line.error(peek().column(), "unexpected " + peek().shown() + " after the rule");
    }
  }

  private IllegalArgumentException expected(String what) {
    if (atEnd()) {
      Token last = tokens.get(tokens.size() - 1);
      return line.error(last.end() + 1, "expected " + what + ", found the end of the rule");
    }
    return line.error(peek().column(), "expected " + what + ", found " + peek().shown());
  }

  private boolean atEnd() {
    return next >= tokens.size();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean peekIs(String word) {
    return !atEnd() && peek().is(word);
  }

  private Token take() {
    return tokens.get(next++);
  }
}
