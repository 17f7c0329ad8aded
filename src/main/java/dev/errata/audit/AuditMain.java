package dev.errata.audit;

import dev.errata.internal.Args;
import dev.errata.internal.Cli;
import dev.errata.internal.Command;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Runs an audit from the command line, e.g. in CI; exits 0 when every rule passes, 1 when a rule
 * fails, 2 on a usage or input error or a crash, so a gate can tell a regression from a broken
 * run. Errors are one message on stderr (a rule's syntax error adds the line and a caret); the
 * stack trace only with {@code --debug}.
 *
 * <pre>
 * java -cp errata.jar:... dev.errata.audit.AuditMain --predictions preds.csv --actual label
 *     --predicted prediction [--id id] [--positive LABEL] [--sep CHAR] --rules rules.txt [--debug]
 * </pre>
 */
public final class AuditMain {

  /** The gate's arguments, usage and help. */
  static final Command COMMAND =
      Command.tool("AuditMain")
          .summary("Checks audit rules against a predictions CSV, to gate a model in CI")
          .description(
              "Exits 0 when every rule passes, 1 when a rule fails, 2 on bad arguments, unreadable"
                  + " input or a crash")
          .text("predictions", "FILE", "the predictions CSV (or TSV with --sep tab)")
          .required()
          .text("actual", "COL", "the column of actual labels")
          .required()
          .text("predicted", "COL", "the column of predicted labels")
          .required()
          .text("id", "COL", "the column identifying each example, shown with failing examples")
          .text("positive", "LABEL", "the positive class of binary metrics")
          .text("sep", "CHAR", "the separator: one character, or \\t or tab")
          .text("rules", "FILE", "the rules, one per line (the README's Audit rules)")
          .required()
          .example(
              "AuditMain --predictions preds.csv --actual label --predicted pred --rules rules.txt")
          .build();

  /** Exit status when every rule passes. */
  static final int PASSED = Cli.OK;

  /** Exit status when a rule fails. */
  static final int FAILED = Cli.FAILED;

  /** Exit status for bad arguments, unreadable input or a crash. */
  static final int BROKEN = Cli.BROKEN;

  private AuditMain() {}

  /** Runs the audit and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the audit, printing to {@code out} and errors to {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    // Input errors and crashes alike exit 2: a gate must not read a crash as a failed rule.
    return Cli.run(COMMAND, args, out, err, AuditMain::audit);
  }

  private static int audit(Args a, PrintStream out) {
    PredictionsReader reader =
        PredictionsReader.csv(file(a, "predictions", "the predictions CSV"))
            .actual(a.text("actual"))
            .predicted(a.text("predicted"));
    a.option("id").ifPresent(reader::id);
    a.option("positive").ifPresent(reader::positive);
    if (a.option("sep").isPresent()) {
      String sep = a.option("sep").get();
      if (!sep.equals("\\t") && !sep.equals("tab") && sep.length() != 1) {
        throw new IllegalArgumentException(
            "--sep takes one character (or \\t or tab), got \"" + sep + "\"");
      }
      reader.separator(sep.length() == 1 ? sep.charAt(0) : '\t');
    }
    AuditRules rules = AuditRules.read(Path.of(file(a, "rules", "the rules file")));
    Predictions p = reader.load();
    AuditResult result = rules.check(p);
    out.println(text(result.summary()));
    out.println(text(result.toTable()));
    if (!result.passed()) {
      out.println(text(result.examples()));
    }
    return result.passed() ? PASSED : FAILED;
  }

  /** Returns option {@code name}, refusing a directory where a file is meant. */
  private static String file(Args a, String name, String what) {
    String v = a.text(name);
    if (Files.isDirectory(Path.of(v))) {
      throw new IllegalArgumentException(
          "--" + name + " \"" + v + "\" is a directory; give " + what);
    }
    return v;
  }

  /** Returns {@code t} as aligned text, numbers in {@link Locale#ROOT}, NaN as "undefined". */
  static String text(Table t) {
    Table shown = Table.create(t.name());
    for (Column<?> c : t.columns()) {
      if (c instanceof NumericColumn<?> n) {
        StringColumn s = StringColumn.create(c.name());
        for (int i = 0; i < n.size(); i++) {
          s.append(number(n.getDouble(i)));
        }
        shown.addColumns(s);
      } else {
        shown.addColumns(c.copy());
      }
    }
    return shown.rowCount() == 0 ? t.name() + "\n(none)" : shown.printAll();
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "undefined";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
