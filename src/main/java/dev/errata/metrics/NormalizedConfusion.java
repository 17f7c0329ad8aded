package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Divides a confusion matrix by its row sums, column sums or total (rows = actual, columns =
 * predicted).
 *
 * <p>A cell whose row (or column) has no examples is NaN, shown as "undefined"; scikit-learn 1.2
 * writes 0 there, which reads as "never predicted" when the truth is "nothing to predict".
 *
 * @param counts the matrix being normalized
 * @param over what each cell is divided by
 */
public record NormalizedConfusion(ConfusionMatrix counts, Normalization over) implements Presentable {

  public NormalizedConfusion {
    java.util.Objects.requireNonNull(counts, "counts");
    java.util.Objects.requireNonNull(over, "over");
  }

  /** Returns the classes; row and column {@code i} are class code {@code i}. */
  public Labels labels() {
    return counts.labels();
  }

  /** Returns the normalized value of cell (actual, predicted), NaN when its divisor is 0. */
  public double value(int actual, int predicted) {
    double divisor =
        switch (over) {
          case TRUE -> counts.actualTotal(actual);
          case PRED -> counts.predictedTotal(predicted);
          case ALL -> counts.total();
        };
    return divisor == 0 ? Double.NaN : counts.count(actual, predicted) / divisor;
  }

  /** Returns one row per actual class, one column per predicted class, as fractions of 1. */
  public Table toTable() {
    int k = counts.classes();
    StringColumn names = StringColumn.create("actual \\ predicted");
    for (int i = 0; i < k; i++) {
      names.append(labels().name(i));
    }
    Table t = Table.create(title(), names);
    for (int j = 0; j < k; j++) {
      double[] col = new double[k];
      for (int i = 0; i < k; i++) {
        col[i] = value(i, j);
      }
      t.addColumns(DoubleColumn.create(ConfusionMatrix.uniqueHeader(t, labels().name(j)), col));
    }
    return t;
  }

  /** Returns the table's caption, saying what the cells are fractions of. */
  public String title() {
    return switch (over) {
      case TRUE -> "Confusion matrix normalized over actual classes (each row sums to 1)";
      case PRED -> "Confusion matrix normalized over predicted classes (each column sums to 1)";
      case ALL -> "Confusion matrix normalized over all examples (the matrix sums to 1)";
    };
  }

  /** Shows each cell as a percentage of its row, column or the total ("undefined" when empty). */
  @Override
  public Presentation present() {
    return Section.of(toTable()).with(ColumnKind.LABEL, "actual \\ predicted")
        .numbersAs(ColumnKind.PROPORTION).present();
  }
}
