package dev.errata.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.errata.Errata;
import dev.errata.load.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large example set: the Parquet file and the part folder hold exactly the CSV's rows. */
class LargeDataTest {

  @TempDir Path dir;

  @Test
  void parquetAndPartsCountLikeAPlainLoopOverTheCsv() throws Exception {
    LargeData.write(dir, 20_000, 7);
    List<String> lines = Files.readAllLines(dir.resolve("predictions.csv"));
    assertEquals("id,label,prediction,region,score", lines.get(0));
    int right = 0;
    TreeMap<String, int[]> byRegion = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      boolean ok = f[1].equals(f[2]);
      right += ok ? 1 : 0;
      int[] r = byRegion.computeIfAbsent(f[3], k -> new int[2]);
      r[0]++;
      r[1] += ok ? 1 : 0;
    }
    assertEquals(20_000, lines.size() - 1);
    for (String source :
        List.of("predictions.parquet", "parts", "parts/*.parquet", "predictions.csv")) {
      Predictions p =
          Errata.read(dir.resolve(source).toString()).actual("label").predicted("prediction").load();
      assertEquals(20_000, p.size(), source);
      assertEquals(right, Errata.confusion(p).correct(), 0.0, source);
      var slices = Errata.slices(p).by("region").report().slices();
      assertEquals(20, slices.size());
      for (var s : slices) {
        int[] expected = byRegion.get(s.values().get(0));
        assertEquals(expected[0], s.counts().total(), 0.0, source + " " + s.values());
        assertEquals(expected[1], s.counts().correct(), 0.0, source + " " + s.values());
      }
    }
  }
}
