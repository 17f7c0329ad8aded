package dev.errata.kernel;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.PredictionsSummary;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Errata's line and cell magics. Each parses its string arguments, calls the library, displays
 * the result and returns it, so {@code var p = %predictions ...} works.
 */
public final class ErrataMagics {

  /** One line of help per magic: name, usage, what it does. */
  static final List<String[]> HELP =
      List.of(
          new String[] {
            "%predictions",
            "%predictions FILE --actual COL --predicted COL [--id COL] [--score COL] [--weight COL]"
                + " [--positive LABEL] [--sep CHAR] [--drop-missing]",
            "Reads a CSV/TSV of predictions, shows rows, classes and the majority baseline"
          },
          new String[] {
            "%confusion",
            "%confusion PREDICTIONS",
            "Shows the confusion matrix (rows = actual, columns = predicted) with totals"
          },
          new String[] {"%errata", "%errata", "Lists Errata's magics"});

  private final Notebook notebook;

  /** Creates the magics for one kernel; all per-kernel state lives here. */
  public ErrataMagics(Notebook notebook) {
    this.notebook = notebook;
  }

  /** Registers every magic; registering again replaces the previous registration. */
  public void registerInto(Magics magics) {
    magics.registerLineMagic("predictions", this::predictions);
    magics.registerLineMagic("confusion", this::confusion);
    magics.registerLineMagic("errata", args -> help());
  }

  /** {@code %predictions FILE --actual COL --predicted COL ...}. */
  public Predictions predictions(List<String> args) {
    MagicArgs a =
        MagicArgs.parse(
            "predictions",
            args,
            Set.of("actual", "predicted", "id", "score", "weight", "positive", "sep"),
            Set.of("drop-missing"));
    PredictionsReader reader =
        PredictionsReader.csv(a.positional(0, "FILE (the predictions CSV)"))
            .actual(a.required("actual"))
            .predicted(a.required("predicted"))
            .dropMissing(a.flag("drop-missing"));
    a.option("id").ifPresent(reader::id);
    a.option("score").ifPresent(reader::score);
    a.option("weight").ifPresent(reader::weight);
    a.option("positive").ifPresent(reader::positive);
    a.option("sep").ifPresent(s -> reader.separator(separator(s)));
    Predictions p = reader.load();
    notebook.display(PredictionsSummary.of(p));
    return p;
  }

  /** {@code %confusion PREDICTIONS}: PREDICTIONS names a notebook variable. */
  public ConfusionMatrix confusion(List<String> args) throws Exception {
    MagicArgs a = MagicArgs.parse("confusion", args, Set.of(), Set.of());
    Predictions p = predictionsVariable("confusion", a.positional(0, "PREDICTIONS (a variable)"));
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    notebook.display(cm);
    return cm;
  }

  /** {@code %errata}: lists the magics with one line of usage each. */
  public Table help() {
    StringColumn name = StringColumn.create("magic");
    StringColumn usage = StringColumn.create("usage");
    StringColumn what = StringColumn.create("what it does");
    for (String[] row : HELP) {
      name.append(row[0]);
      usage.append(row[1]);
      what.append(row[2]);
    }
    Table t = Table.create("Errata magics", name, usage, what);
    notebook.display(t);
    return t;
  }

  private Predictions predictionsVariable(String magic, String name) throws Exception {
    Object value = notebook.variable(name);
    if (value instanceof Predictions p) {
      return p;
    }
    throw new IllegalArgumentException(
        "%"
            + magic
            + ": \""
            + name
            + "\" is "
            + (value == null ? "null" : "a " + value.getClass().getSimpleName())
            + ", expected predictions (from %predictions or Errata.read(...).load())");
  }

  private static char separator(String s) {
    if (s.equals("\\t") || s.equals("tab")) {
      return '\t';
    }
    if (s.length() != 1) {
      throw new IllegalArgumentException("--sep takes one character (or \\t), got \"" + s + "\"");
    }
    return s.charAt(0);
  }
}
