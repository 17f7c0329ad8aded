package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static Path file(String name, String content) throws Exception {
    return Files.writeString(TestFolders.fresh("data").resolve(name), content);
  }

  @Test
  void hashCoversTheWholeFile() throws Exception {
    StringBuilder big = new StringBuilder("id,label\n");
    for (int i = 0; i < 50_000; i++) {
      big.append(i).append(",cat\n"); // several read blocks
    }
    Path f = file("big.csv", big.toString());
    Dataset d = Dataset.of("big", f);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    assertEquals(expected, d.sha256());
    assertEquals(Files.size(f), d.sizeBytes());
    assertEquals(50_000, d.rows().getAsLong());
    assertEquals(2, d.columns().getAsInt());
  }

  @Test
  void quotedLineBreaksAndCommasStayInOneRecord() throws Exception {
    Path f = file("q.csv", "text,label,\"odd, header\"\r\n\"line one\nline two\",cat,1\r\n\"say \"\"hi\"\", ok\",dog,2");
    Dataset d = Dataset.of("q", f);
    assertEquals(2, d.rows().getAsLong());
    assertEquals(3, d.columns().getAsInt());
  }

  @Test
  void tsvCountsTabsAndSkipsBlankLines() throws Exception {
    Dataset d = Dataset.of("t", file("t.tsv", "a\tb\tc\td\n1\t2\t3\t4\n\n5\t6\t7\t8\n"));
    assertEquals(2, d.rows().getAsLong());
    assertEquals(4, d.columns().getAsInt());
  }

  @Test
  void otherFilesAreHashedWithoutRowsOrColumns() throws Exception {
    Dataset d = Dataset.of("p", file("x.parquet", "PAR1..."));
    assertEquals(OptionalLong.empty(), d.rows());
    assertEquals(OptionalInt.empty(), d.columns());
  }

  @Test
  void missingFileIsAnErrorNamingIt() {
    Path missing = TestFolders.fresh("data").resolve("nope.csv");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.of("n", missing));
    assertEquals("Data set " + missing + " is not a readable file", e.getMessage());
  }
}
