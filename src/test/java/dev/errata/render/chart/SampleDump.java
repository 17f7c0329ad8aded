package dev.errata.render.chart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes every sample chart's SVG, PNG and HTML under target/chart-samples for review. */
class SampleDump {

  @Test
  void dump() throws Exception {
    Path dir = Path.of("target", "chart-samples");
    Files.createDirectories(dir);
    StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><body>");
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      Chart c = e.getValue();
      Files.writeString(dir.resolve(e.getKey() + ".svg"), c.svg(), StandardCharsets.UTF_8);
      Files.write(dir.resolve(e.getKey() + ".png"), c.png());
      String html = c.html();
      page.append(html);
      ChartOutput out = c.output();
      System.out.printf("%-20s svg %6d  png %6d  html %6d  json %6d  output %6d (png x%.2f)  %s%n", e.getKey(),
          c.svg().length(), c.png().length, html.length(), c.plotlyJson().length(), out.size(), out.pngScale(),
          c.text().substring(0, Math.min(60, c.text().length())));
    }
    Files.writeString(dir.resolve("all.html"), page, StandardCharsets.UTF_8);
  }
}
