package dev.errata.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.examples.SpeechData;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.Metric;
import java.nio.file.Path;
import dev.errata.tags.Tags;
import java.util.List;
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

  @Test
  void perTagDeltasAgreeWithTheSameRowsComparedAsASlice() {
    Path dev = SpeechData.write(dir, 7).get(0);
    Predictions v1 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript").id("id").load();
    Predictions v2 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript_v2").id("id").load();
    Tags tags =
        Tags.fromColumns(v1, "car_noise", "people_noise", "low_bandwidth")
            .with("car_noise | people_noise");
    ModelComparison byTag = Compare.runs(v1, v2).byTags(tags).report();
    ModelComparison byCategory = Compare.runs(v1, v2).by("category").report();
    assertEquals(
        List.of("car_noise", "people_noise", "low_bandwidth", "car_noise | people_noise"),
        byTag.slices().stream().map(d -> d.values().get(0)).toList());
    for (String tag : List.of("car_noise", "people_noise", "low_bandwidth")) {
      SliceDelta t = find(byTag, tag);
      SliceDelta s = find(byCategory, tag);
      assertEquals(s.n(), t.n(), tag);
      assertEquals(s.before().correct(), t.before().correct(), tag);
      assertEquals(s.after().correct(), t.after().correct(), tag);
      assertEquals(s.outcomes().regressed(), t.outcomes().regressed(), tag);
      assertEquals(s.outcomes().fixed(), t.outcomes().fixed(), tag);
      assertEquals(s.outcomes().mcnemar().p(), t.outcomes().mcnemar().p(), 1e-15, tag);
    }
    // The expression covers both noise categories: 3,400 clips, 356 + 2,700 right after.
    SliceDelta noisy = find(byTag, "car_noise | people_noise");
    assertEquals(3400, noisy.n());
    assertEquals(356 + 2700, noisy.after().correct(), 1e-9);
    assertEquals("improvement", find(byTag, "people_noise").change(0.05));
  }

  @Test
  void tagsOfAnotherRunAreRejected() {
    Path dev = SpeechData.write(dir, 7).get(0);
    Predictions v1 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript").id("id").load();
    Predictions v2 =
        PredictionsReader.csv(dev).actual("utterance").predicted("transcript_v2").id("id").load();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Compare.runs(v1, v2).byTags(Tags.fromColumns(v2, "car_noise")).report());
    assertEquals(
        "Tags for a comparison must be made from the \"before\" run, "
            + dev
            + " (transcript); these are tags of "
            + dev
            + " (transcript_v2)",
        e.getMessage());
  }

  private static SliceDelta find(ModelComparison c, String category) {
    return c.slices().stream()
        .filter(d -> d.values().get(0).equals(category))
        .findFirst()
        .orElseThrow();
  }
}
