package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a loaded file stands for: the rows as they were when loaded. Counts the engine answered are
 * kept; a file changed afterwards is refused rather than mixed in; the parts of a folder are the
 * ones listed at load.
 */
class LoadedSnapshotTest {

  @TempDir Path dir;

  private static final String CSV = "y,yhat,g\na,a,x\nb,a,x\nb,b,y\na,a,y\n";

  @Test
  void aCubeTheEngineCountedIsKeptAndEqualsAFreshCount() throws Exception {
    Path f = Files.writeString(dir.resolve("p.csv"), CSV);
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").cache(false).load();
    CountCube first = p.counts(List.of("g"));
    assertSame(first, p.counts(List.of("g")), "the second report reads the kept cube");
    // Hand count, labels [a, b]: g = x: (a,a) 1, (b,a) 1; g = y: (b,b) 1, (a,a) 1.
    assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0, 0, 1}, first.counts());
    Predictions again = PredictionsReader.csv(f).actual("y").predicted("yhat").cache(false).load();
    assertEquals(first, again.counts(List.of("g")));
  }

  @Test
  void aFileChangedAfterLoadingIsRefusedNotMixedIn() throws Exception {
    Path f = Files.writeString(dir.resolve("p.csv"), CSV);
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").cache(false).load();
    CountCube kept = p.counts(List.of("g"));
    Files.writeString(f, CSV + "b,b,z\nb,b,z\n");
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
    assertSame(kept, p.counts(List.of("g")), "what was counted from the loaded bytes stays");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> p.counts(List.of("yhat")));
    assertTrue(e.getMessage().startsWith(f + " changed on disk since it was loaded (size 33 → 45 bytes"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Load it again to analyse the new contents."), e.getMessage());
    assertThrows(IllegalStateException.class, () -> p.rows(0));
  }

  @Test
  void theFoldersPartsAreTheOnesListedAtLoad() throws Exception {
    Path parts = Files.createDirectories(dir.resolve("parts"));
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = con.createStatement()) {
      s.execute("COPY (SELECT 'a' AS y, 'a' AS yhat) TO '" + parts.resolve("1.parquet") + "' (FORMAT parquet)");
      s.execute("COPY (SELECT 'b' AS y, 'a' AS yhat) TO '" + parts.resolve("2.parquet") + "' (FORMAT parquet)");
      Predictions p = PredictionsReader.file(parts.toString()).actual("y").predicted("yhat").load();
      assertEquals(2, p.size());
      s.execute("COPY (SELECT 'b' AS y, 'b' AS yhat) TO '" + parts.resolve("3.parquet") + "' (FORMAT parquet)");
      // Labels [a, b]: (a,a) 1, (b,a) 1 — the third part, written after loading, is not read.
      assertArrayEquals(new double[] {1, 0, 1, 0}, p.counts(List.of("y"), false).total());
      assertEquals(2, p.rows(0, 1).rowCount());
    }
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.file(dir.resolve("none/*.parquet").toString()).actual("y").predicted("yhat").load());
    assertTrue(none.getMessage().startsWith("No Parquet file matches "), none.getMessage());
  }
}
