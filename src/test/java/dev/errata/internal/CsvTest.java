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
    assertEquals("Line 2 of s.csv: a quoted cell is never closed (missing \")", e.getMessage());
  }

  @Test
  void writesWhatItReads() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "test-files"));
    Path file = dir.resolve("csv-" + System.nanoTime() + ".csv");
    Csv csv =
        new Csv("x", ',', List.of("id", "text"), List.of(List.of("1", "a, \"b\"\nc"), List.of("2", " lead")));
    csv.write(file, false);
    Csv back = Csv.read(file);
    assertEquals(csv.header(), back.header());
    assertEquals(csv.rows(), back.rows());
  }

  @Test
  void formulaCellsGetAQuoteAndNumbersStayNumbers() {
    assertEquals("'=1+1", Csv.spreadsheetField("=1+1", ','));
    assertEquals("'+cmd", Csv.spreadsheetField("+cmd", ','));
    assertEquals("'-2+3", Csv.spreadsheetField("-2+3", ','));
    assertEquals("'@SUM(A1)", Csv.spreadsheetField("@SUM(A1)", ','));
    assertEquals("'\tx", Csv.spreadsheetField("\tx", ','));
    assertEquals("\"'\rx\"", Csv.spreadsheetField("\rx", ','));
    assertEquals("\"'=A1,B1\"", Csv.spreadsheetField("=A1,B1", ','));
    assertEquals("''=x", Csv.spreadsheetField("'=x", ','));
    assertEquals("-0.5", Csv.spreadsheetField("-0.5", ','));
    assertEquals("+3", Csv.spreadsheetField("+3", ','));
    assertEquals("-1e-3", Csv.spreadsheetField("-1e-3", ','));
    assertEquals("'abc", Csv.spreadsheetField("'abc", ','));
    assertEquals("a=b", Csv.spreadsheetField("a=b", ','));
    assertEquals("", Csv.spreadsheetField("", ','));
  }

  @Test
  void everyCellReadsBackExactlyAsWritten() throws Exception {
    Path file = Files.createDirectories(Path.of("target", "test-files")).resolve("rt-" + System.nanoTime() + ".csv");
    List<String> cells = List.of("=1+1", "'=x", "''@y", "'abc", "-0.5", "-", "+", "\tx", "\rx", "@", "a'b");
    new Csv("x", ';', List.of("=head", "b"), cells.stream().map(c -> List.of(c, c)).toList()).write(file, false);
    Csv back = Csv.read(file);
    assertEquals(List.of("=head", "b"), back.header());
    assertEquals(cells, back.rows().stream().map(r -> r.get(0)).toList());
  }

  @Test
  void existingFileIsNotReplacedUnlessAsked() throws Exception {
    Path file = Files.createDirectories(Path.of("target", "test-files")).resolve("keep-" + System.nanoTime() + ".csv");
    Files.writeString(file, "precious\n");
    Csv csv = new Csv("x", ',', List.of("a"), List.of(List.of("1")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csv.write(file, false));
    assertEquals("Not writing " + file.toAbsolutePath() + ": the file already exists; choose another name"
        + " or allow replacing it (library: overwrite = true; magic: --force)", e.getMessage());
    assertEquals("precious\n", Files.readString(file));
    csv.write(file, true);
    assertEquals("a\r\n1\r\n", Files.readString(file));
  }

  @Test
  void failedWriteNamesTheFileAndTheReason() throws Exception {
    Path blocker = Files.createDirectories(Path.of("target", "test-files")).resolve("blocker-" + System.nanoTime());
    Files.writeString(blocker, "a file, not a folder");
    Path file = blocker.resolve("out.csv");
    Csv csv = new Csv("x", ',', List.of("a"), List.of(List.of("1")));
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> csv.write(file, false));
    assertEquals(
        "Cannot write " + file.toAbsolutePath() + ": " + blocker.toAbsolutePath()
            + " is a file, not a folder",
        e.getMessage());
  }
}
