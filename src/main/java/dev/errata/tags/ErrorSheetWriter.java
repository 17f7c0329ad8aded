package dev.errata.tags;

import dev.errata.internal.Csv;
import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a tagging sheet of misclassified examples for a spreadsheet: id, actual, predicted, score
 * (if any), the metadata columns and one empty column per named tag. An option bag:
 * {@code ErrorSheetWriter.of(tags).sample(100).seed(7).tags("car_noise").write(path)}.
 *
 * <p>Writing to an existing sheet merges by id and never loses a filled cell: every row and column
 * already there is kept as it is, new tag columns are appended (blank for old rows), and the sample
 * is drawn from errors not yet in the sheet. Read the filled sheet back with {@link Tags#fromSheet}.
 */
public final class ErrorSheetWriter {

  /** The seed used when none is given, so a sheet can be drawn again. */
  public static final long DEFAULT_SEED = 1;

  private final Tags tags;
  private int sample = 100;
  private long seed = DEFAULT_SEED;
  private Stratify stratify = Stratify.NONE;
  private List<String> tagColumns = List.of();
  private int correct;
  private boolean correctAtErrorRate;

  /**
   * The sheet column that says whether a row was misclassified ({@code error}) or classified
   * correctly ({@code correct}); its {@code #} keeps it from being read back as a tag.
   */
  public static final String OUTCOME = "#outcome";

  private ErrorSheetWriter(Tags tags) {
    this.tags = tags;
  }

  /** Starts a sheet of the errors in scope of {@code tags} (stratifying by tag uses them). */
  public static ErrorSheetWriter of(Tags tags) {
    return new ErrorSheetWriter(tags);
  }

  /** Starts a sheet of all errors of {@code p}. */
  public static ErrorSheetWriter of(Predictions p) {
    return new ErrorSheetWriter(Tags.none(p));
  }

  /** Sets how many new misclassified examples to add (default 100; 0 only adds columns). */
  public ErrorSheetWriter sample(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("The sample size is " + n + "; it must be >= 0");
    }
    this.sample = n;
    return this;
  }

  /** Sets the random seed (default {@value #DEFAULT_SEED}). */
  public ErrorSheetWriter seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Sets how the sample is spread over classes or tags (default: simple random). */
  public ErrorSheetWriter stratify(Stratify stratify) {
    this.stratify = stratify;
    return this;
  }

  /**
   * Also adds {@code n} correctly classified examples (seeded, spread as the errors are), marked in
   * the {@value #OUTCOME} column. Error rates read back from the sheet are unbiased only when both
   * are sampled at the same rate: see {@link #correctAtErrorRate()}.
   */
  public ErrorSheetWriter correct(int n) {
    if (n < 0) {
      throw new IllegalArgumentException(
          "The number of correct examples is " + n + "; it must be >= 0");
    }
    this.correct = n;
    this.correctAtErrorRate = false;
    return this;
  }

  /**
   * Also adds correctly classified examples at the rate errors are sampled (100 of 1,000 errors →
   * 10 % of the correct ones), so that a tag's error rate read back from the sheet estimates its
   * error rate in all data (the course's "of all data with the tag, 18 % is misclassified").
   */
  public ErrorSheetWriter correctAtErrorRate() {
    this.correctAtErrorRate = true;
    this.correct = 0;
    return this;
  }

  /** Names the tag columns to add, empty, for people to fill in. */
  public ErrorSheetWriter tags(List<String> names) {
    this.tagColumns = List.copyOf(names);
    return this;
  }

  /** Names the tag columns to add. */
  public ErrorSheetWriter tags(String... names) {
    return tags(List.of(names));
  }

  /**
   * Samples, merges with the sheet at {@code file} if there is one, and writes it: a cell a
   * spreadsheet would run as a formula ({@code =1+1}) is written with a leading {@code '} that
   * {@link Tags#fromSheet} takes off again. The file gets the user's umask, so co-workers the
   * folder is shared with can read it.
   */
  public ErrorSheet write(Path file) {
    Predictions p = tags.predictions();
    String idColumn = TagSheet.requireId(p, "Writing a tagging sheet");
    List<String> spec = specColumns(p, idColumn);
    if (correct > 0 || correctAtErrorRate) {
      spec.add(OUTCOME);
    }
    String name = file.getFileName().toString();
    Csv existing = Files.exists(file) ? Csv.read(file) : null;
    Set<String> inSheet = new HashSet<>();
    if (existing != null) {
      int idIndex = TagSheet.idIndex(existing, idColumn, name);
      TagSheet.checkUniqueIds(existing, idIndex, name);
      existing.rows().forEach(r -> inSheet.add(r.get(idIndex).trim()));
    }
    Column<?> ids = p.column(idColumn, "id");
    RowBits errors = tags.errors().and(tags.scope());
    RowBits candidates = RowBits.of(p.size(), i -> errors.get(i) && !inSheet.contains(ids.getString(i)));
    int[] picked = ErrorSampler.sample(candidates, strata(p), sample, seed);
    RowBits right = RowBits.all(p.size()).andNot(tags.errors()).and(tags.scope());
    boolean withCorrect = correct > 0 || correctAtErrorRate;
    if (withCorrect) {
      int want =
          correctAtErrorRate
              ? (errors.count() == 0
                  ? 0
                  : (int) Math.round((double) picked.length * right.count() / errors.count()))
              : correct;
      RowBits correctCandidates =
          RowBits.of(p.size(), i -> right.get(i) && !inSheet.contains(ids.getString(i)));
      int[] pickedCorrect = ErrorSampler.sample(correctCandidates, strata(p), want, seed + 1);
      int[] both = java.util.Arrays.copyOf(picked, picked.length + pickedCorrect.length);
      System.arraycopy(pickedCorrect, 0, both, picked.length, pickedCorrect.length);
      java.util.Arrays.sort(both);
      picked = both;
    }

    List<String> header = new ArrayList<>(existing == null ? List.of() : existing.header());
    List<String> newColumns = new ArrayList<>();
    for (String c : spec) {
      if (!header.contains(c)) {
        header.add(c);
        if (existing != null) {
          newColumns.add(c);
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    if (existing != null) {
      for (List<String> r : existing.rows()) {
        List<String> padded = new ArrayList<>(r);
        while (padded.size() < header.size()) {
          padded.add("");
        }
        rows.add(padded);
      }
    }
    List<List<String>> added = newRows(p, picked, header, ids);
    rows.addAll(added);
    char sep = existing == null ? ',' : existing.separator();
    // Replacing is safe only for the sheet just read and merged; a file that appeared since is kept.
    new Csv(file.toString(), sep, header, rows).write(file, existing != null);
    int correctAdded = 0;
    for (int row : picked) {
      correctAdded += p.actual(row) == p.predicted(row) ? 1 : 0;
    }
    return new ErrorSheet(
        file, header, added, existing == null ? 0 : existing.rows().size(), newColumns,
        errors.count(), seed, stratify, correctAdded, withCorrect ? right.count() : 0);
  }

  private List<String> specColumns(Predictions p, String idColumn) {
    Predictions.Roles roles = p.roles();
    List<String> spec = new ArrayList<>(List.of(idColumn, roles.actual(), roles.predicted()));
    roles.score().ifPresent(spec::add);
    for (String c : p.columnNames()) {
      if (!spec.contains(c) && !roles.weight().map(c::equals).orElse(false)) {
        spec.add(c);
      }
    }
    Set<String> seen = new HashSet<>();
    for (String t : tagColumns) {
      if (t.isBlank() || p.columnNames().contains(t) || Tags.RESERVED.contains(t) || !seen.add(t)) {
        throw new IllegalArgumentException(
            "Tag column \""
                + t
                + "\" cannot be added to the sheet: tag columns need new, distinct names that are"
                + " not columns of "
                + p.source()
                + " "
                + p.columnNames());
      }
      spec.add(t);
    }
    return spec;
  }

  private List<RowBits> strata(Predictions p) {
    return switch (stratify) {
      case NONE -> List.of();
      case CLASS -> {
        List<RowBits> out = new ArrayList<>();
        for (int c = 0; c < p.labels().size(); c++) {
          int code = c;
          out.add(RowBits.of(p.size(), i -> p.actual(i) == code));
        }
        yield out;
      }
      case TAG -> {
        List<Tag> base = tags.tagList().stream().filter(t -> !t.derived()).toList();
        if (base.isEmpty()) {
          throw new IllegalArgumentException(
              "Stratifying by tag needs tags, and "
                  + p.source()
                  + " has none yet; build them with Tags.fromColumns, fromDelimited, fromMetadata"
                  + " or fromSheet and sample from those tags");
        }
        List<RowBits> out = new ArrayList<>();
        RowBits any = RowBits.none(p.size());
        for (Tag t : base) {
          out.add(t.bits());
          any = any.or(t.bits());
        }
        out.add(RowBits.all(p.size()).andNot(any));
        yield out;
      }
    };
  }

  private List<List<String>> newRows(Predictions p, int[] picked, List<String> header, Column<?> ids) {
    if (picked.length == 0) {
      return List.of(); // sample 0, or every error already in the sheet: columns only
    }
    Table meta = p.rows(picked);
    Predictions.Roles roles = p.roles();
    List<List<String>> out = new ArrayList<>();
    for (int k = 0; k < picked.length; k++) {
      int row = picked[k];
      List<String> cells = new ArrayList<>();
      for (String c : header) {
        cells.add(cell(p, roles, meta, ids, row, k, c));
      }
      out.add(cells);
    }
    return out;
  }

  private String cell(
      Predictions p, Predictions.Roles roles, Table meta, Column<?> ids, int row, int k, String c) {
    if (c.equals(roles.id().orElseThrow())) {
      return ids.getString(row);
    }
    if (c.equals(roles.actual())) {
      return p.labels().name(p.actual(row));
    }
    if (c.equals(roles.predicted())) {
      return p.labels().name(p.predicted(row));
    }
    if (roles.score().map(c::equals).orElse(false)) {
      return BigDecimal.valueOf(p.score(row)).stripTrailingZeros().toPlainString();
    }
    if (c.equals(OUTCOME)) {
      return p.actual(row) == p.predicted(row) ? "correct" : "error";
    }
    if (tagColumns.contains(c)) {
      return tags.names().contains(c) && tags.tag(c).bits().get(row) ? "x" : "";
    }
    if (meta.columnNames().contains(c)) {
      Column<?> col = meta.column(c);
      return col.isMissing(k) ? "" : col.getString(k);
    }
    return "";
  }
}
