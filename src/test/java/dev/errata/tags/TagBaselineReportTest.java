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
}
