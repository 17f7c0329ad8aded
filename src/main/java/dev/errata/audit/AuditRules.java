package dev.errata.audit;

import dev.errata.load.Predictions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of audit rules, one per line; blank lines and {@code #} comments are skipped. A syntax
 * error names the line and column and repeats the line with a caret under the mistake.
 *
 * @param source where the rules came from (a file name, or "rules")
 * @param rules the rules in the order written
 */
public record AuditRules(String source, List<Rule> rules) {

  public AuditRules {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(
          "No rules in "
              + source
              + "; write one per line, e.g. \"accuracy >= 0.9\", \"recall >= 0.90"
              + " for every accent with n >= 50\", \"accuracy gap across gender <= 0.03\","
              + " \"watch words gun, gang\"");
    }
  }

  /** Parses rules given as text (e.g. a notebook cell's body). */
  public static AuditRules parse(String text) {
    return parse("rules", text);
  }

  /** Parses rules given as text; {@code source} names them in errors. */
  public static AuditRules parse(String source, String text) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      RuleParser.parse(new RuleLine(source, i + 1, lines[i])).ifPresent(rules::add);
    }
    return new AuditRules(source, rules);
  }

  /** Reads rules from a UTF-8 text file. */
  public static AuditRules read(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("No such rules file: " + file);
    }
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /**
   * Checks every rule against {@code p}. A rule naming an unknown column or class is an error that
   * points at the name and lists the known ones.
   */
  public AuditResult check(Predictions p) {
    return Auditor.check(this, p);
  }
}
