package dev.errata.slices;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small predictions sets built in code, checkable by hand. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Ten rows: us/f 3 of 4 right, us/m 1 of 2, uk/f 3 of 3, uk/m 0 of 1; by accent uk 3/4, us 4/6.
   */
  public static Table tenRows() {
    String[][] rows = {
      {"us", "f", "a", "a"},
      {"us", "f", "a", "a"},
      {"us", "f", "b", "b"},
      {"us", "f", "a", "b"},
      {"us", "m", "a", "a"},
      {"us", "m", "b", "a"},
      {"uk", "f", "b", "b"},
      {"uk", "f", "b", "b"},
      {"uk", "f", "a", "a"},
      {"uk", "m", "a", "b"},
    };
    StringColumn accent = StringColumn.create("accent");
    StringColumn gender = StringColumn.create("gender");
    StringColumn y = StringColumn.create("y");
    StringColumn yhat = StringColumn.create("yhat");
    StringColumn id = StringColumn.create("id");
    for (int i = 0; i < rows.length; i++) {
      accent.append(rows[i][0]);
      gender.append(rows[i][1]);
      y.append(rows[i][2]);
      yhat.append(rows[i][3]);
      id.append("r" + (i + 1));
    }
    return Table.create("ten", id, accent, gender, y, yhat);
  }

  public static Predictions ten() {
    return PredictionsReader.fromTable(tenRows()).actual("y").predicted("yhat").id("id").load();
  }

  static Predictions tenPositiveB() {
    return PredictionsReader.fromTable(tenRows())
        .actual("y")
        .predicted("yhat")
        .id("id")
        .positive("b")
        .load();
  }
}
