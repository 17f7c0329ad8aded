package dev.errata.metrics;

import dev.errata.load.Labels;
import dev.errata.load.Predictions;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts examples by (group, actual, predicted) in one pass: one confusion matrix per group, for
 * slices and tags. Rows of each matrix are actual classes, columns predicted classes.
 *
 * @param labels the classes, shared by every group
 * @param groups the name of each group; group code {@code g} is {@code groups.get(g)}
 * @param counts index {@code (g * k + actual) * k + predicted}, possibly weighted
 */
public record GroupedCounts(Labels labels, List<String> groups, double[] counts) {

  public GroupedCounts {
    Objects.requireNonNull(labels, "labels");
    groups = List.copyOf(groups);
    counts = counts.clone();
    int k = labels.size();
    if (counts.length != groups.size() * k * k) {
      throw new IllegalArgumentException(
          "Expected " + groups.size() + "×" + k + "×" + k + " counts, got " + counts.length);
    }
  }

  /**
   * Counts {@code p} per group in one pass.
   *
   * @param groupCodes each row's group code in [0, groups.size()), or -1 to leave the row out
   * @param groups the name of each group code
   */
  public static GroupedCounts of(Predictions p, int[] groupCodes, List<String> groups) {
    for (int i = 0; i < groupCodes.length; i++) {
      if (groupCodes[i] >= groups.size()) {
        throw new IllegalArgumentException(
            "Row "
                + (i + 1)
                + " has group code "
                + groupCodes[i]
                + ", but there are only "
                + groups.size()
                + " groups "
                + groups);
      }
    }
    return new GroupedCounts(p.labels(), groups, Counting.grouped(p, groupCodes, groups.size()));
  }

  @Override
  public double[] counts() {
    return counts.clone();
  }

  /** Returns the confusion matrix of group code {@code g}. */
  public ConfusionMatrix confusion(int g) {
    int cells = labels.size() * labels.size();
    return new ConfusionMatrix(labels, Arrays.copyOfRange(counts, g * cells, (g + 1) * cells));
  }

  /** Returns the confusion matrix of the group named {@code group}. */
  public ConfusionMatrix confusion(String group) {
    int g = groups.indexOf(group);
    if (g < 0) {
      throw new IllegalArgumentException("Unknown group \"" + group + "\"; groups are " + groups);
    }
    return confusion(g);
  }

  /** Returns one row per group: examples, correct, accuracy. */
  public Table toTable() {
    StringColumn name = StringColumn.create("group");
    DoubleColumn examples = DoubleColumn.create("examples");
    DoubleColumn correct = DoubleColumn.create("correct");
    DoubleColumn accuracy = DoubleColumn.create("accuracy");
    for (int g = 0; g < groups.size(); g++) {
      ConfusionMatrix cm = confusion(g);
      name.append(groups.get(g));
      examples.append(cm.total());
      correct.append(cm.correct());
      accuracy.append(cm.total() == 0 ? Double.NaN : cm.correct() / cm.total());
    }
    return Table.create("Counts per group", name, examples, correct, accuracy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupedCounts g
        && g.labels.equals(labels)
        && g.groups.equals(groups)
        && Arrays.equals(g.counts, counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, groups, Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "GroupedCounts[" + groups.size() + " groups, classes " + labels.names() + "]";
  }
}
