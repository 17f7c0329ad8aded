package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsReaderTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void encodesLabelsInSortedOrderAndKeepsRowOrder() throws IOException {
    Path f = write("p.csv", "y,yhat\ncat,dog\ndog,dog\nbird,cat\n");
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").load();
    assertEquals(List.of("bird", "cat", "dog"), p.labels().names());
    assertEquals(3, p.size());
    assertEquals(1, p.actual(0));
    assertEquals(2, p.predicted(0));
    assertEquals(0, p.actual(2));
    assertEquals(1, p.predicted(2));
  }

  @Test
  void numericLabelsSortNumericallyLikeScikitLearn() throws IOException {
    Path f = write("p.csv", "y,yhat\n10,2\n2,10\n1,1\n");
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").load();
    assertEquals(List.of("1", "2", "10"), p.labels().names());
  }

  @Test
  void missingFileNamesTheFile() {
    Path f = dir.resolve("nope.csv");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").load());
    assertEquals("No such file: " + f + " (looked in " + dir.toAbsolutePath() + ")", e.getMessage());
  }

  @Test
  void missingLabelColumnErrorListsAvailableColumns() throws IOException {
    Path f = write("predictions.csv", "id,label,prediction,score\n1,a,a,0.5\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("labels").predicted("prediction").load());
    assertEquals(
        "No column \"labels\" (actual label) in "
            + f
            + "; columns are [id, label, prediction, score]",
        e.getMessage());
  }

  @Test
  void emptyFileSaysWhatWasExpected() throws IOException {
    Path f = write("empty.csv", "");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").load());
    assertEquals(
        f + " is empty; expected a header row naming the columns, then one row per example",
        e.getMessage());
  }

  @Test
  void headerOnlyFileSaysThereAreNoRows() throws IOException {
    Path f = write("header.csv", "y,yhat\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").load());
    assertEquals(f + " has a header but no rows; expected one row per example", e.getMessage());
  }

  @Test
  void missingLabelsAreCountedWithTheirRows() throws IOException {
    Path f = write("gaps.csv", "y,yhat\na,a\n,a\nb,b\nb,\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").load());
    assertEquals(
        "2 row(s) of "
            + f
            + " have no actual (\"y\") or predicted (\"yhat\") label; first rows [2, 4]. Fill"
            + " them in, or drop them with dropMissing(true) (magic: --drop-missing)",
        e.getMessage());
  }

  @Test
  void dropMissingDropsTheRowsWithAVisibleWarning() throws IOException {
    Path f = write("gaps.csv", "y,yhat\na,a\n,a\nb,b\n");
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").dropMissing(true).load();
    assertEquals(2, p.size());
    assertEquals(
        List.of(
            "Dropped 1 row(s) of "
                + f
                + " have no actual (\"y\") or predicted (\"yhat\") label; first rows [2]"),
        p.warnings());
  }

  @Test
  void nonNumericScoreNamesRowAndColumn() throws IOException {
    Path f = write("s.csv", "y,yhat,score\n1,1,0.9\n0,0,0.9x\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").score("score").load());
    assertEquals(
        "Row 2 of " + f + ", column \"score\": \"0.9x\" is not a number; expected a number in"
            + " [0, 1]",
        e.getMessage());
  }

  @Test
  void scoreOutsideUnitIntervalIsRejected() throws IOException {
    Path f = write("s.csv", "y,yhat,score\n1,1,0.9\n0,0,1.5\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").score("score").load());
    assertEquals("Row 2 of " + f + ", column \"score\": score 1.5 is outside [0, 1]", e.getMessage());
  }

  @Test
  void duplicateIdsAreRejectedWithBothRows() throws IOException {
    Path f = write("d.csv", "id,y,yhat\nx1,a,a\nx2,a,b\nx1,b,b\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").id("id").load());
    assertEquals(
        "Row 3 of " + f + ", column \"id\": duplicate id \"x1\" (first seen at row 1); ids must be"
            + " unique",
        e.getMessage());
  }

  @Test
  void labelPredictedButNeverActualIsAllowedAndReported() throws IOException {
    Path f = write("p.csv", "y,yhat\na,a\na,z\n");
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").load();
    assertEquals(List.of("a", "z"), p.labels().names());
    assertEquals(List.of("z"), p.predictedOnlyLabels());
    assertEquals(List.of("Predicted but never actual: [z]"), p.warnings());
  }

  @Test
  void unknownPositiveLabelListsTheClasses() throws IOException {
    Path f = write("p.csv", "y,yhat\na,a\nb,b\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PredictionsReader.csv(f).actual("y").predicted("yhat").positive("c").load());
    assertEquals("Unknown positive label \"c\"; classes are [a, b]", e.getMessage());
  }

  @Test
  void tsvFilesUseTabs() throws IOException {
    Path f = write("p.tsv", "y\tyhat\na,b\tb\n");
    Predictions p = PredictionsReader.csv(f).actual("y").predicted("yhat").load();
    assertEquals(List.of("a,b", "b"), p.labels().names());
  }
}
