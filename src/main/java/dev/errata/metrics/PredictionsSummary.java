package dev.errata.metrics;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Summarises a predictions set: rows, per-class actual and predicted counts, and the accuracy of
 * always predicting the majority class (the course's {@code print("0")} baseline).
 *
 * @param source where the predictions came from
 * @param rows number of examples
 * @param labels the classes
 * @param actualCounts examples (or weight) per actual class, indexed by class code
 * @param predictedCounts examples (or weight) per predicted class, indexed by class code
 * @param warnings what loading reported (dropped rows, predicted-only labels)
 */
public record PredictionsSummary(
    String source,
    int rows,
    Labels labels,
    List<Double> actualCounts,
    List<Double> predictedCounts,
    List<String> warnings) implements Presentable {

  public PredictionsSummary {
    actualCounts = List.copyOf(actualCounts);
    predictedCounts = List.copyOf(predictedCounts);
    warnings = List.copyOf(warnings);
  }

  /** Summarises {@code p}. */
  public static PredictionsSummary of(Predictions p) {
    ConfusionMatrix cm = ConfusionMatrix.of(p);
    Double[] a = new Double[cm.classes()];
    Double[] q = new Double[cm.classes()];
    for (int c = 0; c < cm.classes(); c++) {
      a[c] = cm.actualTotal(c);
      q[c] = cm.predictedTotal(c);
    }
    return new PredictionsSummary(
        p.source(), p.size(), p.labels(), List.of(a), List.of(q), p.warnings());
  }

  /** Returns the code of the most frequent actual class (the lowest code on a tie). */
  public int majorityClass() {
    int best = 0;
    for (int c = 1; c < actualCounts.size(); c++) {
      if (actualCounts.get(c) > actualCounts.get(best)) {
        best = c;
      }
    }
    return best;
  }

  /** Returns the accuracy of predicting the majority class for every example. */
  public double majorityAccuracy() {
    double total = actualCounts.stream().mapToDouble(Double::doubleValue).sum();
    return total == 0 ? Double.NaN : actualCounts.get(majorityClass()) / total;
  }

  /** Returns one row per class: actual count, share of data, predicted count. */
  public Table toTable() {
    double total = actualCounts.stream().mapToDouble(Double::doubleValue).sum();
    StringColumn cls = StringColumn.create("class");
    DoubleColumn actual = DoubleColumn.create("actual");
    DoubleColumn share = DoubleColumn.create("share of data");
    DoubleColumn predicted = DoubleColumn.create("predicted");
    for (int c = 0; c < labels.size(); c++) {
      cls.append(labels.name(c));
      actual.append(actualCounts.get(c));
      share.append(total == 0 ? Double.NaN : actualCounts.get(c) / total);
      predicted.append(predictedCounts.get(c));
    }
    return Table.create(
        String.format(
            java.util.Locale.ROOT,
            "%s: %,d rows, %d classes; majority class \"%s\" baseline accuracy %.1f %%",
            source,
            rows,
            labels.size(),
            labels.name(majorityClass()),
            majorityAccuracy() * 100),
        cls,
        actual,
        share,
        predicted);
  }

  /** Shows the classes with their counts and shares, then the warnings of loading. */
  @Override
  public Presentation present() {
    return Presentation.of(
            Section.of(toTable())
                .with(ColumnKind.LABEL, "class")
                .with(ColumnKind.COUNT, "actual", "predicted")
                .with(ColumnKind.PROPORTION, "share of data"))
        .warnings(warnings());
  }
}
