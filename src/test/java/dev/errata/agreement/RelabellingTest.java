package dev.errata.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.ClassificationMetrics;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RelabellingTest {

  /**
   * Six examples; the annotators disagree on ids 3 and 6. Model right on 1-4, wrong on 5 (a → b)
   * and 6 (b → a): accuracy 4/6.
   */
  static Predictions six() {
    Table t =
        Table.create(
            "six",
            StringColumn.create("id", "1", "2", "3", "4", "5", "6"),
            StringColumn.create("label", "a", "a", "b", "b", "a", "b"),
            StringColumn.create("pred", "a", "a", "b", "b", "b", "a"),
            StringColumn.create("ann_a", "a", "a", "b", "b", "a", "b"),
            StringColumn.create("ann_b", "a", "a", "a", "b", "a", "a"));
    return PredictionsReader.fromTable(t).actual("label").predicted("pred").id("id").load();
  }

  private static Path sheet(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "relabelling"));
    Path f = dir.resolve(name + "-" + System.nanoTime() + ".csv");
    return f;
  }

  @Test
  void anEditedSheetReadsBackAsCorrectedActualLabels() throws Exception {
    Predictions p = six();
    Path file = sheet("relabel");
    Agreement.of(p, List.of("ann_a", "ann_b")).writeDisagreements(file, false);
    assertEquals(
        "id,ann_a,ann_b,label,pred,relabel\r\n3,b,a,b,b,\r\n6,b,a,b,a,\r\n",
        Files.readString(file));
    // The person relabels example 6 as "a" (ann_b was right) and leaves 3 blank.
    Files.writeString(file, "id,ann_a,ann_b,label,pred,relabel\r\n3,b,a,b,b,\r\n6,b,a,b,a,a\r\n");
    Relabelling r = Relabelling.read(p, file);
    assertEquals(List.of(new Relabelling.Change("6", "b", "a")), r.changes());
    assertEquals(1, r.blank());
    assertEquals(0, r.confirmed());
    Predictions fixed = r.relabelled();
    assertEquals("a", fixed.labels().name(fixed.actual(5)));
    assertEquals("b", fixed.labels().name(fixed.actual(2)), "blank: unchanged");
    // Example 6 was a model error (b predicted a); with its label corrected it is right: 5/6.
    assertEquals(4.0 / 6, ClassificationMetrics.of(p).accuracy(), 1e-15);
    assertEquals(5.0 / 6, ClassificationMetrics.of(fixed).accuracy(), 1e-15);
    assertEquals(p.columnNames(), fixed.columnNames());
    assertEquals("id", fixed.roles().id().orElseThrow());
    assertEquals("six relabelled from " + file.getFileName(), fixed.source());
  }

  @Test
  void tagColumnsAddedToTheSheetReadBackAsTags() throws Exception {
    Predictions p = six();
    Path file = sheet("tagged");
    Agreement.of(p, List.of("ann_a", "ann_b")).writeDisagreements(file, false);
    Files.writeString(
        file, "id,ann_a,ann_b,label,pred,relabel,ambiguous\r\n3,b,a,b,b,,x\r\n6,b,a,b,a,a,\r\n");
    Relabelling r = Relabelling.read(p, file);
    // The relabel column is no tag; "ambiguous" is, known on the two rows of the sheet.
    Tags tags = Tags.fromSheet(r.relabelled(), file);
    assertEquals(List.of("ambiguous"), tags.names());
    TagReport report = TagReport.of(tags);
    assertEquals(1, report.row("ambiguous").examples());
    assertEquals(0, report.row("ambiguous").errors(), "example 3 is predicted right");
  }

  @Test
  void aLabelThatIsNoClassIsAnErrorNamingTheCell() throws Exception {
    Predictions p = six();
    Path file = sheet("bad");
    Files.writeString(file, "id,relabel\n3,\n6,c\n");
    assertEquals(
        "Row 2 of "
            + file.getFileName()
            + ", column \"relabel\": \"c\" is no class of six; classes are [a, b] (a new class"
            + " belongs in the data itself)",
        assertThrows(IllegalArgumentException.class, () -> Relabelling.read(p, file)).getMessage());
    Files.writeString(file, "id,relabel\n3,a\n3,b\n");
    assertEquals(
        "Row 2 of "
            + file.getFileName()
            + ", column \"id\": id \"3\" repeats row 1; give each example once",
        assertThrows(IllegalArgumentException.class, () -> Relabelling.read(p, file)).getMessage());
    Files.writeString(file, "id,label\n3,a\n");
    assertEquals(
        "No column \"relabel\" (the corrected label) in "
            + file.getFileName()
            + "; columns are [id, label]",
        assertThrows(IllegalArgumentException.class, () -> Relabelling.read(p, file)).getMessage());
  }

  @Test
  void unknownIdsAndConfirmedLabelsAreCountedNotDropped() throws Exception {
    Path file = sheet("ids");
    Files.writeString(file, "id,relabel\n3,b\n99,a\n");
    Relabelling r = Relabelling.read(six(), file);
    assertEquals(1, r.confirmed());
    assertEquals(List.of(), r.changes());
    assertEquals(
        List.of(
            "1 relabelled rows of "
                + file.getFileName()
                + " match no example of six by id, so they change nothing: [99]"),
        r.notes());
  }
}
