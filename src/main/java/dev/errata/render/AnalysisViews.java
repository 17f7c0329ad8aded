package dev.errata.render;

import dev.errata.audit.AuditResult;
import dev.errata.compare.AugmentationCheck;
import dev.errata.compare.ModelComparison;
import dev.errata.slices.DiscoveryReport;
import dev.errata.slices.SliceReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Views of the slice, audit, comparison and discovery results: their tables one after another, with
 * notes, and p-values written so that a tiny one never reads as 0.
 */
final class AnalysisViews {

  /** Columns holding p-values, shown with {@link #pValue}. */
  static final Set<String> P_COLUMNS = Set.of("p", "p (BH)", "McNemar p");

  /** The result types {@link #of} renders. */
  static final List<Class<?>> TYPES =
      List.of(
          SliceReport.class,
          AuditResult.class,
          ModelComparison.class,
          AugmentationCheck.class,
          DiscoveryReport.class);

  private AnalysisViews() {}

  /** Returns the view of one of these results, or null for any other object. */
  static View of(Object value) {
    if (value instanceof SliceReport r) {
      return tables(List.of(r.toTable(), r.disparityTable()), List.of());
    }
    if (value instanceof AuditResult r) {
      List<Table> tables = new ArrayList<>(List.of(r.summary(), r.toTable()));
      if (!r.passed()) {
        tables.add(r.examples());
      }
      return tables(tables, List.of());
    }
    if (value instanceof ModelComparison c) {
      List<Table> tables = new ArrayList<>(List.of(c.toTable()));
      if (!c.join().clean()) {
        tables.add(c.joinTable());
      }
      return tables(tables, List.of());
    }
    if (value instanceof AugmentationCheck a) {
      return tables(List.of(a.toTable(), a.checklistTable()), List.of());
    }
    if (value instanceof DiscoveryReport d) {
      List<String> notes = new ArrayList<>(d.notes());
      notes.add(
          String.format(
              Locale.ROOT,
              "Scored %,d of %,d possible slices; %,d column sets counted.",
              d.evaluated(),
              d.possible(),
              d.setsCounted()));
      return tables(List.of(d.toTable()), notes);
    }
    return null;
  }

  private static View tables(List<Table> tables, List<String> notes) {
    List<View> views = tables.stream().map(t -> View.table(withPValues(t))).toList();
    return View.annotated(View.join(views), notes);
  }

  /** Returns {@code t} with its p-value columns as text, e.g. "< 0.0001" instead of "0". */
  static Table withPValues(Table t) {
    Table out = Table.create(t.name());
    for (Column<?> c : t.columns()) {
      if (P_COLUMNS.contains(c.name()) && c instanceof NumericColumn<?> n) {
        StringColumn s = StringColumn.create(c.name());
        for (int i = 0; i < n.size(); i++) {
          s.append(n.isMissing(i) ? "" : pValue(n.getDouble(i)));
        }
        out.addColumns(s);
      } else {
        out.addColumns(c);
      }
    }
    return out;
  }

  /** Formats a p-value: "< 0.0001" (with a no-break space) below 10^-4, else four decimals. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 1e-4 ? "<\u00a00.0001" : String.format(Locale.ROOT, "%.4f", p);
  }
}
