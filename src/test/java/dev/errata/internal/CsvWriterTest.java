package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvWriterTest {

  @TempDir Path dir;

  @Test
  void rowsAreWrittenAsGivenWithQuotingOnly() throws Exception {
    Path file = dir.resolve("sub/data.csv");
    try (CsvWriter out = CsvWriter.open(file, List.of("id", "text"))) {
      out.row(1, "=not a formula here");
      out.row(2, "a, \"quoted\" b");
    }
    assertEquals(
        "id,text\n1,=not a formula here\n2,\"a, \"\"quoted\"\" b\"\n", Files.readString(file));
  }

  @Test
  void aTableForASpreadsheetIsFormulaSafeAndKeepsNumbersExact() throws Exception {
    Table t =
        Table.create(
            "t",
            StringColumn.create("name", "=SUM(A1)", "-3 dB", "ok"),
            DoubleColumn.create("value", -3, 0.1, Double.NaN));
    Path file = CsvWriter.writeTable(t, dir.resolve("t.csv"), false);
    assertEquals(
        "name,value\r\n'=SUM(A1),-3\r\n'-3 dB,0.1\r\nok,\r\n", Files.readString(file));
    // What was written reads back cell for cell.
    assertEquals(List.of("=SUM(A1)", "-3"), Csv.read(file).rows().get(0));
  }

  @Test
  void aTableIsNotWrittenOverAnExistingFileUnlessAsked() throws Exception {
    Table t = Table.create("t", StringColumn.create("a", "x"));
    Path file = CsvWriter.writeTable(t, dir.resolve("t.csv"), false);
    assertThrows(IllegalArgumentException.class, () -> CsvWriter.writeTable(t, file, false));
    CsvWriter.writeTable(t.addColumns(StringColumn.create("b", "y")), file, true);
    assertEquals("a,b\r\nx,y\r\n", Files.readString(file));
  }
}
