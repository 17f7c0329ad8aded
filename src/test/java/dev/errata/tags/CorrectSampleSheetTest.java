package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.errata.internal.Csv;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The full tagging loop: errors and correct examples in one sheet give a tag's error rate. */
class CorrectSampleSheetTest {

  /** 100 examples, ids 1..100: rows 1-10 misclassified, 11-100 correct. */
  private static Predictions hundred() {
    List<String> ids = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      ids.add(String.valueOf(i));
      actual.add(i % 2 == 0 ? "a" : "b");
      predicted.add(i <= 10 ? (i % 2 == 0 ? "b" : "a") : (i % 2 == 0 ? "a" : "b"));
    }
    Table t =
        Table.create(
            "hundred",
            StringColumn.create("id", ids),
            StringColumn.create("actual", actual),
            StringColumn.create("predicted", predicted));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  @Test
  void correctExamplesAtTheErrorRateGiveTheTagsErrorRateFromTheSheet() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "test-files"));
    Path file = dir.resolve("with-correct.csv");
    Files.deleteIfExists(file);
    Predictions p = hundred();
    ErrorSheet sheet =
        ErrorSheetWriter.of(p).sample(5).seed(3).correctAtErrorRate().tags("noisy").write(file);
    assertEquals(
        file
            + ": added 5 of 10 misclassified examples and 45 of 90 correctly classified (column"
            + " #outcome) (seed 3, random), kept 0 rows",
        sheet.summary());
    Csv csv = Csv.read(file);
    assertEquals(List.of("id", "actual", "predicted", "noisy", "#outcome"), csv.header());
    int errors = 0;
    List<List<String>> filled = new ArrayList<>();
    for (List<String> row : csv.rows()) {
      int id = Integer.parseInt(row.get(0));
      boolean error = id <= 10;
      assertEquals(error ? "error" : "correct", row.get(4), "row " + id);
      errors += error ? 1 : 0;
      // Tag every third example "noisy", as a person filling the sheet might.
      filled.add(List.of(row.get(0), row.get(1), row.get(2), id % 3 == 0 ? "x" : "", row.get(4)));
    }
    assertEquals(5, errors);
    new Csv(file.toString(), ',', csv.header(), filled).write(file, true);
    TagReport report = TagReport.of(Tags.fromSheet(p, file));
    assertEquals(
        List.of(
            "Tags [noisy] are known for 50 of 100 examples (5 of 10 errors, 45 of 90 correct):"
                + " every share is among those, an unbiased estimate when errors and correct"
                + " examples were sampled at the same rate (%errors --correct same)"),
        report.notes());
    TagRow noisy = report.row("noisy");
    assertFalse(noisy.knownOnlyOnErrors());
    long noisyRows = filled.stream().filter(r -> r.get(3).equals("x")).count();
    long noisyErrors =
        filled.stream().filter(r -> r.get(3).equals("x") && r.get(4).equals("error")).count();
    assertEquals((double) noisyErrors / noisyRows, noisy.errorRate().value(), 1e-15);
    assertEquals(50, noisy.known());
  }
}
