package dev.errata.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SanityCheckTest {

  private static Predictions of(String[] ids, String[] actual, String[] predicted) {
    Table t =
        Table.create(
            "tiny",
            StringColumn.create("id", ids),
            StringColumn.create("actual", actual),
            StringColumn.create("predicted", predicted));
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  @Test
  void aBlankTranscriptForTheOnlyExampleFails() {
    SanityReport r =
        SanityCheck.of(
            of(new String[] {"1"}, new String[] {"stir fry lettuce"}, new String[] {"<blank>"}),
            0.99);
    assertFalse(r.passed());
    assertEquals(
        List.of("predicts blanks for the only example (actual \"stir fry lettuce\")"),
        r.failures());
    assertEquals(
        "Sanity check (overfit a small set): FAIL, 0 of 1 correct (0.0 %, expected ≥ 99.0 %)",
        r.summary());
  }

  @Test
  void aModelPredictingOneClassForTenExamplesFailsWithTheCollapseNamed() {
    String[] ids = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    String[] actual = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "b"};
    String[] predicted = {"a", "a", "a", "a", "a", "a", "a", "a", "a", "a"};
    SanityReport r = SanityCheck.of(of(ids, actual, predicted), 0.99);
    assertEquals(
        List.of(
            "accuracy 60.0 % on 10 training examples is below the expected 99.0 %: the model"
                + " cannot fit even a tiny set (check the labels, the loss, the input pipeline)",
            "predicts only \"a\" for every example, though 2 classes occur",
            "misclassified: id 7 actual \"b\" predicted \"a\"; id 8 actual \"b\" predicted \"a\";"
                + " id 9 actual \"b\" predicted \"a\"; id 10 actual \"b\" predicted \"a\""),
        r.failures());
  }

  @Test
  void aFittedSmallSetPasses() {
    SanityReport r =
        SanityCheck.of(
            of(new String[] {"1", "2"}, new String[] {"x", "y"}, new String[] {"x", "y"}), 0.99);
    assertTrue(r.passed());
    assertEquals(List.of(), r.failures());
    assertEquals(0, r.toTable().rowCount());
  }
}
