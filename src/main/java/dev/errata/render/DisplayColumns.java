package dev.errata.render;

import dev.errata.present.ColumnKind;
import dev.errata.present.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Resolves a {@link Section} into the columns a reader sees: each column read by its declared
 * {@link ColumnKind}, intervals merged into their value's cell, full values as tooltips.
 */
final class DisplayColumns {

  /**
   * One shown column.
   *
   * @param header the column's name
   * @param numeric whether its cells are numbers (right-aligned)
   * @param note a tooltip for the header, or null
   * @param cell the text of row {@code r}
   * @param title the full value of row {@code r} behind a shortened cell (a tooltip), or null
   */
  record Shown(
      String header,
      boolean numeric,
      String note,
      IntFunction<String> cell,
      IntFunction<String> title) {

    Shown(String header, boolean numeric, String note, IntFunction<String> cell) {
      this(header, numeric, note, cell, null);
    }
  }

  /**
   * The columns a reader sees.
   *
   * @param shown the shown columns, in table order
   * @param undefined names of the number columns left out because they read "undefined" in every
   *     row (with their interval bounds, if any)
   */
  record Resolved(List<Shown> shown, List<String> undefined) {}

  private DisplayColumns() {}

  /**
   * Returns the columns of {@code section} as they are shown: bounds and full values folded into
   * the columns they belong to, and number columns missing in every row (of a table that has rows)
   * left out.
   */
  static Resolved of(Section section) {
    Table table = section.table();
    List<Shown> shown = new ArrayList<>();
    List<String> undefined = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      String name = c.name();
      if (section.isSupporting(name)) {
        continue;
      }
      ColumnKind kind = section.kind(name);
      List<ColumnKind> byRow = section.rowKinds().get(name);
      if (c instanceof NumericColumn<?> value && (kind.numeric() || byRow != null)) {
        if (table.rowCount() > 0 && value.countMissing() == table.rowCount()) {
          undefined.add(name);
          continue;
        }
        IntFunction<ColumnKind> kindOf = byRow == null ? r -> kind : byRow::get;
        Section.Bounds bounds = section.intervals().get(name);
        if (bounds != null) {
          shown.add(
              interval(
                  value,
                  (NumericColumn<?>) table.column(bounds.low()),
                  (NumericColumn<?>) table.column(bounds.high()),
                  kindOf));
        } else {
          shown.add(new Shown(name, true, null, r -> cell(kindOf.apply(r), value, r)));
        }
        continue;
      }
      Shown plain = plain(c, kind);
      String fullName = section.fullValues().get(name);
      if (fullName != null) {
        Column<?> full = table.column(fullName);
        plain =
            new Shown(
                plain.header(),
                plain.numeric(),
                plain.note(),
                plain.cell(),
                r -> full.isMissing(r) ? "" : full.getString(r));
      }
      shown.add(plain);
    }
    return new Resolved(shown, undefined);
  }

  private static Shown interval(
      NumericColumn<?> value,
      NumericColumn<?> low,
      NumericColumn<?> high,
      IntFunction<ColumnKind> kindOf) {
    String note = value.name() + " [" + low.name() + ", " + high.name() + "]";
    return new Shown(
        value.name(),
        true,
        note,
        r -> {
          ColumnKind k = kindOf.apply(r);
          if (!k.numeric()) {
            return value.isMissing(r) ? "" : value.getString(r);
          }
          if (k == ColumnKind.PERCENTAGE_POINT) {
            return Numbers.pointsInterval(number(value, r), number(low, r), number(high, r));
          }
          return Numbers.interval(
              number(value, r), number(low, r), number(high, r), k == ColumnKind.PROPORTION);
        });
  }

  private static Shown plain(Column<?> c, ColumnKind kind) {
    if (c instanceof NumericColumn<?> n && kind.numeric()) {
      return new Shown(c.name(), true, null, r -> cell(kind, n, r));
    }
    // Ids, labels, parameters, hashes and text read as written; a number column among them stays
    // right-aligned.
    return new Shown(
        c.name(), c instanceof NumericColumn<?>, null, r -> c.isMissing(r) ? "" : c.getString(r));
  }

  /** Returns row {@code r} of a number column read as {@code kind}. */
  private static String cell(ColumnKind kind, NumericColumn<?> c, int r) {
    double v = number(c, r);
    return switch (kind) {
      case PROPORTION -> Numbers.percent(v);
      case PERCENTAGE_POINT -> Numbers.percentagePoints(v);
      case P_VALUE -> Numbers.pValue(v);
      case COUNT, NUMBER -> Numbers.format(v);
      case ID, LABEL, HASH, PARAMETER, TEXT -> c.isMissing(r) ? "" : c.getString(r);
    };
  }

  private static double number(NumericColumn<?> c, int row) {
    return c.isMissing(row) ? Double.NaN : c.getDouble(row);
  }
}
