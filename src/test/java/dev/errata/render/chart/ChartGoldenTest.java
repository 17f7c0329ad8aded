package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.render.Golden;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static SVG and the HTML output are deterministic: compared with committed golden files. */
class ChartGoldenTest {

  @Test
  void svgOfEveryKindMatchesGoldenFiles() {
    Map<String, Chart> charts = Samples.all();
    for (String name :
        new String[] {
          "confusion-course",
          "confusion-hostile",
          "gap-course",
          "slices",
          "runs",
          "hostile-bars",
          "hostile-runs",
          "pr-threshold",
          "runs-without-intervals"
        }) {
      Golden.assertMatches("chart-" + name + ".svg", charts.get(name).svg() + "\n");
    }
    Golden.assertMatches("chart-roc-50.svg", Samples.roc(50).svg() + "\n");
  }

  @Test
  void htmlOutputMatchesGoldenFiles() {
    // The PNG (Java2D output, font-dependent) is checked elsewhere; here it is a placeholder.
    Golden.assertMatches(
        "chart-confusion-course.html", withoutPng(Charts.confusion(Samples.courseBinary()).html()));
    Golden.assertMatches("chart-hostile-bars.html", withoutPng(Samples.hostileBars().html()));
  }

  private static String withoutPng(String html) {
    return html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,PNG") + "\n";
  }

  @Test
  void plotlyFigureMatchesGoldenFile() {
    Golden.assertMatches("chart-gap-course.json", Samples.courseGap().plotlyJson() + "\n");
  }

  @Test
  void sameChartGivesSameBytes() {
    assertEquals(Samples.courseGap().svg(), Samples.courseGap().svg());
    assertEquals(Samples.courseGap().html(), Samples.courseGap().html());
  }
}
