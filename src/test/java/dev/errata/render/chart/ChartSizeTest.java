package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chart adds at most 40 KB to a notebook; ordinary charts keep every part at full size. */
class ChartSizeTest {

  @Test
  void everyChartFitsTheBudgetAsStoredInANotebook() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      ChartOutput out = e.getValue().output();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("text/html", out.html());
      data.put("image/png", out.pngBase64());
      data.put("text/plain", out.text());
      int stored = json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length;
      assertTrue(stored <= ChartOutput.BUDGET, e.getKey() + " takes " + stored + " bytes");
      assertTrue(Math.abs(stored - out.size()) <= 16, e.getKey() + ": size() " + out.size() + " vs " + stored);
      assertTrue(out.hasPng(), e.getKey());
    }
  }

  @Test
  void ordinaryChartsKeepTheInteractiveViewAndAFullSizePng() {
    for (Map.Entry<String, Chart> e : Samples.all().entrySet()) {
      if (e.getKey().startsWith("confusion-42")) {
        continue;
      }
      ChartOutput out = e.getValue().output();
      assertTrue(out.interactive(), e.getKey());
      assertEquals(1.0, out.pngScale(), e.getKey());
    }
  }

  @Test
  void aLargeChartGivesUpPngResolutionFirst() {
    ChartOutput out = Samples.all().get("confusion-42").output();
    assertTrue(out.interactive());
    assertTrue(out.pngScale() < 1, "scale " + out.pngScale());
  }
}
