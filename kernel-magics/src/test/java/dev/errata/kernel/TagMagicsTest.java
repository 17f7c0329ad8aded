package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.baseline.Baselines;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.render.View;
import dev.errata.tags.ErrorSheet;
import dev.errata.tags.GapChartData;
import dev.errata.tags.TagPivot;
import dev.errata.tags.TagReport;
import dev.errata.tags.TagRow;
import dev.errata.tags.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.errata.render.chart.Chart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TagMagicsTest {

  private Path dir;
  private FakeNotebook notebook;
  private TagMagics magics;

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-files")), "magics");
    notebook = new FakeNotebook().with("p", speech());
    magics = new TagMagics(notebook);
  }

  @Test
  void tagsMagicShowsAndReturnsTheCourseTableFromAnHlpFile() throws Exception {
    Path hlp = Files.writeString(
        dir.resolve("hlp.csv"),
        "category,accuracy\nclean speech,95%\ncar noise,0.93\npeople noise,0.89\nlow bandwidth,0.7\n");
    TagReport report = magics.tags(List.of("p", "--tag-column", "type", "--hlp", hlp.toString()));
    assertSame(report, notebook.displayed.get(0));
    assertEquals(
        List.of("clean_speech", "people_noise", "car_noise", "low_bandwidth"),
        report.tagRows().stream().map(TagRow::name).toList());
    assertEquals(0.0016, report.row("car_noise").potentialGain(), 1e-12);
    Chart chart = assertInstanceOf(Chart.class, notebook.displayed.get(1));
    assertEquals(
        "Accuracy vs HLP per tag (gap; % of data): largest gap \"car_noise\" 4.0 pp (model 89.0 %,"
            + " HLP 93.0 %, 4.0 % of data)",
        chart.text());
    notebook.displayed.clear();
    magics.tags(List.of("p", "--tag-column", "type", "--hlp", hlp.toString(), "--no-chart"));
    assertEquals(1, notebook.displayed.size());
  }

  @Test
  void tagsMagicWithoutABaselineShowsNoGapChart() throws Exception {
    magics.tags(List.of("p", "--tag-column", "type"));
    assertEquals(1, notebook.displayed.size());
    assertInstanceOf(TagReport.class, notebook.displayed.get(0));
  }

  @Test
  void hlpMagicTakesATableVariableAndShowsTheGapData() throws Exception {
    Table hlp =
        Table.create(
            "hlp",
            StringColumn.create("category", "clean speech", "car noise", "people noise", "low bandwidth"),
            tech.tablesaw.api.DoubleColumn.create("accuracy", 0.95, 0.93, 0.89, 0.70));
    notebook.with("hlpTable", hlp);
    GapChartData data = magics.hlp(List.of("p", "--tag-column", "type", "--hlp", "hlpTable"));
    Chart chart = (Chart) notebook.displayed.get(0);
    assertEquals(
        "Accuracy vs HLP per tag (gap; % of data): largest gap \"car_noise\" 4.0 pp (model 89.0 %,"
            + " HLP 93.0 %, 4.0 % of data)",
        chart.text());
    assertSame(data, notebook.displayed.get(1));
    assertEquals(List.of("clean_speech", "people_noise", "car_noise", "low_bandwidth"), data.categories());
    assertEquals(0.04, data.bars().get(2).gap(), 1e-12);
    assertEquals(0.04, data.bars().get(2).shareOfData(), 1e-12);
  }

  @Test
  void hlpMagicComparesAllDataWithALiteratureOrOlderSystemNumber() throws Exception {
    // 10,000 examples, 974 errors: accuracy 0.9026; literature 0.92 → gap 1.74 points, all of it
    // potential gain (all data is 100 % of the data).
    GapChartData data = magics.hlp(List.of("p", "--literature", "0.92", "--cite", "Smith 2021"));
    assertEquals(List.of("all data"), data.categories());
    assertEquals(0.9026, data.bars().get(0).accuracy(), 1e-12);
    assertEquals(0.0174, data.bars().get(0).gap(), 1e-12);
    assertEquals(0.0174, data.bars().get(0).potentialGain(), 1e-12);
    assertEquals(
        "Accuracy vs HLP per tag (gap; % of data): largest gap \"all data\" 1.7 pp (model 90.3 %,"
            + " HLP 92.0 %, 100.0 % of data)",
        ((Chart) notebook.displayed.get(0)).text());
    notebook.displayed.clear();
    // An older system at 0.9 is beaten by 0.26 points: no gain, said in a column and a note.
    GapChartData older = magics.hlp(List.of("p", "--tag-column", "type", "--older", "0.9"));
    // No tag has a baseline, so tags keep the order of their share of errors (390, 360, 180, 44).
    assertEquals(
        List.of("people_noise", "clean_speech", "low_bandwidth", "car_noise", "all data"),
        older.categories());
    GapChartData.Bar all = older.bars().get(4);
    assertEquals("older system (given in %hlp)", all.baseline());
    assertEquals(-0.0026, all.gap(), 1e-12);
    assertEquals(0.0, all.potentialGain());
    assertEquals("beats the baseline", older.toTable().stringColumn("vs baseline").get(4));
    assertEquals(
        "Accuracy vs HLP per tag (gap; % of data): the model beats the baseline everywhere, by"
            + " 0.3 pp at least (\"all data\")",
        ((Chart) notebook.displayed.get(0)).text());
    assertEquals(
        "Note: The model beats its baseline on [all data] (negative gap): no potential gain is"
            + " counted there (0), since there is no gap to close",
        notebook.displayed.get(notebook.displayed.size() - 1));
  }

  @Test
  void hlpMagicWithoutABaselineSaysWhichToGive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> magics.hlp(List.of("p", "--tag-column", "type")));
    assertEquals(
        "%hlp: give a baseline: --hlp FILE|VAR, --human COL, --older VAR|X, --older-column COL or --literature X",
        e.getMessage());
  }

  @Test
  void whereAndExpressionsWorkInTheMagic() throws Exception {
    TagReport report =
        magics.tags(List.of("p", "--tag-column", "type", "--metadata", "device", "--expr", "car_noise | people_noise",
            "--where", "device=phone"));
    assertEquals(5000, report.all().examples());
    assertEquals(1700, report.row("car_noise | people_noise").examples());
  }

  @Test
  void malformedWhereShowsThePosition() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.tags(List.of("p", "--tag-column", "type", "--where", "car_noise &")));
    assertEquals(
        "Malformed tag expression at position 12: expected a tag name, \"!\" or \"(\" but found the end\n"
            + "  car_noise &\n"
            + "             ^",
        e.getMessage());
  }

  @Test
  void errorsMagicWritesTheSheetAndReadingItBackGivesTags() throws Exception {
    Path sheet = dir.resolve("errors.csv");
    ErrorSheet written =
        magics.errors(List.of("p", "--sample", "20", "--seed", "7", "--to", sheet.toString(), "--tags", "car_noise,people_noise"));
    assertSame(written, notebook.displayed.get(0));
    assertEquals(20, written.added().size());
    assertEquals(974, written.errors());
    String text = Files.readString(sheet);
    assertTrue(text.startsWith("id,actual,predicted,type,device,car_noise,people_noise\r\n"), text);

    String filled = text.replaceFirst("(\\r\\n[^\\r]*),\\r\\n", "$1x,\r\n");
    Files.writeString(sheet, filled);
    TagReport report = magics.tags(List.of("p", "--sheet", sheet.toString()));
    assertEquals(List.of("car_noise", "people_noise"), report.tagRows().stream().map(TagRow::name).sorted().toList());
    assertEquals(20, report.row("car_noise").knownErrors());
    assertEquals(1, report.row("car_noise").examples());
  }

  @Test
  void errorsMagicWithSampleZeroAddsTheColumnsAndNoRows() throws Exception {
    Path sheet = dir.resolve("columns.csv");
    ErrorSheet written =
        magics.errors(
            List.of("p", "--sample", "0", "--to", sheet.toString(), "--tags", "car_noise"));
    assertEquals(List.of(), written.added());
    assertEquals("id,actual,predicted,type,device,car_noise\r\n", Files.readString(sheet));
  }

  @Test
  void aQuotedExpressionListSplitByTheKernelIsRefusedNotCutShort() {
    // %tags p --expr "car_noise","low_bandwidth" reaches the magic as
    // [p, --expr, car_noise, ,low_bandwidth].
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                magics.tags(
                    List.of(
                        "p", "--tag-column", "type", "--expr", "car_noise", ",low_bandwidth")));
    assertEquals(
        "%tags: --expr \"car_noise\" is followed by \",low_bandwidth\", which %tags does not take;"
            + " give the list as one argument: --expr car_noise,low_bandwidth",
        e.getMessage());
  }

  @Test
  void tagsOfAnUnknownVariableSaysSoAndWhatItTakes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> magics.tags(List.of("nosuch")));
    assertEquals(
        "%tags: no variable \"nosuch\" in the notebook; expected predictions (from %predictions)"
            + " or tags (from Tags.fromColumns(...))",
        e.getMessage());
  }

  @Test
  void errorsMagicNeedsIds() {
    notebook.with("noIds", Predictions.of(List.of("a", "b"), List.of("b", "b")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.errors(List.of("noIds", "--to", dir.resolve("x.csv").toString())));
    assertEquals(
        "Writing a tagging sheet needs an id column in the predictions, to join the sheet to the"
            + " examples; read predictions with .id(\"column\") (magic: --id COL); columns are"
            + " [actual, predicted]",
        e.getMessage());
  }

  @Test
  void unknownStratifyListsTheChoices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.errors(List.of("p", "--to", dir.resolve("x.csv").toString(), "--stratify", "device")));
    assertEquals("%errors: --stratify takes none, class or tag, got \"device\"", e.getMessage());
  }

  @Test
  void sampleThatIsNotAWholeNumberNamesTheMagicAndOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> magics.errors(List.of("p", "--to", dir.resolve("x.csv").toString(), "--sample", "ten")));
    assertEquals("%errors: --sample takes a whole number, got \"ten\"", e.getMessage());
  }

  @Test
  void tagsVariableIsAcceptedAndBaselinesVariableToo() throws Exception {
    Predictions p = (Predictions) notebook.variable("p");
    notebook.with("t", Tags.fromDelimited(p, "type", ";"));
    notebook.with("b", Baselines.hlp(Map.of("car noise", 0.93)));
    TagReport report = magics.tags(List.of("t", "--hlp", "b"));
    assertEquals(0.93, report.row("car_noise").hlp(), 1e-12);
    assertTrue(Double.isNaN(report.row("clean_speech").hlp()));
  }

  @Test
  void tagpivotByActualCountsErrors() throws Exception {
    TagPivot pivot = magics.tagpivot(List.of("p", "--tag-column", "type", "--by", "actual"));
    assertEquals(44, pivot.count("car_noise", "yes"));
  }

  @Test
  void wrongVariableTypeSaysWhatWasExpected() {
    notebook.with("s", "text");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> magics.tags(List.of("s")));
    assertEquals(
        "%tags: \"s\" is a String, expected predictions (from %predictions) or tags (from Tags.fromColumns(...))",
        e.getMessage());
  }

  @Test
  void everyResultHasAView() throws Exception {
    TagReport report = magics.tags(List.of("p", "--tag-column", "type"));
    for (Object o : List.of(report, report.gapChartData(), Tags.none((Predictions) notebook.variable("p")),
        Baselines.none(), TagPivot.cooccurrence(Tags.fromDelimited((Predictions) notebook.variable("p"), "type", ";")))) {
      assertTrue(View.of(o).isPresent(), o.getClass().getName());
      assertTrue(
          ErrataRenderers.TYPES.stream().anyMatch(t -> t.isInstance(o)), o.getClass().getName());
    }
  }

  @Test
  void helpListsTheTagMagics() {
    ErrataMagics all = new ErrataMagics(notebook);
    List<String> names = all.helpTable().toTable().stringColumn("magic").asList();
    assertTrue(names.containsAll(List.of("%tags", "%errors", "%hlp", "%tagpivot")), names.toString());
  }

  /** The course's speech example: 10,000 clips, one type each; half of each type on a phone. */
  private static Predictions speech() {
    Object[][] groups = {
      {"clean_speech", 6000, 360}, {"car_noise", 400, 44}, {"people_noise", 3000, 390}, {"low_bandwidth", 600, 180},
    };
    StringColumn id = StringColumn.create("id");
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    StringColumn type = StringColumn.create("type");
    StringColumn device = StringColumn.create("device");
    int n = 0;
    for (Object[] g : groups) {
      for (int i = 0; i < (Integer) g[1]; i++) {
        id.append("c" + n++);
        actual.append("yes");
        predicted.append(i < (Integer) g[2] ? "no" : "yes");
        type.append((String) g[0]);
        device.append(i % 2 == 0 ? "phone" : "laptop");
      }
    }
    Table t = Table.create("speech.csv", id, actual, predicted, type, device);
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }
}
