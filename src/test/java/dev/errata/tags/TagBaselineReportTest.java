package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.baseline.BaselineKind;
import dev.errata.baseline.Baselines;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.Proportion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The per-tag table on {@link Small}, with baselines; every number checked by hand there. */
class TagBaselineReportTest {

  @Test
  void annotatorHlpIsMeasuredPerTagWithItsInterval() {
    Predictions p = Small.predictions();
    TagReport report =
        TagReport.of(Tags.fromColumns(p, "car", "people", "low"), Baselines.none().withAnnotator(p, "human"));
    // human right on car e1, e6 of e1 e2 e6 e8; on people e3 of e2 e3 e8 (e4 unlabelled); on low e6.
    assertEquals(0.5, report.row("car").hlp(), 1e-12);
    assertEquals(1.0 / 3, report.row("people").hlp(), 1e-12);
    assertEquals(1.0, report.row("low").hlp(), 1e-12);
    assertEquals(1.0, report.untagged().hlp(), 1e-12);
    assertEquals(5.0 / 7, report.all().hlp(), 1e-12);
    assertEquals(new Proportion(2, 4).wilson(), report.row("car").baseline().orElseThrow().interval());
    assertEquals(4, report.row("car").baseline().orElseThrow().support());
  }

  @Test
  void tableSaysWhichBaselineEachGapIsMeasuredAgainst() {
    Predictions p = Small.predictions();
    Baselines b =
        Baselines.hlp(Map.of("people", 0.9))
            .withLiterature(0.8, "Smith 2021")
            .withAnnotator(p, "human");
    TagReport report = TagReport.of(Tags.fromColumns(p, "car", "people", "low"), b);
    Table t = report.toTable();
    // gains: low (1 − 0)·2/8 = 0.25, people (0.9 − 0.5)·4/8 = 0.2, car (0.5 − 0.5)·4/8 = 0.
    assertEquals(
        List.of("low", "people", "car", "untagged", "all data"), t.stringColumn("tag").asList());
    assertEquals(
        List.of(
            "HLP, second annotator (column \"human\"), n = 1",
            "HLP (the HLP map)",
            "HLP, second annotator (column \"human\"), n = 4",
            "HLP, second annotator (column \"human\"), n = 2",
            "literature (Smith 2021)"),
        t.stringColumn("baseline").asList());
    assertEquals(BaselineKind.LITERATURE, report.all().baseline().orElseThrow().kind());
    assertTrue(t.columnNames().containsAll(List.of("HLP low", "HLP high")));
  }

  @Test
  void gainsFollowGapTimesShareAndRankTheTags() {
    Predictions p = Small.predictions();
    TagReport report =
        TagReport.of(
            Tags.fromColumns(p, "car", "people", "low"),
            Baselines.hlp(Map.of("car", 0.75, "people", 0.5, "low", 0.25)));
    // accuracy: car 2/4, people 2/4, low 0/2; shares 4/8, 4/8, 2/8.
    // gains: car (0.75-0.5)·0.5 = 0.125, people 0, low (0.25-0)·0.25 = 0.0625.
    assertEquals(List.of("car", "low", "people"), report.tagRows().stream().map(TagRow::name).toList());
    assertEquals(0.125, report.row("car").potentialGain(), 1e-12);
    assertEquals(0.0625, report.row("low").potentialGain(), 1e-12);
    assertEquals(List.of(1, 2, 3), report.tagRows().stream().map(TagRow::rank).toList());
    assertEquals(List.of(), report.notes());
  }

  @Test
  void categoryMatchingNoTagIsANote() {
    TagReport report = TagReport.of(Small.tags(), Baselines.hlp(Map.of("road noise", 0.9)));
    assertEquals(
        List.of(
            "Baseline category \"road noise\" from HLP (the HLP map) matches no tag;"
                + " rows are [car, people, low, untagged, all data]"),
        report.notes());
  }

  @Test
  void expressionRowsAreCountedButDoNotChangeUntagged() {
    TagReport report = TagReport.of(Small.tags().with("car & !low"));
    TagRow derived = report.row("car & !low");
    assertEquals(3, derived.examples());
    assertEquals(1, derived.errors());
    assertEquals(2, report.untagged().examples());
    assertEquals(1, report.untagged().errors());
  }

  @Test
  void whereRestrictsEveryRowIncludingAllData() {
    TagReport report = TagReport.of(Small.tags().plus(Tags.fromMetadata(Small.predictions(), "device")).where("device=phone"));
    assertEquals(4, report.all().examples());
    assertEquals(1, report.all().errors());
    assertEquals(3, report.row("car").examples());
    assertTrue(report.title().contains("where device=phone"), report.title());
  }

  @Test
  void weightedExamplesCountTheirWeight() {
    Table t =
        Table.create(
            "w",
            StringColumn.create("a", "x", "x", "y", "y"),
            StringColumn.create("p", "x", "y", "y", "x"),
            StringColumn.create("t", "x", "x", "", "x"),
            DoubleColumn.create("w", 1.0, 2.0, 4.0, 0.5));
    Predictions p = PredictionsReader.fromTable(t).actual("a").predicted("p").weight("w").load();
    TagReport report = TagReport.of(Tags.fromColumns(p, "t"));
    TagRow tag = report.row("t");
    assertEquals(3.5, tag.examples(), 1e-12);
    assertEquals(2.5, tag.errors(), 1e-12);
    assertEquals(4.0, report.untagged().examples(), 1e-12);
    assertEquals(7.5, report.all().examples(), 1e-12);
  }

  @Test
  void partialTagsGetAKnownForColumnAndANote() throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Files.createTempDirectory(
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "test-files")), "r");
    java.nio.file.Path file = dir.resolve("s.csv");
    java.nio.file.Files.writeString(file, "id,car_noise,people_noise\ne2,x,\ne4,,x\ne6,x,\n");
    TagReport report = TagReport.of(Tags.fromSheet(Small.predictions(), file));
    assertTrue(report.toTable().columnNames().contains("known for"));
    assertEquals(
        List.of(
            "Tags [car_noise, people_noise] are known for 3 of 8 examples (3 of 4 errors): their"
                + " shares are among those; % of data, error rate and accuracy need tagged"
                + " correct examples too (%errors --correct same)"),
        report.notes());
    TagRow car = report.row("car_noise");
    assertTrue(car.knownOnlyOnErrors());
    assertEquals(2.0 / 3, car.shareOfErrors().value(), 1e-12);
    assertTrue(Double.isNaN(car.accuracy().value()));
    assertTrue(Double.isNaN(car.shareOfData().value()));
    assertTrue(Double.isNaN(report.untagged().errorRate().value()));
    assertEquals(0.5, report.all().accuracy().value(), 1e-12);
  }

  @Test
  void aModelAboveItsBaselineBeatsItAndGainsNothing() {
    Predictions p = Small.predictions();
    // accuracy: car 2/4, people 2/4, low 0/2; HLP car 0.4 is below the model's 0.5.
    TagReport report =
        TagReport.of(
            Tags.fromColumns(p, "car", "people", "low"),
            Baselines.hlp(Map.of("car", 0.4, "people", 0.75)));
    TagRow car = report.row("car");
    assertEquals(-0.1, car.gap(), 1e-12);
    assertTrue(car.beatsBaseline());
    assertEquals(0.0, car.potentialGain());
    // people (0.75 − 0.5)·4/8 = 0.125 ranks first; car's zero gain second.
    assertEquals(List.of("people", "car", "low"), report.tagRows().stream().map(TagRow::name).toList());
    Table t = report.toTable();
    assertEquals(
        List.of("", "beats the baseline", "", "", ""), t.stringColumn("vs baseline").asList());
    assertEquals(
        List.of(
            "The model beats its baseline on [car] (negative gap): no potential gain is counted"
                + " there (0), since there is no gap to close"),
        report.notes());
    GapChartData data = report.gapChartData();
    assertEquals(0.0, data.bars().get(1).potentialGain());
    assertEquals(
        List.of("", "beats the baseline", ""), data.toTable().stringColumn("vs baseline").asList());
  }

  @Test
  void aLiteratureOrOlderSystemNumberIsOneRowForAllData() {
    Predictions p = Small.predictions();
    // No tags: all 8 examples, 4 right (Small): accuracy 0.5 against literature 0.6.
    TagReport report = TagReport.of(Tags.none(p), Baselines.none().withLiterature(0.6, "Smith 2021"));
    GapChartData data = report.gapChartData();
    assertEquals(List.of("all data"), data.categories());
    GapChartData.Bar all = data.bars().get(0);
    assertEquals(0.5, all.accuracy(), 1e-15);
    assertEquals(0.1, all.gap(), 1e-12);
    assertEquals(1.0, all.shareOfData());
    assertEquals(all.gap(), all.potentialGain(), 1e-12);
    assertEquals("literature (Smith 2021)", all.baseline());
    GapChartData older =
        TagReport.of(Tags.none(p), Baselines.none().withOlderSystem(0.3, "v1")).gapChartData();
    assertEquals("older system (v1)", older.bars().get(0).baseline());
    assertTrue(older.bars().get(0).beatsBaseline());
    assertEquals(0.0, older.bars().get(0).potentialGain());
    // Tags whose baseline is unknown keep no bar beside the all-data one.
    TagReport tagged =
        TagReport.of(
            Tags.fromColumns(p, "car", "people", "low"),
            Baselines.none().withLiterature(0.6, "Smith 2021"));
    assertEquals(List.of("car", "people", "low", "all data"), tagged.gapChartData().categories());
    assertTrue(Double.isNaN(tagged.gapChartData().bars().get(0).hlp()));
  }
}
