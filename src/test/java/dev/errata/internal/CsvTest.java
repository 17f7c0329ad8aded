package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void readsQuotedCellsWithSeparatorsQuotesAndNewlines() {
    Csv csv = Csv.parse("s.csv", "id,text\r\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n");
    assertEquals(List.of("id", "text"), csv.header());
    assertEquals(List.of(List.of("1", "a, \"b\"\nc"), List.of("2", "plain")), csv.rows());
  }

  @Test
  void dropsByteOrderMarkAndDetectsSemicolons() {
    Csv csv = Csv.parse("s.csv", "\uFEFFid;car_noise\n1;x\n2;\n");
    assertEquals(';', csv.separator());
    assertEquals(List.of("id", "car_noise"), csv.header());
    assertEquals(List.of(List.of("1", "x"), List.of("2", "")), csv.rows());
  }

  @Test
  void padsShortRowsAndSkipsBlankLines() {
    Csv csv = Csv.parse("s.csv", "a,b,c\n1\n\n2,3,4\n");
    assertEquals(List.of(List.of("1", "", ""), List.of("2", "3", "4")), csv.rows());
  }

  @Test
  void rowWithMoreCellsThanTheHeaderIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("s.csv", "a,b\n1,2\n1,2,3\n"));
    assertEquals("Row 2 of s.csv has 3 cells but the header names 2 columns [a, b]", e.getMessage());
  }

  @Test
  void unclosedQuoteIsAnErrorNamingTheLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("s.csv", "a\n\"open\n"));
    assertEquals("s.csv line 2: a quoted cell is never closed (missing \")", e.getMessage());
  }

  @Test
  void writesWhatItReads() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "test-files"));
    Path file = Files.createTempFile(dir, "csv", ".csv");
    Csv csv =
        new Csv("x", ',', List.of("id", "text"), List.of(List.of("1", "a, \"b\"\nc"), List.of("2", " lead")));
    csv.write(file);
    Csv back = Csv.read(file);
    assertEquals(csv.header(), back.header());
    assertEquals(csv.rows(), back.rows());
  }
}
