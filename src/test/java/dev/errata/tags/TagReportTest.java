package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.baseline.Baselines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TagReportTest {

  private static Baselines courseHlp() {
    Map<String, Double> hlp = new LinkedHashMap<>();
    hlp.put("clean speech", 0.95);
    hlp.put("car noise", 0.93);
    hlp.put("people noise", 0.89);
    hlp.put("low bandwidth", 0.70);
    return Baselines.hlp(hlp);
  }

  @Test
  void reproducesTheCoursePrioritizationTable() {
    TagReport report = TagReport.of(CourseSpeech.tags(), courseHlp());

    // type, accuracy, HLP, gap, % of data, potential gain — all in percent, from COURSE.md.
    double[][] expected = {
      {94, 95, 1, 60, 0.6},
      {87, 89, 2, 30, 0.6},
      {89, 93, 4, 4, 0.16},
      {70, 70, 0, 6, 0},
    };
    List<String> order = List.of("clean_speech", "people_noise", "car_noise", "low_bandwidth");
    assertEquals(order, report.tagRows().stream().map(TagRow::name).toList());
    for (int i = 0; i < expected.length; i++) {
      TagRow r = report.tagRows().get(i);
      assertEquals(expected[i][0], 100 * r.accuracy().value(), 1e-9, r.name());
      assertEquals(expected[i][1], 100 * r.hlp(), 1e-9, r.name());
      assertEquals(expected[i][2], 100 * r.gap(), 1e-9, r.name());
      assertEquals(expected[i][3], 100 * r.shareOfData().value(), 1e-9, r.name());
      assertEquals(expected[i][4], 100 * r.potentialGain(), 1e-9, r.name());
    }
  }

  @Test
  void tiedGainsShareARankAndTheLargerShareComesFirst() {
    TagReport report = TagReport.of(CourseSpeech.tags(), courseHlp());
    assertEquals(
        List.of(1, 1, 3, 4), report.tagRows().stream().map(TagRow::rank).toList());
  }

  @Test
  void tableShowsTheCourseNumbersAsPrinted() {
    Table t = TagReport.of(CourseSpeech.tags(), courseHlp()).toTable();
    assertEquals(
        List.of("clean_speech", "people_noise", "car_noise", "low_bandwidth", "untagged", "all data"),
        t.stringColumn("tag").asList());
    assertEquals(List.of("94.0 %", "87.0 %", "89.0 %", "70.0 %"), formatted(t, "accuracy"));
    assertEquals(List.of("95.0 %", "89.0 %", "93.0 %", "70.0 %"), formatted(t, "HLP"));
    assertEquals(List.of("1.0 %", "2.0 %", "4.0 %", "0.0 %"), formatted(t, "gap to HLP"));
    assertEquals(List.of("60.0 %", "30.0 %", "4.0 %", "6.0 %"), formatted(t, "share of data"));
    assertEquals(List.of("0.6", "0.6", "0.16", "0"), gainsInPercent(t));
    // Given HLP numbers have no interval, so no interval columns; every tag is known everywhere.
    assertEquals(false, t.columnNames().contains("HLP low"));
    assertEquals(false, t.columnNames().contains("known for"));
  }

  @Test
  void errorSharesAndRatesCountEveryError() {
    TagReport report = TagReport.of(CourseSpeech.tags(), courseHlp());
    TagRow car = report.row("car_noise");
    assertEquals(400, car.examples());
    assertEquals(44, car.errors());
    assertEquals(44.0 / 974, car.shareOfErrors().value(), 1e-12);
    assertEquals(0.11, car.errorRate().value(), 1e-12);
    assertEquals(974, report.all().errors());
    assertEquals(1 - 974 / 10000.0, report.all().accuracy().value(), 1e-12);
  }

  @Test
  void untaggedRowIsEmptyAndItsAccuracyUndefinedWhenEveryExampleIsTagged() {
    TagRow untagged = TagReport.of(CourseSpeech.tags(), courseHlp()).untagged();
    assertEquals(0, untagged.examples());
    assertTrue(Double.isNaN(untagged.accuracy().value()));
    assertEquals(0, untagged.rank());
  }

  @Test
  void accuracyIntervalIsWilsons() {
    // Wilson 95 % for 356 / 400, computed by hand: centre (p + z²/2n)/(1 + z²/n), z = 1.959964.
    TagRow car = TagReport.of(CourseSpeech.tags(), courseHlp()).row("car_noise");
    double z = 1.959963984540054;
    double n = 400;
    double p = 0.89;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    assertEquals(centre - half, car.accuracy().wilson().lower(), 1e-12);
    assertEquals(centre + half, car.accuracy().wilson().upper(), 1e-12);
    assertEquals(0.93 - (centre + half), car.gapInterval().lower(), 1e-12);
  }

  @Test
  void withoutBaselinesNothingIsRankedAndTagsAreOrderedByShareOfErrors() {
    TagReport report = TagReport.of(CourseSpeech.tags());
    assertEquals(
        List.of("people_noise", "clean_speech", "low_bandwidth", "car_noise"),
        report.tagRows().stream().map(TagRow::name).toList());
    assertTrue(report.tagRows().stream().allMatch(r -> r.rank() == 0));
  }

  private static List<String> formatted(Table t, String column) {
    return t.doubleColumn(column).asList().subList(0, 4).stream()
        .map(dev.errata.render.Numbers::percent)
        .toList();
  }

  /** The course prints gains with up to two decimals: 0.6 %, 0.16 %. */
  private static List<String> gainsInPercent(Table t) {
    return t.doubleColumn("potential gain").asList().subList(0, 4).stream()
        .map(g -> dev.errata.render.Numbers.format(Math.round(g * 100 * 1e6) / 1e6))
        .toList();
  }
}
