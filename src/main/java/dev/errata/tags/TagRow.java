package dev.errata.tags;

import dev.errata.baseline.BaselineValue;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import java.util.Optional;

/**
 * One row of the per-tag table: counts for one tag (or the untagged examples, or all data) and the
 * baseline its gap is measured against. Every rate is derived from the counts.
 *
 * @param name the tag, {@code untagged} or {@code all data}
 * @param kind which of the three it is
 * @param examples examples (or weight) carrying the tag
 * @param errors misclassified examples among them
 * @param known examples where the tag is known (all examples, unless tags came from a sheet)
 * @param knownErrors misclassified examples where the tag is known
 * @param baseline the baseline accuracy for this row, if any source has one
 * @param rank 1 for the largest potential gain (ties share a rank); 0 when not ranked
 */
public record TagRow(
    String name,
    Kind kind,
    double examples,
    double errors,
    double known,
    double knownErrors,
    Optional<BaselineValue> baseline,
    int rank) {

  private static final Proportion UNDEFINED = new Proportion(0, 0);

  /** Says whether a row is a tag, the untagged examples, or all data. */
  public enum Kind {
    /** A tag or tag expression. */
    TAG,
    /** Examples (where tags are known) that carry no tag. */
    UNTAGGED,
    /** Every example in scope. */
    ALL
  }

  /**
   * Returns whether the tag is known only on misclassified examples (a tagging sheet of errors):
   * then its share of data, error rate and accuracy are undefined, since those examples were
   * chosen by their outcome. Never true for the all-data row.
   */
  public boolean knownOnlyOnErrors() {
    return kind != Kind.ALL && known > 0 && known == knownErrors;
  }

  /** Returns the share of examples carrying the tag, among examples where it is known. */
  public Proportion shareOfData() {
    return knownOnlyOnErrors() ? UNDEFINED : new Proportion(examples, known);
  }

  /** Returns the share of errors carrying the tag, among errors where it is known. */
  public Proportion shareOfErrors() {
    return new Proportion(errors, knownErrors);
  }

  /** Returns the share of the tag's examples that are misclassified. */
  public Proportion errorRate() {
    return knownOnlyOnErrors() ? UNDEFINED : new Proportion(errors, examples);
  }

  /** Returns the model's accuracy within the tag (NaN when no example carries it). */
  public Proportion accuracy() {
    return knownOnlyOnErrors() ? UNDEFINED : new Proportion(examples - errors, examples);
  }

  /** Returns the baseline accuracy (HLP), or NaN when there is none. */
  public double hlp() {
    return baseline.map(BaselineValue::accuracy).orElse(Double.NaN);
  }

  /** Returns baseline minus model accuracy: the room for improvement (NaN without a baseline). */
  public double gap() {
    return hlp() - accuracy().value();
  }

  /**
   * Returns an interval for the gap: the baseline minus the Wilson interval of the accuracy for a
   * given number; Newcombe's hybrid score interval (method 10, 1998) for a measured one, which
   * treats both as independent samples and so errs wide when they share examples.
   */
  public Interval gapInterval() {
    Interval a = accuracy().wilson();
    if (baseline.isEmpty() || a.isUndefined()) {
      return Interval.undefined(Proportion.DEFAULT_LEVEL);
    }
    BaselineValue b = baseline.get();
    double acc = accuracy().value();
    if (!b.isMeasured()) {
      return new Interval(b.accuracy() - a.upper(), b.accuracy() - a.lower(), a.level());
    }
    Interval h = b.interval();
    double d = b.accuracy() - acc;
    double lower = d - Math.sqrt(sq(b.accuracy() - h.lower()) + sq(a.upper() - acc));
    double upper = d + Math.sqrt(sq(h.upper() - b.accuracy()) + sq(acc - a.lower()));
    return new Interval(lower, upper, a.level());
  }

  /** Returns whether the model is above its baseline here: a negative gap. */
  public boolean beatsBaseline() {
    return gap() < 0;
  }

  /**
   * Returns gap × share of data: how much overall accuracy closing the gap would add. Zero where
   * the model beats its baseline (there is no gap to close), NaN without a baseline.
   */
  public double potentialGain() {
    return beatsBaseline() ? 0 : gap() * shareOfData().value();
  }

  private static double sq(double x) {
    return x * x;
  }
}
