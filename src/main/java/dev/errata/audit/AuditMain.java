package dev.errata.audit;

import dev.errata.internal.Failures;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  static final String USAGE =
      "usage: AuditMain --predictions FILE --actual COL --predicted COL [--id COL]"
          + " [--positive LABEL] [--sep CHAR] --rules FILE [--debug]";

  /** Exit status when every rule passes. */
  static final int PASSED = 0;

  /** Exit status when a rule fails. */
  static final int FAILED = 1;

  /** Exit status for bad arguments, unreadable input or a crash. */
  static final int BROKEN = 2;

  private static final Set<String> OPTIONS =
      Set.of("predictions", "actual", "predicted", "id", "positive", "sep", "rules");

  private static final Set<String> FLAGS = Set.of("debug", "help");

  private AuditMain() {}

  /** Runs the audit and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the audit, printing to {@code out} and errors to {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean debug = List.of(args).contains("--debug");
    try {
      Map<String, String> options = parse(args);
      if (options.containsKey("help")) {
        out.println(USAGE);
        return PASSED;
      }
      PredictionsReader reader =
          PredictionsReader.csv(file(options, "predictions", "the predictions CSV"))
              .actual(required(options, "actual"))
              .predicted(required(options, "predicted"));
      if (options.containsKey("id")) {
        reader.id(options.get("id"));
      }
      if (options.containsKey("positive")) {
        reader.positive(options.get("positive"));
      }
      if (options.containsKey("sep")) {
        String sep = options.get("sep");
        if (!sep.equals("\\t") && !sep.equals("tab") && sep.length() != 1) {
          throw new IllegalArgumentException(
              "--sep takes one character (or \\t), got \"" + sep + "\"");
        }
        reader.separator(sep.length() == 1 ? sep.charAt(0) : '\t');
      }
      AuditRules rules = AuditRules.read(Path.of(file(options, "rules", "the rules file")));
      Predictions p = reader.load();
      AuditResult result = rules.check(p);
      out.println(text(result.summary()));
      out.println(text(result.toTable()));
      if (!result.passed()) {
        out.println(text(result.examples()));
      }
      return result.passed() ? PASSED : FAILED;
    } catch (RuntimeException | Error e) {
      // Input errors and crashes alike: a gate must not read a crash as a failed rule.
      err.println("audit: " + Failures.describe(e));
      if (debug) {
        e.printStackTrace(err);
      }
      return BROKEN;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.startsWith("--") ? a.substring(2) : "";
      if (FLAGS.contains(name)) {
        options.put(name, "");
        continue;
      }
      if (!OPTIONS.contains(name)) {
        Set<String> known = new TreeSet<>(OPTIONS);
        known.addAll(FLAGS);
        throw new IllegalArgumentException(
            "unknown argument \""
                + a
                + "\"; options are "
                + known.stream().map(o -> "--" + o).toList()
                + "\n"
                + USAGE);
      }
      if (i + 1 >= args.length || isOption(args[i + 1])) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      String before = options.put(name, value);
      if (before != null) {
        throw new IllegalArgumentException(
            a + " is given twice (\"" + before + "\", then \"" + value + "\"); give it once");
      }
    }
    return options;
  }

  private static boolean isOption(String arg) {
    String name = arg.startsWith("--") ? arg.substring(2) : "";
    return OPTIONS.contains(name) || FLAGS.contains(name);
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
    }
    return v;
  }

  /** Returns option {@code name}, refusing a directory where a file is meant. */
  private static String file(Map<String, String> options, String name, String what) {
    String v = required(options, name);
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
