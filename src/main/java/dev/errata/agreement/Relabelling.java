package dev.errata.agreement;

import dev.errata.internal.Where;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.internal.Csv;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a relabelling sheet back (the one {@link Agreement#writeDisagreements} wrote, its {@value
 * DisagreementSheet#RELABEL} column filled in) and gives the predictions with those actual labels
 * corrected. Rows are joined by id; a blank relabel cell leaves the example as it was. Other
 * columns added to the sheet are tags, read by {@code Tags.fromSheet} as in the tagging loop.
 *
 * @param file the sheet
 * @param relabelled the predictions with the corrected actual labels (every other column as it was)
 * @param changes the examples whose actual label changed, in sheet order
 * @param confirmed relabel cells that repeat the actual label already there
 * @param blank rows whose relabel cell is empty
 * @param notes what reading found (rows matching no example)
 */
public record Relabelling(
    Path file,
    Predictions relabelled,
    List<Change> changes,
    int confirmed,
    int blank,
    List<String> notes) implements Presentable {

  /**
   * One corrected example.
   *
   * @param id the example's id
   * @param before its actual label before
   * @param after the label the sheet gives it
   */
  public record Change(String id, String before, String after) {}

  public Relabelling {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /**
   * Reads {@code sheet} and returns {@code p} with the relabelled examples' actual labels replaced.
   * A relabel must be one of {@code p}'s classes; an id repeated in the sheet is an error.
   */
  public static Relabelling read(Predictions p, Path sheet) {
    String idColumn =
        p.roles()
            .id()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Reading a relabelling sheet needs an id column in the predictions, to"
                            + " join the sheet to the examples; read "
                            + p.source()
                            + " with .id(\"column\") (magic: --id COL); columns are "
                            + p.columnNames()));
    Csv csv = Csv.read(sheet);
    String name = sheet.getFileName().toString();
    int idIndex = require(csv, idColumn, "id", name);
    int relabelIndex = require(csv, DisagreementSheet.RELABEL, "the corrected label", name);
    Column<?> ids = p.column(idColumn, "id");
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < p.size(); i++) {
      rowOf.put(ids.getString(i), i);
    }
    Map<String, Integer> sheetRow = new LinkedHashMap<>();
    String[] labels = new String[p.size()];
    for (int i = 0; i < p.size(); i++) {
      labels[i] = p.labels().name(p.actual(i));
    }
    List<Change> changes = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    int confirmed = 0;
    int blank = 0;
    for (int r = 0; r < csv.rows().size(); r++) {
      String id = csv.cell(r, idIndex).strip();
      Integer before = sheetRow.put(id, r);
      if (before != null) {
        throw new IllegalArgumentException(
            Where.cell(r + 1L, name, idColumn)
                + String.format(
                    Locale.ROOT,
                    ": id \"%s\" repeats row %,d; give each example once",
                    id,
                    before + 1));
      }
      String cell = csv.cell(r, relabelIndex);
      if (cell.isBlank()) {
        blank++;
        continue;
      }
      String label = cell.strip();
      if (p.labels().code(label).isEmpty()) {
        throw new IllegalArgumentException(
            Where.cell(r + 1L, name, DisagreementSheet.RELABEL)
                + String.format(
                Locale.ROOT,
                ": \"%s\" is no class of %s; classes are %s (a new"
                    + " class belongs in the data itself)",
                cell,
                p.source(),
                p.labels().names()));
      }
      Integer row = rowOf.get(id);
      if (row == null) {
        unmatched.add(id);
      } else if (labels[row].equals(label)) {
        confirmed++;
      } else {
        changes.add(new Change(id, labels[row], label));
        labels[row] = label;
      }
    }
    List<String> notes = new ArrayList<>();
    if (!unmatched.isEmpty()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%,d relabelled rows of %s match no example of %s by id, so they change nothing: %s",
              unmatched.size(),
              name,
              p.source(),
              unmatched.size() <= 10 ? unmatched : unmatched.subList(0, 10) + " …"));
    }
    return new Relabelling(sheet, relabel(p, labels, name), changes, confirmed, blank, notes);
  }

  /** Rebuilds {@code p} over its table with the actual column replaced by {@code labels}. */
  private static Predictions relabel(Predictions p, String[] labels, String sheet) {
    Table t = p.table();
    Predictions.Roles roles = p.roles();
    String[] predicted = new String[p.size()];
    for (int i = 0; i < p.size(); i++) {
      predicted[i] = p.labels().name(p.predicted(i));
    }
    // Both label columns as the class names Errata already read, so no label is re-interpreted.
    t.replaceColumn(roles.actual(), StringColumn.create(roles.actual(), labels));
    t.replaceColumn(roles.predicted(), StringColumn.create(roles.predicted(), predicted));
    t.setName(p.source() + " relabelled from " + sheet);
    PredictionsReader reader =
        PredictionsReader.fromTable(t).actual(roles.actual()).predicted(roles.predicted());
    roles.id().ifPresent(reader::id);
    roles.score().ifPresent(reader::score);
    roles.weight().ifPresent(reader::weight);
    roles.positive().ifPresent(reader::positive);
    if (!roles.probabilities().isEmpty()) {
      reader.probabilities(roles.probabilities());
    }
    return reader.load();
  }

  private static int require(Csv csv, String column, String what, String name) {
    int i = csv.column(column);
    if (i < 0) {
      throw new IllegalArgumentException(
          "No column \""
              + column
              + "\" ("
              + what
              + ") in "
              + name
              + "; columns are "
              + csv.header());
    }
    return i;
  }

  /** Returns the change of example {@code id}, if the sheet changed it. */
  public Optional<Change> change(String id) {
    return changes.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Returns one line: how many labels changed, were confirmed or left blank. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %,d actual labels changed, %,d confirmed, %,d rows left blank; the relabelled"
            + " predictions are %s",
        file.getFileName(),
        changes.size(),
        confirmed,
        blank,
        relabelled.source());
  }

  /** Returns one row per changed example (id, before, after), titled with the summary. */
  public Table toTable() {
    return Table.create(
        summary(),
        StringColumn.create("id", changes.stream().map(Change::id).toList()),
        StringColumn.create("actual before", changes.stream().map(Change::before).toList()),
        StringColumn.create("relabelled", changes.stream().map(Change::after).toList()));
  }

  /** Shows the labels changed, by id, then the notes. */
  @Override
  public Presentation present() {
    return Presentation.of(
            Section.of(toTable())
                .with(ColumnKind.ID, "id")
                .with(ColumnKind.LABEL, "actual before", "relabelled"))
        .notes(notes.stream().map(n -> "Note: " + n).toList());
  }
}
