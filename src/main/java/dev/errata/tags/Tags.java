package dev.errata.tags;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Holds the tags of one predictions set: one bitset per tag over the examples, plus where each tag
 * is known. An example may carry several tags. Immutable; combining returns a new value.
 *
 * <p>Build from boolean columns ({@link #fromColumns}), one delimited column ({@link
 * #fromDelimited}), metadata columns ({@link #fromMetadata}) or a filled tagging sheet ({@link
 * #fromSheet}); combine with {@link #plus}. Tag expressions ({@code car_noise & !low_bandwidth},
 * {@code |}, parentheses) work wherever a tag name does.
 */
public final class Tags implements Presentable {

  /** Row names the per-tag table reserves; no tag may use them. */
  static final List<String> RESERVED = List.of("untagged", "all data");

  private final Predictions predictions;
  private final RowBits errors;
  private final RowBits scope;
  private final String where;
  private final List<Tag> tags;
  private final List<String> notes;

  Tags(
      Predictions predictions,
      RowBits errors,
      RowBits scope,
      String where,
      List<Tag> tags,
      List<String> notes) {
    this.predictions = predictions;
    this.errors = errors;
    this.scope = scope;
    this.where = where;
    this.tags = List.copyOf(tags);
    this.notes = List.copyOf(notes);
    List<String> seen = new ArrayList<>();
    for (Tag t : this.tags) {
      String lower = t.name().toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower)) {
        throw new IllegalArgumentException(
            "\"" + t.name() + "\" (" + t.source() + ") cannot name a tag: the per-tag table uses it");
      }
      if (seen.contains(t.name())) {
        throw new IllegalArgumentException(
            "Tag \"" + t.name() + "\" comes twice (" + t.source() + "); tags are " + seen);
      }
      seen.add(t.name());
    }
  }

  /** Returns predictions with no tag yet (every example counts as untagged). */
  public static Tags none(Predictions p) {
    return of(p, List.of(), List.of());
  }

  /**
   * Reads boolean tag columns of {@code p}'s table: true/false, 1/0, yes/no, x/blank (any case);
   * anything else is an error naming the row and column. Each column is one tag, named like it.
   */
  public static Tags fromColumns(Predictions p, String... columns) {
    return fromColumns(p, List.of(columns));
  }

  /** Reads boolean tag columns; see {@link #fromColumns(Predictions, String...)}. */
  public static Tags fromColumns(Predictions p, List<String> columns) {
    return of(p, TagColumns.booleans(p, columns), List.of());
  }

  /** Reads one column listing each example's tags, e.g. {@code car_noise;people_noise}. */
  public static Tags fromDelimited(Predictions p, String column, String delimiter) {
    return of(p, TagColumns.delimited(p, column, delimiter), List.of());
  }

  /**
   * Turns metadata columns into tags, one per value: {@code device=phone}, {@code factory=2}. A
   * blank cell leaves that example unknown for the column's tags.
   */
  public static Tags fromMetadata(Predictions p, String... columns) {
    List<String> notes = new ArrayList<>();
    return of(p, TagColumns.metadata(p, List.of(columns), notes), notes);
  }

  /**
   * Reads a filled tagging sheet (a CSV, e.g. written by {@link ErrorSheetWriter}) and joins it to
   * {@code p} by id. Tag columns are the sheet's columns that are not columns of {@code p} (except
   * {@code notes} / {@code comment} columns and columns starting with {@code #}); a column named
   * {@code tags} may list tags separated by {@code ;} or {@code ,}. Tags are known only for the
   * examples the sheet lists; duplicate ids are an error, unmatched ids a note.
   */
  public static Tags fromSheet(Predictions p, Path sheet) {
    return TagSheet.read(p, sheet, Optional.empty());
  }

  /** Reads a tagging sheet taking only the named columns as tags. */
  public static Tags fromSheet(Predictions p, Path sheet, List<String> tagColumns) {
    return TagSheet.read(p, sheet, Optional.of(tagColumns));
  }

  static Tags of(Predictions p, List<Tag> tags, List<String> notes) {
    RowBits errors = RowBits.ofWords(p.size(), words(p.errorRows(), p.size()));
    return new Tags(p, errors, RowBits.all(p.size()), null, tags, notes);
  }

  /**
   * Returns the tags of both; names must not repeat. Both must describe the same examples (the
   * same predictions, or an equal copy with the same labels row by row).
   */
  public Tags plus(Tags other) {
    if (!sameExamples(predictions, other.predictions)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Tags belong to different predictions (%s, %,d rows, and %s, %,d rows, differ in"
                  + " their labels); build both from the same predictions",
              predictions.source(),
              predictions.size(),
              other.predictions.source(),
              other.predictions.size()));
    }
    List<Tag> all = new ArrayList<>(tags);
    all.addAll(other.tags);
    List<String> n = new ArrayList<>(notes);
    n.addAll(other.notes);
    return new Tags(predictions, errors, scope.and(other.scope), joinWhere(other.where), all, n);
  }

  /** Adds a tag computed from {@code expression}, named by it (e.g. {@code car_noise & !low_bandwidth}). */
  public Tags with(String expression) {
    TagExpression e = TagExpression.parse(expression);
    TagExpression.Mask m = mask(e, expression);
    List<Tag> all = new ArrayList<>(tags);
    all.add(new Tag(e.toString(), m.value(), m.known(), "expression", true));
    return new Tags(predictions, errors, scope, where, all, notes);
  }

  /** Keeps only the examples where {@code expression} holds; every count then covers just those. */
  public Tags where(String expression) {
    TagExpression e = TagExpression.parse(expression);
    RowBits rows = mask(e, expression).value();
    return new Tags(predictions, errors, scope.and(rows), joinWhere(e.toString()), tags, notes);
  }

  /** Returns the number of examples (in scope) where {@code expression} holds. */
  public int count(String expression) {
    return select(expression).count();
  }

  /** Returns the rows (in scope, increasing) where {@code expression} holds. */
  public int[] rows(String expression) {
    return select(expression).rows();
  }

  /** Returns the predictions these tags belong to. */
  public Predictions predictions() {
    return predictions;
  }

  /** Returns the tag names in order. */
  public List<String> names() {
    return tags.stream().map(Tag::name).toList();
  }

  /** Returns the expression restricting the examples, if {@link #where} was used. */
  public Optional<String> whereExpression() {
    return Optional.ofNullable(where);
  }

  /** Returns the number of examples in scope. */
  public int size() {
    return scope.count();
  }

  /** Returns what building the tags reported (unmatched sheet ids, blank metadata). */
  public List<String> notes() {
    return notes;
  }

  /** Returns one row per tag: source, examples carrying it, errors among them, examples where known. */
  public Table toTable() {
    StringColumn name = StringColumn.create("tag");
    StringColumn source = StringColumn.create("source");
    IntColumn examples = IntColumn.create("examples");
    IntColumn errs = IntColumn.create("errors");
    IntColumn known = IntColumn.create("known for");
    for (Tag t : tags) {
      RowBits b = t.bits().and(scope);
      name.append(t.name());
      source.append(t.source());
      examples.append(b.count());
      errs.append(b.and(errors).count());
      known.append(t.known().and(scope).count());
    }
    return Table.create(
        "Tags of " + predictions.source() + (where == null ? "" : " where " + where),
        name, source, examples, errs, known);
  }

  /** Returns the rows in scope where {@code expression} holds. */
  RowBits select(String expression) {
    return mask(TagExpression.parse(expression), expression).value().and(scope);
  }

  private TagExpression.Mask mask(TagExpression e, String text) {
    return e.eval(
        name -> {
          Tag t = find(name);
          if (t == null) {
            throw new IllegalArgumentException(
                "Unknown tag \"" + name + "\" in \"" + text.trim() + "\"; tags are " + names());
          }
          return t;
        });
  }

  Tag tag(String name) {
    Tag t = find(name);
    if (t == null) {
      throw new IllegalArgumentException("Unknown tag \"" + name + "\"; tags are " + names());
    }
    return t;
  }

  private Tag find(String name) {
    for (Tag t : tags) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  List<Tag> tagList() {
    return tags;
  }

  /** Returns the words of {@code bits}, padded to {@code size} rows. */
  static long[] words(java.util.BitSet bits, int size) {
    return java.util.Arrays.copyOf(bits.toLongArray(), RowBits.wordCount(size));
  }

  RowBits errors() {
    return errors;
  }

  RowBits scope() {
    return scope;
  }

  /** Returns whether both are the same examples: same classes and the same labels row by row. */
  private static boolean sameExamples(Predictions a, Predictions b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size() || !a.labels().equals(b.labels())) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.actual(i) != b.actual(i) || a.predicted(i) != b.predicted(i)) {
        return false;
      }
    }
    return true;
  }

  private String joinWhere(String more) {
    if (more == null) {
      return where;
    }
    return where == null ? more : "(" + where + ") & (" + more + ")";
  }

  @Override
  public String toString() {
    return "Tags[" + predictions.source() + ": " + names() + "]";
  }

  /** Shows one row per tag with its source and counts, then the notes. */
  @Override
  public Presentation present() {
    return Presentation.of(
            Section.of(toTable())
                .with(ColumnKind.LABEL, "tag")
                .with(ColumnKind.COUNT, "examples", "errors", "known for"))
        .notes(notes());
  }
}
