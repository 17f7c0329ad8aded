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

  @Test
  void aLongScanReportsPercentagesThenDone() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = DuckDb.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM range(1000000000) t(i) WHERE i % 7 = 3");
        Progress p = Progress.watch(s, "big.csv", lines::add, 100);
        ResultSet r = s.executeQuery()) {
      p.done();
      r.next();
      assertEquals(142_857_143L, r.getLong(1), "i = 3 mod 7 for i < 1e9: 3, 10, …, 999,999,994");
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
