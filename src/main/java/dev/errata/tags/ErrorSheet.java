package dev.errata.tags;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reports one write of a tagging sheet: which misclassified examples were added, what was kept.
 *
 * @param file the sheet
 * @param header the sheet's columns after the write
 * @param added the rows added by this write, cells in header order
 * @param kept rows that were already in the sheet and were kept as they were
 * @param newColumns columns this write added to an existing sheet (empty for a new sheet)
 * @param errors misclassified examples in scope
 * @param seed the random seed of the sample
 * @param stratify how the sample was spread
 * @param correctAdded correctly classified examples among the rows added
 * @param correct correctly classified examples in scope, when they were sampled too (else 0)
 */
public record ErrorSheet(
    Path file,
    List<String> header,
    List<List<String>> added,
    int kept,
    List<String> newColumns,
    int errors,
    long seed,
    Stratify stratify,
    int correctAdded,
    int correct) implements Presentable {

  public ErrorSheet {
    header = List.copyOf(header);
    added = added.stream().map(List::copyOf).toList();
    newColumns = List.copyOf(newColumns);
  }

  /** Reports a write of misclassified examples only. */
  public ErrorSheet(
      Path file,
      List<String> header,
      List<List<String>> added,
      int kept,
      List<String> newColumns,
      int errors,
      long seed,
      Stratify stratify) {
    this(file, header, added, kept, newColumns, errors, seed, stratify, 0, 0);
  }

  /** Returns the number of rows in the sheet after the write. */
  public int rows() {
    return kept + added.size();
  }

  /** Returns one line saying what happened, e.g. for a notebook. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: added %,d of %,d misclassified examples%s (seed %d, %s), kept %,d rows%s",
        file,
        added.size() - correctAdded,
        errors,
        correct == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " and %,d of %,d correctly classified (column %s)",
                correctAdded,
                correct,
                ErrorSheetWriter.OUTCOME),
        seed,
        stratify == Stratify.NONE ? "random" : "stratified by " + stratify.name().toLowerCase(Locale.ROOT),
        kept,
        newColumns.isEmpty() ? "" : ", new columns " + newColumns);
  }

  /** Returns the added rows as a table of text columns, titled with the summary. */
  public Table toTable() {
    Table t = Table.create(summary());
    for (int c = 0; c < header.size(); c++) {
      StringColumn col = StringColumn.create(header.get(c).isEmpty() ? "column " + (c + 1) : header.get(c));
      for (List<String> row : added) {
        col.append(row.get(c));
      }
      t.addColumns(col);
    }
    return t;
  }

  /** Shows the rows added to the sheet, every cell as written. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).present();
  }
}
