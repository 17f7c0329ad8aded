package dev.errata.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.examples.SpeechData;
import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import dev.errata.metrics.Proportion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AugmentationCheckTest {

  @TempDir Path dir;

  // Originals: o1 right, o2 wrong, o3 right, o4 right (run error 1/4).
  static Predictions originals() {
    Table t =
        Table.create(
            "originals",
            StringColumn.create("id", "o1", "o2", "o3", "o4"),
            StringColumn.create("y", "a", "b", "a", "b"),
            StringColumn.create("yhat", "a", "a", "a", "b"));
    return PredictionsReader.fromTable(t).actual("y").predicted("yhat").id("id").load();
  }

  // a1, a2 from o1 (both wrong), a3 from o2 (wrong), a4 from o3 (right), a5 from unknown o9.
  static Predictions augmented() {
    Table t =
        Table.create(
            "augmented",
            StringColumn.create("id", "a1", "a2", "a3", "a4", "a5"),
            StringColumn.create("origin", "o1", "o1", "o2", "o3", "o9"),
            StringColumn.create("y", "a", "a", "b", "a", "a"),
            StringColumn.create("yhat", "b", "b", "a", "a", "a"));
    return PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
  }

  @Test
  void comparesAugmentedErrorsWithTheirDistinctOriginals() {
    AugmentationCheck c = AugmentationCheck.of(originals(), augmented(), "origin");
    assertEquals(4, c.matched());
    assertEquals(1, c.unmatched());
    assertEquals(List.of("o9"), c.firstUnmatched());
    assertEquals(new Proportion(3, 4), c.augmentedErrors());
    assertEquals(new Proportion(1, 3), c.originalErrors());
    assertEquals(new Proportion(1, 4), c.runErrors());
    // Pairs (original, augmented): a1, a2 right→wrong; a3 wrong→wrong; a4 right→right.
    assertEquals(new SliceDelta.Outcomes(1, 2, 0, 1), c.paired());
    assertEquals(0.5, c.mcnemar().p(), 1e-15);
  }

  @Test
  void suggestsUnsureWhenTheHigherErrorRateIsNotSignificant() {
    // 3/4 vs 1/4 errors: Fisher (tea-tasting table) p = 0.486.
    AugmentationCheck c = AugmentationCheck.of(originals(), augmented(), "origin");
    assertEquals(Checklist.Answer.UNSURE, c.checklist().modelPoor());
    assertFalse(c.checklist().passes());
  }

  @Test
  void recordsThePersonsAnswersWithTheSet() {
    AugmentationCheck c =
        AugmentationCheck.of(originals(), augmented(), "origin")
            .withChecklist(
                new Checklist(
                    Checklist.Answer.YES,
                    Checklist.Answer.YES,
                    Checklist.Answer.YES,
                    "cafe noise at 10 dB SNR; all clips intelligible"));
    assertTrue(c.checklist().passes());
    Table t = c.checklistTable();
    assertEquals(List.of("yes", "yes", "yes"), t.stringColumn("answer").asList());
    assertEquals(
        "cafe noise at 10 dB SNR; all clips intelligible",
        t.stringColumn("evidence / notes").get(0));
  }

  @Test
  void onTheSpeechDataTheCafeNoiseSetIsHarderForTheModel() {
    List<Path> files = SpeechData.write(dir, 7);
    Predictions v2 =
        PredictionsReader.csv(files.get(0))
            .actual("utterance")
            .predicted("transcript_v2")
            .id("id")
            .load();
    Predictions aug =
        PredictionsReader.csv(files.get(2)).actual("utterance").predicted("transcript_v2").load();
    AugmentationCheck c =
        AugmentationCheck.of(v2, aug, "origin_id")
            .answer(Checklist.Answer.YES, Checklist.Answer.YES, "listened to 20 clips");
    assertEquals(new Proportion(42, 300), c.augmentedErrors());
    assertEquals(300, c.originalErrors().trials());
    // v2 is right on 9,122 of 10,000 examples.
    assertEquals(new Proportion(878, 10_000), c.runErrors());
    assertEquals(Checklist.Answer.YES, c.checklist().modelPoor());
    assertTrue(c.checklist().passes());
  }

  @Test
  void originalsWithoutIdsAreRefused() {
    Predictions noIds = Predictions.of(List.of("a"), List.of("a"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AugmentationCheck.of(noIds, augmented(), "origin"));
    assertEquals(
        "The originals predictions need an id column for origin to refer to; read them with"
            + " .id(\"column\")",
        e.getMessage());
  }
}
