package dev.errata.tags;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Eight hand-checked examples. Errors: e2, e4, e6, e7.
 *
 * <pre>
 * id actual predicted car people low device  human
 * e1 yes    yes       x                phone   yes
 * e2 yes    no        x   x            phone   no
 * e3 no     no            x            laptop  no
 * e4 no     yes           x      x     laptop
 * e5 yes    yes                        phone   yes
 * e6 no     yes       x          x             no
 * e7 yes    no                         laptop  yes
 * e8 no     no        x   x            phone   yes
 * </pre>
 */
final class Small {

  private Small() {}

  static Table table() {
    return Table.create(
        "small.csv",
        StringColumn.create("id", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"),
        StringColumn.create("actual", "yes", "yes", "no", "no", "yes", "no", "yes", "no"),
        StringColumn.create("predicted", "yes", "no", "no", "yes", "yes", "yes", "no", "no"),
        StringColumn.create("car", "x", "X", "", "", "", "x", "", "x"),
        StringColumn.create("people", "", "yes", "Yes", "true", "no", "", "false", "1"),
        StringColumn.create("low", "", "", "", "x", "", "x", "", ""),
        StringColumn.create("device", "phone", "phone", "laptop", "laptop", "phone", "", "laptop", "phone"),
        StringColumn.create("human", "yes", "no", "no", "", "yes", "no", "yes", "yes"));
  }

  static Predictions predictions() {
    return PredictionsReader.fromTable(table()).actual("actual").predicted("predicted").id("id").load();
  }

  static Predictions withoutIds() {
    return PredictionsReader.fromTable(table()).actual("actual").predicted("predicted").load();
  }

  static Tags tags() {
    return Tags.fromColumns(predictions(), "car", "people", "low");
  }
}
