package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long scan says how far it got, then that it is done; a short one says nothing. */
class ProgressTest {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void aLongScanReportsPercentagesThenDone() throws Exception {
    // A real file scan, as loading does: DuckDB reports progress for file readers.
    java.nio.file.Path csv = dir.resolve("big.csv");
    try (var w = java.nio.file.Files.newBufferedWriter(csv)) {
      w.write("i,y\n");
      for (int i = 0; i < 6_000_000; i++) {
        w.write(i + ",label-" + (i % 7) + "\n");
      }
    }
    List<String> lines = new ArrayList<>();
    try (Connection c = DuckDb.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM (SELECT y, count(DISTINCT i) FROM "
                    + DuckDb.csv(csv, ',', List.of("i", "y"))
                    + " GROUP BY y) WHERE y <> ''");
        Progress p = Progress.watch(s, "big.csv", lines::add, 100);
        ResultSet r = s.executeQuery()) {
      p.done();
      r.next();
      assertEquals(7L, r.getLong(1), "seven labels, label-0 to label-6");
    }
    assertTrue(lines.size() >= 2, lines.toString());
    assertTrue(lines.get(0).matches("reading big\\.csv: \\d+ %"), lines.toString());
    assertEquals("reading big.csv: done", lines.get(lines.size() - 1));
  }

  @Test
  void aShortScanSaysNothing() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = DuckDb.connect();
        PreparedStatement s = c.prepareStatement("SELECT 1");
        Progress p = Progress.watch(s, "small.csv", lines::add);
        ResultSet r = s.executeQuery()) {
      p.done();
      r.next();
    }
    assertEquals(List.of(), lines);
  }
}
