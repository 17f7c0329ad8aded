package dev.errata;

import dev.errata.course.DataShares;
import dev.errata.log.ResultTable;
import dev.errata.log.RunRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the class and slice counts a run logged with {@link Errata#log} back as data shares: the
 * classes from the row totals of its {@code confusion} table, the slice values from its {@value
 * RunSlices#SHARES} table (columns with at most {@value RunSlices#MAX_VALUES} values). Lives beside
 * the facade because it knows both the log and the course analyses.
 */
final class RunShares {

  private RunShares() {}

  static DataShares of(RunRecord run) {
    String source = String.format(Locale.ROOT, "run %d (\"%s\")", run.id(), run.name());
    ResultTable confusion = table(run, source, "confusion");
    int last = confusion.columns().size() - 1;
    Map<String, Double> classes = new LinkedHashMap<>();
    // Rows = actual classes, then a total row; the last column is each row's total.
    for (int r = 0; r < confusion.rows() - 1; r++) {
      classes.put(confusion.columns().get(0).text(r), confusion.columns().get(last).number(r));
    }
    double total = classes.values().stream().mapToDouble(Double::doubleValue).sum();
    Double examples = run.metrics().get("examples");
    if (examples != null && examples != total) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s logged %,.0f examples but its confusion matrix sums to %s: its counts are"
                  + " weighted, and drift needs counts of examples; use the predictions it was run"
                  + " on as the reference",
              source,
              examples,
              total));
    }
    Map<String, Map<String, Double>> columns = new LinkedHashMap<>();
    if (run.tables().containsKey(RunSlices.SHARES)) {
      ResultTable shares = run.tables().get(RunSlices.SHARES);
      ResultTable.ResultColumn slice = column(shares, source, "slice");
      ResultTable.ResultColumn rows = column(shares, source, "rows");
      for (int r = 0; r < shares.rows(); r++) {
        String name = slice.text(r);
        int eq = name.indexOf(" = ");
        if (eq < 0) {
          throw new IllegalArgumentException(
              source
                  + ": slice \""
                  + name
                  + "\" of table \""
                  + RunSlices.SHARES
                  + "\" is not of the form column = value");
        }
        columns
            .computeIfAbsent(name.substring(0, eq), k -> new LinkedHashMap<>())
            .put(name.substring(eq + 3), rows.number(r));
      }
    }
    return new DataShares(source, classes, columns);
  }

  private static ResultTable table(RunRecord run, String source, String name) {
    ResultTable t = run.tables().get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          source
              + " logged no \""
              + name
              + "\" table, so it holds no class counts; tables are "
              + List.copyOf(run.tables().keySet())
              + ". Log predictions on a run with Errata.log(run, p) (in a %%experiment cell:"
              + " Errata.log(currentRun(), p))");
    }
    return t;
  }

  private static ResultTable.ResultColumn column(ResultTable t, String source, String name) {
    return t.columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    source + ": table \"" + t.name() + "\" has no column \"" + name + "\""));
  }
}
