package dev.errata.agreement;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import dev.errata.load.Labels;
import dev.errata.metrics.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How consistently annotators labelled the same examples.
 *
 * @param annotators the annotator columns
 * @param classes every class any annotator used
 * @param kappas overall first, then per class (one against the rest), per tag value and, for three
 *     or four annotators, Cohen's kappa of each pair
 * @param firstPair the first two annotators' counts: rows = first annotator, columns = second
 * @param level the confidence level of the intervals
 */
public record AgreementReport(
    List<String> annotators,
    Labels classes,
    List<Kappa> kappas,
    ConfusionMatrix firstPair,
    double level) implements Presentable {

  public AgreementReport {
    annotators = List.copyOf(annotators);
    kappas = List.copyOf(kappas);
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(firstPair, "firstPair");
  }

  /** Returns the overall kappa: Cohen's for two annotators, Fleiss' for more. */
  public Kappa overall() {
    return kappas.get(0);
  }

  /** Returns the kappa of {@code scope} ("overall", "class = x", "tag = v", "a vs b"). */
  public Kappa kappa(String scope) {
    return kappas.stream()
        .filter(k -> k.scope().equals(scope))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No kappa for \""
                        + scope
                        + "\"; scopes are "
                        + kappas.stream().map(Kappa::scope).toList()));
  }

  /** Returns one line: the overall kappa, its interval and its Landis–Koch strength. */
  public String summary() {
    Kappa k = overall();
    return String.format(
        Locale.ROOT,
        "%s kappa %.3f [%.3f, %.3f] between %s on %,.0f examples: %s agreement",
        k.method().endsWith("s") ? k.method() + "'" : k.method() + "'s",
        k.kappa(),
        k.interval().lower(),
        k.interval().upper(),
        String.join(", ", annotators),
        k.items(),
        strength(k.kappa()));
  }

  /** Returns the strength of agreement of Landis and Koch (1977) for a kappa. */
  public static String strength(double kappa) {
    if (Double.isNaN(kappa)) {
      return "undefined";
    }
    if (kappa < 0) {
      return "poor";
    }
    double[] upTo = {0.2, 0.4, 0.6, 0.8};
    String[] names = {"slight", "fair", "moderate", "substantial"};
    for (int i = 0; i < upTo.length; i++) {
      if (kappa <= upTo[i]) {
        return names[i];
      }
    }
    return "almost perfect";
  }

  /** Returns one row per kappa, titled with the summary. */
  public Table toTable() {
    StringColumn scope = StringColumn.create("scope");
    StringColumn method = StringColumn.create("method");
    DoubleColumn items = DoubleColumn.create("examples");
    DoubleColumn observed = DoubleColumn.create("observed agreement");
    DoubleColumn chance = DoubleColumn.create("chance agreement");
    DoubleColumn kappa = DoubleColumn.create("kappa");
    DoubleColumn se = DoubleColumn.create("SE");
    DoubleColumn lower = DoubleColumn.create(pct(level) + " lower");
    DoubleColumn upper = DoubleColumn.create(pct(level) + " upper");
    StringColumn strength = StringColumn.create("strength");
    for (Kappa k : kappas) {
      scope.append(k.scope());
      method.append(k.method());
      items.append(k.items());
      observed.append(round(k.observed()));
      chance.append(round(k.chance()));
      kappa.append(round(k.kappa()));
      se.append(round(k.standardError()));
      lower.append(round(k.interval().lower()));
      upper.append(round(k.interval().upper()));
      strength.append(strength(k.kappa()));
    }
    return Table.create(
        summary(), scope, method, items, observed, chance, kappa, se, lower, upper, strength);
  }

  /** Returns the first two annotators' matrix as a table: rows = first, columns = second. */
  public Table pairTable() {
    Table t = firstPair.toTable();
    t.setName(annotators.get(0) + " (rows) vs " + annotators.get(1) + " (columns)");
    t.column(0).setName(annotators.get(0) + " \\ " + annotators.get(1));
    return t;
  }

  /** Returns the notes a reader needs to read the table. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (annotators.size() > 2) {
      notes.add(
          "Fleiss' SE is the one under kappa = 0 (Fleiss, Nee & Landis 1979); the interval is"
              + " kappa ± z·SE");
    } else {
      notes.add("Cohen's SE is the large-sample one of Fleiss, Cohen & Everitt (1969)");
    }
    return notes;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }

  private static String pct(double level) {
    return String.format(Locale.ROOT, "%.0f %%", level * 100);
  }

  /**
   * Shows kappa per scope with its interval and the agreement proportions, then the first two
   * annotators' matrix of counts, then the notes.
   */
  @Override
  public Presentation present() {
    Table t = toTable();
    Table pair = pairTable();
    return Presentation.of(
            Section.of(t)
                .with(ColumnKind.LABEL, "scope")
                .with(ColumnKind.COUNT, "examples")
                .with(ColumnKind.PROPORTION, "observed agreement", "chance agreement")
                .interval("kappa", pct(level) + " lower", pct(level) + " upper"),
            Section.of(pair)
                .with(ColumnKind.LABEL, pair.column(0).name())
                .numbersAs(ColumnKind.COUNT))
        .notes(notes().stream().map(n -> "Note: " + n).toList());
  }
}
