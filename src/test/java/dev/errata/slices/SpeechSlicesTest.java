package dev.errata.slices;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.examples.SpeechData;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SpeechSlicesTest {

  @TempDir Path dir;

  private Predictions speech(String predicted) {
    Path dev = SpeechData.write(dir, 7).get(0);
    return PredictionsReader.csv(dev).actual("utterance").predicted(predicted).id("id").load();
  }

  @Test
  void reproducesTheCoursesAccuracyPerCategory() {
    SliceReport r = Slices.of(speech("transcript")).by("category").report();
    assertEquals(0.94, r.slice("clean_speech").orElseThrow().value(Metric.accuracy()), 1e-12);
    assertEquals(0.89, r.slice("car_noise").orElseThrow().value(Metric.accuracy()), 1e-12);
    assertEquals(0.87, r.slice("people_noise").orElseThrow().value(Metric.accuracy()), 1e-12);
    assertEquals(0.70, r.slice("low_bandwidth").orElseThrow().value(Metric.accuracy()), 1e-12);
    assertEquals(6000, r.slice("clean_speech").orElseThrow().support());
  }

  @Test
  void threeColumnIntersectionsMatchCountingByStringKeys() {
    Predictions p = speech("transcript");
    SliceReport r = Slices.of(p).by("accent", "gender", "device").report();
    Table t = p.table();
    java.util.Map<java.util.List<String>, long[]> naive = new java.util.HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      java.util.List<String> key =
          java.util.List.of(
              t.stringColumn("accent").get(i),
              t.stringColumn("gender").get(i),
              t.stringColumn("device").get(i));
      long[] c = naive.computeIfAbsent(key, k -> new long[2]);
      c[0]++;
      c[1] +=
          t.stringColumn("utterance").get(i).equals(t.stringColumn("transcript").get(i)) ? 1 : 0;
    }
    assertEquals(naive.size(), r.slices().size());
    for (Slice s : r.slices()) {
      long[] c = naive.get(s.values());
      assertEquals(c[0], s.support(), s.describe());
      assertEquals(c[1], s.counts().correct(), s.describe());
    }
  }

  @Test
  void findsTheScottishAccentWorstAndSignificantlyWorse() {
    SliceReport r = Slices.of(speech("transcript")).by("accent").report();
    Disparity accuracy = r.disparities().get(0);
    assertEquals("accent = scottish", accuracy.worst());
    SliceSignificance scottish =
        r.significance().stream()
            .filter(s -> s.slice().values().get(0).equals("scottish"))
            .findFirst()
            .orElseThrow();
    assertTrue(scottish.adjustedP() < 1e-6, "adjusted p " + scottish.adjustedP());
    assertEquals("worse", SliceTables.verdict(r.tested(), scottish));
  }
}
