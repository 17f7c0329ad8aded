package dev.errata.course;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.agreement.AgreementReport;
import dev.errata.agreement.Kappa;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The good-data checklist of one data set: size, coverage, label consistency and drift.
 *
 * @param source the predictions checked
 * @param examples every example (each counts once)
 * @param minimum the fewest examples a class or value should have
 * @param maxWidth the widest useful 95 % interval on a class, a fraction
 * @param values every class (first) and every value of the checked columns, now and in the
 *     reference
 * @param agreement kappa between annotator columns, when some were named
 * @param reference where the reference counts come from, when there is one
 * @param referenceExamples the reference's examples; NaN without one
 * @param drift one chi-square test per scope (classes, then each column), with a reference
 */
public record DataCheckReport(
    String source,
    double examples,
    int minimum,
    double maxWidth,
    List<ValueCount> values,
    Optional<AgreementReport> agreement,
    Optional<String> reference,
    double referenceExamples,
    List<ShareDrift> drift) implements Presentable {

  public DataCheckReport {
    values = List.copyOf(values);
    drift = List.copyOf(drift);
  }

  /** Returns the row of {@code scope} ("class = x" or "column = x"), or throws listing them. */
  public ValueCount value(String scope) {
    return values.stream()
        .filter(v -> v.scope().equals(scope))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No row \""
                        + scope
                        + "\"; rows are "
                        + values.stream().map(ValueCount::scope).toList()));
  }

  /** Returns the drift test of {@code scope} ("class" or a column), or throws listing them. */
  public ShareDrift drift(String scope) {
    return drift.stream()
        .filter(d -> d.scope().equals(scope))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No drift test \""
                        + scope
                        + "\"; tests are "
                        + drift.stream().map(ShareDrift::scope).toList()
                        + (reference.isEmpty() ? " (no reference was given)" : "")));
  }

  /** Returns the problems found, one sentence each; empty when the data passes every check. */
  public List<String> flags() {
    List<String> out = new ArrayList<>();
    for (ValueCount v : values) {
      problems(v).forEach(p -> out.add(v.scope() + ": " + p));
    }
    agreement.ifPresent(a -> kappas(a).forEach(k -> consistency(k).ifPresent(out::add)));
    for (ShareDrift d : drift) {
      if (d.isDefined() && d.p() <= DataCheck.ALPHA) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s shares drifted from %s: chi-square %.3f, df %d, p = %.3g",
                d.scope(),
                reference.orElse(""),
                d.chiSquare(),
                d.degreesOfFreedom(),
                d.p()));
      }
    }
    return out;
  }

  /** Returns what a reader needs to read the table: how width and drift are measured. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "Interval width is the widest a 95 %% Wilson interval of any rate (accuracy, recall …)"
                + " on those examples can be, z / sqrt(n + z²) at a rate of 0.5; ±%.0f points needs"
                + " %d examples",
            maxWidth * 50,
            ValueCount.examplesForWidth(maxWidth)));
    if (!drift.isEmpty()) {
      notes.add(
          "Drift: Pearson's chi-square test of homogeneity of the counts now and in the reference"
              + " (no continuity correction), flagged at p <= "
              + DataCheck.ALPHA
              + "; change is share now − share in the reference, in points");
      for (ShareDrift d : drift) {
        if (!d.isDefined()) {
          notes.add(
              d.scope()
                  + ": no drift test, "
                  + (d.values().size() < 2
                      ? "there is only one value"
                      : "one side has no examples"));
        } else if (d.minExpected() < ShareDrift.ROUGH_BELOW) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "%s: an expected count is %.2f (below %.0f), so the chi-square p-value is rough",
                  d.scope(),
                  d.minExpected(),
                  ShareDrift.ROUGH_BELOW));
        }
      }
    }
    agreement.ifPresent(a -> notes.addAll(a.notes()));
    return notes;
  }

  /** Returns one line: examples, annotators, the reference and how many problems were found. */
  public String summary() {
    int n = flags().size();
    return String.format(
            Locale.ROOT,
            "Data check of %s: %,.0f examples, minimum %d per class and value",
            source,
            examples,
            minimum)
        + agreement.map(a -> ", labels by " + String.join(", ", a.annotators())).orElse("")
        + reference
            .map(
                r ->
                    String.format(
                        Locale.ROOT, ", against %s (%,.0f examples)", r, referenceExamples))
            .orElse("")
        + (n == 0 ? ": no problem found" : ": " + n + (n == 1 ? " problem" : " problems"));
  }

  /**
   * Returns one row per check: size (all data and each class), coverage (each value of the checked
   * columns), consistency (overall and per-class kappa) and drift (one test per scope). Shares,
   * their change and the interval widths are fractions; NaN where a number does not apply.
   */
  public Table toTable() {
    StringColumn check = StringColumn.create("check");
    StringColumn scope = StringColumn.create("scope");
    DoubleColumn n = DoubleColumn.create("examples");
    DoubleColumn share = DoubleColumn.create("share");
    DoubleColumn refShare = DoubleColumn.create("reference share");
    DoubleColumn change = DoubleColumn.create("change");
    StringColumn measure = StringColumn.create("measure");
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn p = DoubleColumn.create("p-value");
    StringColumn result = StringColumn.create("result");
    boolean withReference = reference.isPresent();
    double allWidth =
        new ValueCount(null, "all", examples, examples, referenceExamples, referenceExamples)
            .widestInterval();
    check.append("size");
    scope.append("all data");
    n.append(examples);
    share.append(1.0);
    refShare.append(withReference ? 1.0 : Double.NaN);
    change.append(Double.NaN);
    measure.append("widest 95 % interval");
    value.append(round(allWidth));
    p.append(Double.NaN);
    result.append(
        withReference
            ? String.format(Locale.ROOT, "ok; %,.0f in the reference", referenceExamples)
            : "ok");
    for (ValueCount v : values) {
      check.append(v.isClass() ? "size" : "coverage");
      scope.append(v.scope());
      n.append(v.examples());
      share.append(round(v.share()));
      refShare.append(round(v.referenceShare()));
      change.append(round(v.change()));
      measure.append("widest 95 % interval");
      value.append(round(v.widestInterval()));
      p.append(Double.NaN);
      List<String> problems = problems(v);
      result.append(problems.isEmpty() ? "ok" : String.join("; ", problems));
    }
    agreement.ifPresent(
        a -> {
          for (Kappa k : kappas(a)) {
            check.append("consistency");
            scope.append("labels " + k.scope());
            n.append(k.items());
            share.append(Double.NaN);
            refShare.append(Double.NaN);
            change.append(Double.NaN);
            measure.append(k.method() + " kappa");
            value.append(round(k.kappa()));
            p.append(Double.NaN);
            result.append(
                consistency(k)
                    .map(x -> "labels ambiguous")
                    .orElse(AgreementReport.strength(k.kappa()) + " agreement"));
          }
        });
    for (ShareDrift d : drift) {
      check.append("drift");
      scope.append(d.scope() + " shares");
      n.append(examples);
      share.append(Double.NaN);
      refShare.append(Double.NaN);
      change.append(Double.NaN);
      measure.append("chi-square, df " + d.degreesOfFreedom());
      value.append(round(d.chiSquare()));
      p.append(d.p());
      result.append(
          !d.isDefined()
              ? "not tested"
              : d.p() <= DataCheck.ALPHA
                  ? String.format(Locale.ROOT, "drifted (p <= %.2f)", DataCheck.ALPHA)
                  : "no significant change");
    }
    return Table.create(
        summary(), check, scope, n, share, refShare, change, measure, value, p, result);
  }

  private List<String> problems(ValueCount v) {
    List<String> out = new ArrayList<>();
    if (v.examples() == 0) {
      out.add(
          v.referenceExamples() > 0
              ? String.format(
                  Locale.ROOT, "no examples (%,.0f in the reference)", v.referenceExamples())
              : "no examples (only predicted)");
      return out;
    }
    if (v.examples() < minimum) {
      out.add(examples(v.examples()) + ", below the minimum of " + minimum);
    }
    if (v.isClass() && v.widestInterval() > maxWidth) {
      out.add(
          String.format(
              Locale.ROOT,
              "too few for a useful interval: up to ±%.1f points on %s (±%.0f needs %d)",
              v.widestInterval() * 50,
              examples(v.examples()),
              maxWidth * 50,
              ValueCount.examplesForWidth(maxWidth)));
    }
    return out;
  }

  private static List<Kappa> kappas(AgreementReport a) {
    return a.kappas().stream()
        .filter(k -> k.scope().equals("overall") || k.scope().startsWith("class = "))
        .toList();
  }

  private static Optional<String> consistency(Kappa k) {
    if (Double.isNaN(k.kappa()) || k.kappa() > DataCheck.CONSISTENT_ABOVE) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "labels %s: %s kappa %.3f (%s agreement), at most %.1f: define the labels more"
                + " consistently",
            k.scope(),
            k.method(),
            k.kappa(),
            AgreementReport.strength(k.kappa()),
            DataCheck.CONSISTENT_ABOVE));
  }

  private static String examples(double n) {
    return String.format(Locale.ROOT, "%,.0f example%s", n, n == 1 ? "" : "s");
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }

  /** Shows every check with its scope and numbers, then the flags and notes. */
  @Override
  public Presentation present() {
    List<String> lines = new java.util.ArrayList<>();
    flags().forEach(f -> lines.add("Flag: " + f));
    notes().forEach(n -> lines.add("Note: " + n));
    Table t = toTable();
    return Presentation.of(
            Section.of(t)
                .with(ColumnKind.LABEL, "scope")
                .with(ColumnKind.COUNT, "examples")
                .with(ColumnKind.PROPORTION, "share", "reference share")
                .with(ColumnKind.PERCENTAGE_POINT, "change")
                .byRow("value", valueKinds(t))
                .with(ColumnKind.P_VALUE, "p-value"))
        .notes(lines);
  }

  /**
   * Returns how each row of {@code t} (this report's table) reads its value: the widest interval of a size or coverage check in
   * percentage points, a kappa or a chi-square statistic as the number it is.
   */
  private static List<ColumnKind> valueKinds(Table t) {
    List<ColumnKind> kinds = new java.util.ArrayList<>();
    for (String check : t.stringColumn("check")) {
      kinds.add(
          check.equals("size") || check.equals("coverage")
              ? ColumnKind.PERCENTAGE_POINT
              : ColumnKind.NUMBER);
    }
    return kinds;
  }
}
