package dev.errata.tags;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the course's speech example exactly: 10,000 clips, one tag each, with the accuracies and
 * shares of the prioritization table (clean speech 94 % on 60 %, car noise 89 % on 4 %, people
 * noise 87 % on 30 %, low bandwidth 70 % on 6 %).
 */
final class CourseSpeech {

  /** {tag, examples, errors}: 6,000 × 6 %, 400 × 11 %, 3,000 × 13 %, 600 × 30 %. */
  static final Object[][] GROUPS = {
    {"clean_speech", 6000, 360},
    {"car_noise", 400, 44},
    {"people_noise", 3000, 390},
    {"low_bandwidth", 600, 180},
  };

  private CourseSpeech() {}

  static Predictions predictions() {
    StringColumn id = StringColumn.create("id");
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    StringColumn tags = StringColumn.create("tags");
    int n = 0;
    for (Object[] g : GROUPS) {
      int examples = (Integer) g[1];
      int errors = (Integer) g[2];
      for (int i = 0; i < examples; i++) {
        id.append("clip" + n++);
        actual.append("right");
        predicted.append(i < errors ? "wrong" : "right");
        tags.append((String) g[0]);
      }
    }
    Table t = Table.create("speech", id, actual, predicted, tags);
    return PredictionsReader.fromTable(t).actual("actual").predicted("predicted").id("id").load();
  }

  static Tags tags() {
    return Tags.fromDelimited(predictions(), "tags", ";");
  }
}
