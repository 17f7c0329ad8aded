package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ColumnCodesTest {

  private static Predictions with(tech.tablesaw.columns.Column<?> extra) {
    int n = extra.size();
    String[] y = new String[n];
    java.util.Arrays.fill(y, "a");
    Table t = Table.create("t", StringColumn.create("y", y), StringColumn.create("yhat", y), extra);
    return PredictionsReader.fromTable(t).actual("y").predicted("yhat").load();
  }

  @Test
  void stringValuesAreSortedAndMissingComesLast() {
    ColumnCodes c = with(StringColumn.create("accent", "us", "", "uk", "us")).codes("accent");
    assertEquals(List.of("uk", "us", ColumnCodes.MISSING), c.values());
    assertEquals(List.of(1, 2, 0, 1), List.of(c.code(0), c.code(1), c.code(2), c.code(3)));
  }

  @Test
  void numericValuesSortAsNumbers() {
    ColumnCodes c = with(IntColumn.create("factory", 10, 2, 1, 2)).codes("factory");
    assertEquals(List.of("1", "2", "10"), c.values());
    assertEquals(2, c.code(0));
  }

  @Test
  void unknownColumnListsTheColumns() {
    Predictions p = with(StringColumn.create("accent", "us"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.codes("acent"));
    assertEquals("No column \"acent\" in t; columns are [y, yhat, accent]", e.getMessage());
  }
}
