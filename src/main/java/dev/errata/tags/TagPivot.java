package dev.errata.tags;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts examples by tag (rows) and a second key (columns): another tag, the actual class or the
 * predicted class. Built from bitsets; rows are the tags (and "untagged" for class pivots).
 *
 * @param title what is counted
 * @param corner the header of the row-name column, e.g. {@code tag \ actual}
 * @param rowNames the row names
 * @param columnNames the column names
 * @param counts row-major counts, index {@code row * columns + column}
 */
public record TagPivot(
    String title, String corner, List<String> rowNames, List<String> columnNames, double[] counts) implements Presentable {

  /** Says which examples a pivot counts. */
  public enum Among {
    /** Only misclassified examples. */
    ERRORS,
    /** Every example. */
    ALL
  }

  public TagPivot {
    rowNames = List.copyOf(rowNames);
    columnNames = List.copyOf(columnNames);
    counts = counts.clone();
    if (counts.length != rowNames.size() * columnNames.size()) {
      throw new IllegalArgumentException("Expected " + rowNames.size() + "×" + columnNames.size() + " counts");
    }
  }

  /**
   * Counts errors carrying both tags (symmetric; the diagonal is the errors carrying the tag).
   */
  public static TagPivot cooccurrence(Tags tags) {
    List<Tag> list = base(tags);
    long[] errors = tags.errors().and(tags.scope()).words();
    int k = list.size();
    long[][] bits = new long[k][];
    for (int i = 0; i < k; i++) {
      bits[i] = list.get(i).bits().words();
    }
    long[] counts = new long[k * k];
    long[] x = new long[k];
    for (int w = 0; w < errors.length; w++) {
      long e = errors[w];
      if (e == 0) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        x[i] = bits[i][w] & e;
      }
      for (int i = 0; i < k; i++) {
        if (x[i] != 0) {
          for (int j = i; j < k; j++) {
            counts[i * k + j] += Long.bitCount(x[i] & x[j]);
          }
        }
      }
    }
    double[] symmetric = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        symmetric[i * k + j] = counts[i * k + j];
        symmetric[j * k + i] = counts[i * k + j];
      }
    }
    List<String> names = list.stream().map(Tag::name).toList();
    return new TagPivot(
        "Errors carrying both tags (" + tags.predictions().source() + ")", "tag \\ tag", names, names,
        symmetric);
  }

  /** Counts examples by tag × actual class ({@code among} errors or all examples). */
  public static TagPivot byActual(Tags tags, Among among) {
    return byClass(tags, among, true);
  }

  /** Counts examples by tag × predicted class ({@code among} errors or all examples). */
  public static TagPivot byPredicted(Tags tags, Among among) {
    return byClass(tags, among, false);
  }

  private static TagPivot byClass(Tags tags, Among among, boolean actual) {
    Predictions p = tags.predictions();
    List<Tag> list = base(tags);
    RowBits rows = among == Among.ERRORS ? tags.errors().and(tags.scope()) : tags.scope();
    int classes = p.labels().size();
    List<RowBits> sets = new ArrayList<>();
    RowBits any = RowBits.none(p.size());
    RowBits anyKnown = RowBits.none(p.size());
    for (Tag t : list) {
      sets.add(t.bits());
      if (!t.derived()) {
        any = any.or(t.bits());
        anyKnown = anyKnown.or(t.known());
      }
    }
    sets.add(anyKnown.andNot(any));
    double[] counts = new double[sets.size() * classes];
    for (int r = 0; r < sets.size(); r++) {
      for (int row : sets.get(r).and(rows).rows()) {
        counts[r * classes + (actual ? p.actual(row) : p.predicted(row))]++;
      }
    }
    List<String> names = new ArrayList<>(list.stream().map(Tag::name).toList());
    names.add("untagged");
    String what = actual ? "actual" : "predicted";
    String title =
        (among == Among.ERRORS ? "Errors" : "Examples") + " by tag and " + what + " class (" + p.source() + ")";
    return new TagPivot(title, "tag \\ " + what, names, p.labels().names(), counts);
  }

  private static List<Tag> base(Tags tags) {
    List<Tag> list = tags.tagList();
    if (list.isEmpty()) {
      throw new IllegalArgumentException(
          "No tags on " + tags.predictions().source() + "; a pivot needs at least one tag");
    }
    return list;
  }

  /** Returns the count at ({@code row}, {@code column}), both names. */
  public double count(String row, String column) {
    int r = rowNames.indexOf(row);
    int c = columnNames.indexOf(column);
    if (r < 0 || c < 0) {
      throw new IllegalArgumentException(
          "No cell (" + row + ", " + column + "); rows are " + rowNames + ", columns " + columnNames);
    }
    return counts[r * columnNames.size() + c];
  }

  /** Returns the pivot as a table: a name column, then one count column per column name. */
  public Table toTable() {
    Table t = Table.create(title, StringColumn.create(corner, rowNames));
    int cols = columnNames.size();
    for (int c = 0; c < cols; c++) {
      double[] col = new double[rowNames.size()];
      for (int r = 0; r < col.length; r++) {
        col[r] = counts[r * cols + c];
      }
      String header = columnNames.get(c);
      while (t.columnNames().contains(header)) {
        header = header + " ";
      }
      t.addColumns(DoubleColumn.create(header, col));
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagPivot p
        && p.title.equals(title)
        && p.corner.equals(corner)
        && p.rowNames.equals(rowNames)
        && p.columnNames.equals(columnNames)
        && Arrays.equals(p.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * rowNames.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "TagPivot[" + title + "]";
  }

  /** Shows the counts, row names first. */
  @Override
  public Presentation present() {
    return Section.of(toTable()).with(ColumnKind.LABEL, corner).numbersAs(ColumnKind.COUNT).present();
  }
}
