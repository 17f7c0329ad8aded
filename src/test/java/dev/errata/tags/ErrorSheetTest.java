package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.internal.Csv;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ErrorSheetTest {

  private Path dir;

  @BeforeEach
  void freshFolder() throws Exception {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-files")), "sheets");
  }

  @Test
  void writesEveryErrorWithLabelsMetadataAndEmptyTagColumns() {
    Path file = dir.resolve("errors.csv");
    ErrorSheet sheet =
        ErrorSheetWriter.of(Small.predictions()).sample(10).tags("car_noise", "people_noise").write(file);
    Csv csv = Csv.read(file);
    assertEquals(
        List.of("id", "actual", "predicted", "car", "people", "low", "device", "human", "car_noise", "people_noise"),
        csv.header());
    assertEquals(
        List.of(
            List.of("e2", "yes", "no", "X", "yes", "", "phone", "no", "", ""),
            List.of("e4", "no", "yes", "", "true", "x", "laptop", "", "", ""),
            List.of("e6", "no", "yes", "x", "", "x", "", "no", "", ""),
            List.of("e7", "yes", "no", "", "false", "", "laptop", "yes", "", "")),
        csv.rows());
    assertEquals(4, sheet.added().size());
    assertEquals(0, sheet.kept());
    assertEquals(4, sheet.errors());
  }

  @Test
  void sampleZeroWritesTheColumnsAndNoRows() {
    Path file = dir.resolve("empty.csv");
    ErrorSheet sheet = ErrorSheetWriter.of(Small.predictions()).sample(0).tags("car_noise").write(file);
    Csv csv = Csv.read(file);
    assertEquals(
        List.of("id", "actual", "predicted", "car", "people", "low", "device", "human", "car_noise"),
        csv.header());
    assertEquals(List.of(), csv.rows());
    assertEquals(List.of(), sheet.added());
    assertEquals(4, sheet.errors());
  }

  @Test
  void extendingASheetThatHoldsEveryErrorAddsOnlyTheNewColumns() {
    Path file = dir.resolve("full.csv");
    ErrorSheetWriter.of(Small.predictions()).sample(10).write(file);
    ErrorSheet again = ErrorSheetWriter.of(Small.predictions()).sample(10).tags("car_noise").write(file);
    assertEquals(List.of(), again.added());
    assertEquals(4, again.kept());
    assertEquals(List.of("car_noise"), again.newColumns());
  }

  @Test
    void formulaCellsAreNeutralisedInTheFileAndReadBackAsWritten() throws Exception {
    Table t =
        Table.create(
            "f.csv",
            StringColumn.create("id", "a1", "a2", "a3"),
            StringColumn.create("actual", "=1+1", "ok", "ok"),
            StringColumn.create("predicted", "ok", "@SUM(A1)", "ok"),
            StringColumn.create("score", "-0.5", "0.25", "-1e-3"),
            StringColumn.create("link", "=HYPERLINK(\"http://x\")", "+cmd", "-2+3"));
    Predictions p =
        PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
    Path file = dir.resolve("formulas.csv");
    ErrorSheetWriter.of(p).write(file);
    // Hand-checked: every formula cell has a leading quote; numbers (the negative score) do not.
    assertEquals(
        List.of(
            "id,actual,predicted,score,link",
            "a1,'=1+1,ok,-0.5,\"'=HYPERLINK(\"\"http://x\"\")\"",
            "a2,ok,'@SUM(A1),0.25,'+cmd"),
        Files.readAllLines(file));
    Csv back = Csv.read(file);
    assertEquals(
        List.of(
            List.of("a1", "=1+1", "ok", "-0.5", "=HYPERLINK(\"http://x\")"),
            List.of("a2", "ok", "@SUM(A1)", "0.25", "+cmd")),
        back.rows());
  }

  @Test
  void sheetIsCreatedWithTheUmaskLikeAnyNewFile() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    Path file = dir.resolve("shared.csv");
    ErrorSheetWriter.of(Small.predictions()).write(file);
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    assertEquals(List.of(".", "plain.txt", "shared.csv"), listing());
  }

  @Test
  void extendingASheetKeepsItsPermissions() throws Exception {
    Path file = dir.resolve("team.csv");
    ErrorSheetWriter.of(Small.predictions()).sample(2).write(file);
    Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(file, shared);
    ErrorSheetWriter.of(Small.predictions()).sample(2).write(file);
    assertEquals(shared, Files.getPosixFilePermissions(file));
    assertEquals(4, Csv.read(file).rows().size());
  }

  private List<String> listing() throws Exception {
    try (var files = Files.list(dir)) {
      List<String> names = new ArrayList<>(List.of("."));
      files.map(f -> f.getFileName().toString()).sorted().forEach(names::add);
      return names;
    }
  }

  @Test
  void sampleIsReproducibleBySeedAndHoldsOnlyErrors() {
    Predictions p = many(200);
    List<String> first = ids(ErrorSheetWriter.of(p).sample(10).seed(7).write(dir.resolve("a.csv")));
    List<String> again = ids(ErrorSheetWriter.of(p).sample(10).seed(7).write(dir.resolve("b.csv")));
    List<String> other = ids(ErrorSheetWriter.of(p).sample(10).seed(8).write(dir.resolve("c.csv")));
    assertEquals(first, again);
    assertEquals(10, first.size());
    assertEquals(false, first.equals(other));
    for (String id : first) {
      int row = Integer.parseInt(id.substring(1));
      assertEquals(true, row % 3 == 0, id + " is no error");
    }
  }

  @Test
  void iteratingKeepsFilledCellsAddsNewTagsAndOnlyNewExamples() throws Exception {
    Predictions p = many(300);
    Path file = dir.resolve("loop.csv");
    ErrorSheetWriter.of(p).sample(5).tags("car_noise").write(file);
    // A person fills the sheet in a spreadsheet: tags, and a note.
    Csv filled = Csv.read(file);
    List<String> header = new ArrayList<>(filled.header());
    header.add("notes");
    List<List<String>> rows = new ArrayList<>();
    for (List<String> r : filled.rows()) {
      List<String> copy = new ArrayList<>(r);
      copy.set(header.indexOf("car_noise"), rows.size() % 2 == 0 ? "x" : "");
      copy.add("looked at " + r.get(0));
      rows.add(copy);
    }
    new Csv(file.toString(), ',', header, rows).write(file, true);

    ErrorSheet second = ErrorSheetWriter.of(p).sample(7).seed(3).tags("car_noise", "people_noise").write(file);

    Csv after = Csv.read(file);
    assertEquals(5, second.kept());
    assertEquals(7, second.added().size());
    assertEquals(List.of("people_noise"), second.newColumns());
    assertEquals(12, after.rows().size());
    assertEquals(List.of("id", "actual", "predicted", "group", "car_noise", "notes", "people_noise"), after.header());
    for (int r = 0; r < 5; r++) {
      List<String> expected = new ArrayList<>(rows.get(r));
      expected.add("");
      assertEquals(expected, after.rows().get(r));
    }
    assertEquals(12, after.rows().stream().map(r -> r.get(0)).distinct().count());
  }

  @Test
  void filledSheetBecomesTagsKnownOnlyForItsRows() throws Exception {
    Path file = dir.resolve("filled.csv");
    Files.writeString(
        file,
        "id,actual,predicted,car_noise,people_noise,notes,tags\n"
            + "e2,yes,no,x,,garbled,\n"
            + "e4,no,yes,,YES,,low_bandwidth\n"
            + "e6,no,yes,1,0,,low_bandwidth;car_noise\n"
            + "zz,no,yes,,,,\n");
    Tags tags = Tags.fromSheet(Small.predictions(), file);
    assertEquals(List.of("car_noise", "people_noise", "low_bandwidth"), tags.names());
    assertArrayEquals(new int[] {1, 5}, tags.rows("car_noise"));
    assertArrayEquals(new int[] {3}, tags.rows("people_noise"));
    assertArrayEquals(new int[] {3, 5}, tags.rows("low_bandwidth"));
    assertArrayEquals(new int[] {}, tags.rows("!car_noise & !people_noise & !low_bandwidth"));
    assertEquals(
        List.of("1 of 4 rows of filled.csv match no example of small.csv by id: [zz]"), tags.notes());
    TagRow car = TagReport.of(tags).row("car_noise");
    assertEquals(3, car.known());
    assertEquals(3, car.knownErrors());
    assertEquals(2.0 / 3, car.shareOfErrors().value(), 1e-12);
  }

  @Test
  void sheetWithDuplicateIdsIsAnErrorListingThem() throws Exception {
    Path file = dir.resolve("dups.csv");
    Files.writeString(file, "id,car_noise\ne2,x\ne4,\ne2,\ne6,x\ne4,x\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromSheet(Small.predictions(), file));
    assertEquals(
        "dups.csv has duplicate ids: \"e2\" (rows 1, 3), \"e4\" (rows 2, 5);"
            + " each example must appear once, so merge those rows",
        e.getMessage());
  }

  @Test
  void writingOverASheetWithDuplicateIdsLeavesItUntouched() throws Exception {
    Path file = dir.resolve("dups.csv");
    String text = "id,car_noise\ne2,x\ne2,\n";
    Files.writeString(file, text);
    assertThrows(IllegalArgumentException.class, () -> ErrorSheetWriter.of(Small.predictions()).write(file));
    assertEquals(text, Files.readString(file));
  }

  @Test
  void badTagValueInSheetNamesFileRowColumnAndSpellings() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "id,car_noise\ne2,x\ne4,maybe\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tags.fromSheet(Small.predictions(), file));
    assertEquals(
        "Row 2 of bad.csv, column \"car_noise\": \"maybe\" is not a tag value;"
            + " accepted: true/false, 1/0, yes/no, x/blank (any case). Free text belongs in a column named notes",
        e.getMessage());
  }

  @Test
  void sheetsNeedIdsInThePredictions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ErrorSheetWriter.of(Small.withoutIds()).write(dir.resolve("x.csv")));
    assertEquals(
        "Writing a tagging sheet needs an id column in the predictions, to join the sheet to the"
            + " examples; read small.csv with .id(\"column\") (magic: --id COL); columns are"
            + " [id, actual, predicted, car, people, low, device, human]",
        e.getMessage());
  }

  @Test
  void tagColumnThatIsAlreadyAPredictionsColumnIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ErrorSheetWriter.of(Small.predictions()).tags("device").write(dir.resolve("x.csv")));
    assertEquals(
        "Tag column \"device\" cannot be added to the sheet: tag columns need new, distinct names"
            + " that are not columns of small.csv [id, actual, predicted, car, people, low, device, human]",
        e.getMessage());
  }

  @Test
  void whereLimitsTheSampleToMatchingErrors() {
    Tags tags = Small.tags().plus(Tags.fromMetadata(Small.predictions(), "device")).where("device=laptop");
    ErrorSheet sheet = ErrorSheetWriter.of(tags).write(dir.resolve("w.csv"));
    assertEquals(List.of("e4", "e7"), ids(sheet));
    assertEquals(2, sheet.errors());
  }

  @Test
  void stratifyingByClassTakesFromEachClassInTurn() {
    Predictions p = many(300);
    ErrorSheet sheet = ErrorSheetWriter.of(p).sample(4).stratify(Stratify.CLASS).write(dir.resolve("s.csv"));
    long a = sheet.added().stream().filter(r -> r.get(1).equals("a")).count();
    assertEquals(2, a);
    assertEquals(4, sheet.added().size());
  }

  @Test
  void stratifyingByTagCoversEveryTagAndTheUntagged() {
    Predictions p = many(300);
    Tags tags = Tags.fromMetadata(p, "group");
    ErrorSheet sheet = ErrorSheetWriter.of(tags).sample(3).stratify(Stratify.TAG).write(dir.resolve("t.csv"));
    assertEquals(
        List.of("g0", "g1", "g2"), sheet.added().stream().map(r -> r.get(3)).sorted().toList());
  }

  @Test
  void stratifyingByTagWithoutTagsSaysHowToGetThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ErrorSheetWriter.of(Small.predictions()).stratify(Stratify.TAG).write(dir.resolve("x.csv")));
    assertEquals(
        "Stratifying by tag needs tags, and small.csv has none yet; build them with Tags.fromColumns,"
            + " fromDelimited, fromMetadata or fromSheet and sample from those tags",
        e.getMessage());
  }

  /** {@code n} rows "r0".."r{n-1}"; every third row is an error; classes a/b alternate; 3 groups. */
  private static Predictions many(int n) {
    StringColumn id = StringColumn.create("id");
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    StringColumn group = StringColumn.create("group");
    for (int i = 0; i < n; i++) {
      String a = i % 2 == 0 ? "a" : "b";
      id.append("r" + i);
      actual.append(a);
      predicted.append(i % 3 == 0 ? (a.equals("a") ? "b" : "a") : a);
      group.append("g" + (i % 5 == 0 ? 0 : i % 7 == 0 ? 1 : 2));
    }
    Table t = Table.create("many.csv", id, actual, predicted, group);
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  private static List<String> ids(ErrorSheet sheet) {
    return sheet.added().stream().map(r -> r.get(0)).toList();
  }
}
