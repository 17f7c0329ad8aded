package dev.errata.agreement;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;

import dev.errata.internal.Csv;
import dev.errata.load.ColumnCodes;
import dev.errata.load.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reports one write of the relabelling sheet: the examples the annotators do not all agree on.
 *
 * @param file the sheet
 * @param header its columns: id (when there is one), each annotator, actual, predicted, relabel
 * @param rows the rows written, cells in header order
 * @param examples every example rated
 */
public record DisagreementSheet(
    Path file, List<String> header, List<List<String>> rows, int examples) implements Presentable {

  /** The empty column the relabelling fills in. */
  public static final String RELABEL = "relabel";

  public DisagreementSheet {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  static DisagreementSheet write(
      Predictions p, List<String> annotators, Path file, boolean overwrite) {
    List<ColumnCodes> codes = new ArrayList<>();
    for (String a : annotators) {
      codes.add(p.codes(a));
    }
    List<String> header = new ArrayList<>();
    p.roles().id().ifPresent(header::add);
    header.addAll(annotators);
    header.add(p.roles().actual());
    header.add(p.roles().predicted());
    header.add(RELABEL);
    var id = p.roles().id().map(c -> p.column(c, "id"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      List<String> labels = new ArrayList<>();
      for (ColumnCodes c : codes) {
        labels.add(c.values().get(c.code(i)));
      }
      if (labels.stream().distinct().count() == 1) {
        continue;
      }
      List<String> row = new ArrayList<>();
      final int r = i;
      id.ifPresent(c -> row.add(c.getString(r)));
      row.addAll(labels);
      row.add(p.labels().name(p.actual(i)));
      row.add(p.labels().name(p.predicted(i)));
      row.add("");
      rows.add(row);
    }
    new Csv(file.toString(), ',', header, rows).write(file, overwrite);
    return new DisagreementSheet(file, header, rows, p.size());
  }

  /** Returns one line saying what was written. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %,d of %,d examples where the annotators disagree, to relabel in column \"%s\"",
        file,
        rows.size(),
        examples,
        RELABEL);
  }

  /** Returns the rows written as text columns, titled with the summary. */
  public Table toTable() {
    Table t = Table.create(summary());
    for (int c = 0; c < header.size(); c++) {
      StringColumn col = StringColumn.create(header.get(c));
      for (List<String> row : rows) {
        col.append(row.get(c));
      }
      t.addColumns(col);
    }
    return t;
  }

  /** Shows the rows written, every cell as written. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).present();
  }
}
