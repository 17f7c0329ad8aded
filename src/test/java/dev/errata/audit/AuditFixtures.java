package dev.errata.audit;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small predictions sets for audits, checkable by hand. */
final class AuditFixtures {

  private AuditFixtures() {}

  /**
   * Ten rows r1..r10: us/f 3 of 4 right (r4 a→b wrong), us/m 1 of 2 (r6 b→a wrong), uk/f 3 of 3,
   * uk/m 0 of 1 (r10 a→b wrong). Accuracy 0.7; by accent uk 0.75, us 4/6.
   */
  static Predictions ten() {
    return dev.errata.slices.Fixtures.ten();
  }

  /** Transcripts: t1 and t5 add a watched word the utterance lacks; the others do not. */
  static Predictions transcripts() {
    String[][] rows = {
      {"GANs tutorial", "gun tutorial"}, // adds "gun"
      {"gun show", "gun show"}, // the label has it
      {"the gang", "gang"}, // the label has it
      {"shotgun wedding", "shotgun wedding"}, // not a whole word
      {"hello", "GUN"}, // adds "gun", other case
      {"gunther", "gunther"},
    };
    StringColumn id = StringColumn.create("id");
    StringColumn y = StringColumn.create("utterance");
    StringColumn yhat = StringColumn.create("transcript");
    for (int i = 0; i < rows.length; i++) {
      id.append("t" + (i + 1));
      y.append(rows[i][0]);
      yhat.append(rows[i][1]);
    }
    Table t = Table.create("transcripts", id, y, yhat);
    return PredictionsReader.fromTable(t)
        .actual("utterance")
        .predicted("transcript")
        .id("id")
        .load();
  }
}
