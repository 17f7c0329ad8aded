package dev.errata.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BaselinesTest {

  private Path dir;

  @BeforeEach
  void freshFolder() throws Exception {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-files")), "hlp");
  }

  @Test
  void readsFractionsAndPercentagesWithTheirSource() throws Exception {
    Path file = write("hlp.csv", "Category,HLP,source\nclean speech,0.95,3 raters\ncar noise,93 %,\n");
    List<BaselineSource> sources = Baselines.hlp(file).sources();
    assertEquals(
        List.of(
            new BaselineSource.Fixed("clean speech", 0.95, BaselineKind.HLP_TABLE, "HLP (hlp.csv, 3 raters)"),
            new BaselineSource.Fixed("car noise", 0.93, BaselineKind.HLP_TABLE, "HLP (hlp.csv)")),
        sources);
  }

  @Test
  void hlpAboveOneIsAnErrorThatSaysHowToWriteIt() throws Exception {
    Path file = write("hlp.csv", "category,accuracy\nclean speech,0.95\ncar noise,93\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.hlp(file));
    assertEquals(
        "Row 2 of hlp.csv, column \"accuracy\": accuracy 93 is outside [0, 1];"
            + " write a fraction (0.95) or a percentage with % (95 %)",
        e.getMessage());
  }

  @Test
  void negativeHlpInATableIsAnError() {
    Table t =
        Table.create(
            "hlp", StringColumn.create("category", "a"), DoubleColumn.create("accuracy", -0.1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.hlp(t));
    assertEquals(
        "Row 1 of hlp, column \"accuracy\": accuracy -0.1 is outside [0, 1];"
            + " write a fraction (0.95) or a percentage with % (95 %)",
        e.getMessage());
  }

  @Test
  void literatureNumberOutsideTheUnitIntervalIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Baselines.none().withLiterature(92, "Smith 2021"));
    assertEquals(
        "Literature baseline \"Smith 2021\": accuracy 92.0 is outside [0, 1];"
            + " write a fraction (0.95) or a percentage with % (95 %)",
        e.getMessage());
  }

  @Test
  void notANumberNamesTheCell() throws Exception {
    Path file = write("hlp.csv", "category,accuracy\nclean,high\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.hlp(file));
    assertEquals(
        "Row 1 of hlp.csv, column \"accuracy\": \"high\" is not a number;"
            + " expected an accuracy such as 0.95 or 95 %",
        e.getMessage());
  }

  @Test
  void repeatedCategoryIsAnErrorEvenWhenSpelledDifferently() throws Exception {
    Path file = write("hlp.csv", "category,accuracy\ncar noise,0.9\nclean,0.95\nCar_Noise,0.93\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.hlp(file));
    assertEquals(
        "Row 3 of hlp.csv, column \"category\": category \"Car_Noise\" repeats \"car noise\" of row 1;"
            + " give each category once",
        e.getMessage());
  }

  @Test
  void missingColumnListsTheColumnsAndTheExpectedShape() throws Exception {
    Path file = write("hlp.csv", "type,acc\nclean,0.95\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.hlp(file));
    assertEquals(
        "No column \"category\" (category) in hlp.csv; columns are [type, acc]."
            + " A baseline table has columns category, accuracy (and optionally source)",
        e.getMessage());
  }

  @Test
  void categoriesMatchIgnoringCaseSpacesUnderscoresAndHyphens() {
    BaselineSource.Fixed f = new BaselineSource.Fixed("Car noise", 0.9, BaselineKind.HLP_TABLE, "t");
    assertEquals(true, f.matches("car_noise"));
    assertEquals(true, f.matches("car-noise"));
    assertEquals(false, f.matches("carnoise"));
    assertEquals(true, new BaselineSource.Fixed("overall", 0.9, BaselineKind.LITERATURE, "t").matches("all data"));
  }

  @Test
  void unmatchedCategoryIsReportedWithTheRows() {
    Baselines b = Baselines.hlp(java.util.Map.of("road noise", 0.9));
    assertEquals(
        List.of(
            "Baseline category \"road noise\" from HLP (the HLP map) matches no tag;"
                + " rows are [car_noise, untagged, all data]"),
        b.unmatched(List.of("car_noise", "untagged", "all data")));
  }

  @Test
  void annotatorIsRightWhereItsLabelEqualsTheActualOneAndKnownWhereItGaveOne() {
    Predictions p = annotated();
    BaselineSource.Reference r = Baselines.none().withAnnotator(p, "human").references().get(0);
    assertEquals("HLP, second annotator (column \"human\")", r.source());
    assertEquals(List.of(0, 1, 2, 4), r.known().stream().boxed().toList());
    assertEquals(List.of(0, 2), r.correct().stream().boxed().toList());
  }

  @Test
  void aReferenceIsAValueItsCallersCannotChange() {
    java.util.BitSet known = java.util.BitSet.valueOf(new long[] {0b111});
    java.util.BitSet correct = java.util.BitSet.valueOf(new long[] {0b101});
    BaselineSource.Reference r =
        new BaselineSource.Reference(BaselineKind.OLDER_SYSTEM, "old", 3, correct, known);
    known.clear();
    r.correct().clear();
    assertEquals(List.of(0, 1, 2), r.known().stream().boxed().toList());
    assertEquals(List.of(0, 2), r.correct().stream().boxed().toList());
  }

  @Test
  void aReferenceCorrectWhereItHasNoLabelIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BaselineSource.Reference(
                    BaselineKind.OLDER_SYSTEM,
                    "old",
                    3,
                    java.util.BitSet.valueOf(new long[] {0b110}),
                    java.util.BitSet.valueOf(new long[] {0b011})));
    assertEquals(
        "A reference can only be correct where it has a label; rows {2} are correct but not known",
        e.getMessage());
  }

  @Test
  void annotatorLabelsThatAreNoClassAreCountedAsDisagreementsAndReported() {
    Baselines b = Baselines.none().withAnnotator(annotated(), "human");
    assertEquals(
        List.of(
            "HLP, second annotator (column \"human\"): labels that are no class of ann count as"
                + " disagreements: {dgo=1}; classes are [cat, dog]"),
        b.notes());
  }

  @Test
  void olderSystemJoinsByIdAndIsScoredAgainstTheseLabels() {
    Predictions p = annotated();
    Table old =
        Table.create(
            "old.csv",
            StringColumn.create("id", "r4", "r0", "r1", "r9"),
            StringColumn.create("actual", "cat", "cat", "cat", "dog"),
            StringColumn.create("predicted", "dog", "cat", "cat", "dog"));
    Predictions older = PredictionsReader.fromTable(old).actual("actual").predicted("predicted").id("id").load();
    Baselines b = Baselines.none().withOlderSystem(p, older);
    BaselineSource.Reference r = b.references().get(0);
    assertEquals(List.of(0, 1, 4), r.known().stream().boxed().toList());
    // r4: the older system said dog; its own label says cat, but these predictions say dog: right.
    assertEquals(List.of(0, 1, 4), r.correct().stream().boxed().toList());
    assertEquals(
        List.of(
            "older system (old.csv): 2 of 5 examples have no older prediction",
            "older system (old.csv): the actual label differs on 1 examples; both systems are scored against ann"),
        b.notes());
  }

  @Test
  void olderSystemWithoutIdsMustHaveAsManyRows() {
    Predictions p = Predictions.of(List.of("a", "b"), List.of("a", "a"));
    Predictions older = Predictions.of(List.of("a"), List.of("a"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Baselines.none().withOlderSystem(p, older));
    assertEquals(
        "The older system's predictions (predictions) have 1 rows and predictions has 2;"
            + " give both an id column to join them by example",
        e.getMessage());
  }

  /** Five examples: actual cat, cat, dog, dog, dog; a human labelled four of them. */
  private static Predictions annotated() {
    Table t =
        Table.create(
            "ann",
            StringColumn.create("id", "r0", "r1", "r2", "r3", "r4"),
            StringColumn.create("actual", "cat", "cat", "dog", "dog", "dog"),
            StringColumn.create("predicted", "cat", "dog", "dog", "cat", "dog"),
            StringColumn.create("human", "cat", "dgo", "dog", "", "cat"));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
