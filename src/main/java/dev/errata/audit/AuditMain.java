package dev.errata.audit;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Runs an audit from the command line, e.g. in CI; exits 0 when every rule passes, 1 when a rule
 * fails, 2 on a usage or input error.
 *
 * <pre>
 * java -cp errata.jar:... dev.errata.audit.AuditMain --predictions preds.csv --actual label
 *     --predicted prediction [--id id] [--positive LABEL] [--sep CHAR] --rules rules.txt
 * </pre>
 */
public final class AuditMain {

  static final String USAGE =
      "usage: AuditMain --predictions FILE --actual COL --predicted COL [--id COL]"
          + " [--positive LABEL] [--sep CHAR] --rules FILE";

  private static final Set<String> OPTIONS =
      Set.of("predictions", "actual", "predicted", "id", "positive", "sep", "rules");

  private AuditMain() {}

  /** Runs the audit and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the audit, printing to {@code out} and errors to {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    AuditResult result;
    try {
      Map<String, String> options = parse(args);
      PredictionsReader reader =
          PredictionsReader.csv(required(options, "predictions"))
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
      AuditRules rules = AuditRules.read(Path.of(required(options, "rules")));
      Predictions p = reader.load();
      result = rules.check(p);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("audit: " + e.getMessage());
      return 2;
    }
    out.println(text(result.summary()));
    out.println(text(result.toTable()));
    if (!result.passed()) {
      out.println(text(result.examples()));
    }
    return result.passed() ? 0 : 1;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || !OPTIONS.contains(a.substring(2))) {
        throw new IllegalArgumentException(
            "unknown argument \""
                + a
                + "\"; options are "
                + OPTIONS.stream().sorted().map(o -> "--" + o).toList()
                + "\n"
                + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      options.put(a.substring(2), args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
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
