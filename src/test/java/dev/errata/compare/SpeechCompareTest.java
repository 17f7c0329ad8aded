package dev.errata.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.examples.SpeechData;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.slices.Metric;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCompareTest {

  @TempDir Path dir;

  @Test
  void peopleNoiseImprovesSignificantlyWhileLowBandwidthDropsWithinNoise() {
    Path dev = SpeechData.write(dir, 7).get(0);
    Predictions v1 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript").id("id").load();
    Predictions v2 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript_v2").id("id").load();
    ModelComparison c = Compare.runs(v1, v2).by("category").report();
    SliceDelta people = find(c, "people_noise");
    assertEquals(0.87, people.before().correct() / people.n(), 1e-12);
    assertEquals(0.90, people.after().correct() / people.n(), 1e-12);
    assertEquals(0.03, people.delta(Metric.accuracy()), 1e-12);
    // Net +90 = fixed - regressed, whatever the split.
    assertEquals(90, people.outcomes().fixed() - people.outcomes().regressed());
    assertEquals("improvement", people.change(0.05));
    SliceDelta low = find(c, "low_bandwidth");
    assertEquals(-0.01, low.delta(Metric.accuracy()), 1e-12);
    assertEquals("drop (not significant)", low.change(0.05));
    assertTrue(c.join().clean());
  }

  private static SliceDelta find(ModelComparison c, String category) {
    return c.slices().stream()
        .filter(d -> d.values().get(0).equals(category))
        .findFirst()
        .orElseThrow();
  }
}
