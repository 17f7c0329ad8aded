package dev.errata.audit;

import dev.errata.audit.RuleCheck.Status;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import dev.errata.metrics.Interval;
import dev.errata.metrics.Proportion;
import dev.errata.significance.DifferenceInterval;
import dev.errata.metrics.Metric;
import dev.errata.slices.Slice;
import dev.errata.slices.SliceReport;
import dev.errata.slices.Slices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks parsed rules against predictions, collecting evidence and failing examples. */
final class Auditor {

  private static final String ALL = "all data";

  private final Predictions p;
  private final FailingRows rows;

  private Auditor(Predictions p) {
    this.p = p;
    this.rows = new FailingRows(p);
  }

  static AuditResult check(AuditRules rules, Predictions p) {
    Auditor auditor = new Auditor(p);
    for (Rule rule : rules.rules()) {
      auditor.bind(rule);
    }
    List<RuleCheck> checks = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      if (rule instanceof Rule.MetricRule m) {
        checks.addAll(auditor.metric(m));
      } else if (rule instanceof Rule.GapRule g) {
        checks.add(auditor.gap(g));
      } else if (rule instanceof Rule.WatchRule w) {
        checks.add(auditor.watch(w));
      }
    }
    return new AuditResult(p.source(), rules, checks);
  }

  /** Checks every name in {@code rule} before any work, so mistakes surface at once. */
  private void bind(Rule rule) {
    if (rule instanceof Rule.MetricRule m) {
      metricOf(m.line(), m.metric(), m.className());
      columns(m.line(), m.forEvery());
    } else if (rule instanceof Rule.GapRule g) {
      metricOf(g.line(), g.metric(), g.className());
      columns(g.line(), g.across());
    }
  }

  private List<RuleCheck> metric(Rule.MetricRule rule) {
    Metric metric = metricOf(rule.line(), rule.metric(), rule.className());
    if (rule.forEvery().isEmpty()) {
      ConfusionMatrix all = ConfusionMatrix.of(p);
      double support = support(metric, all);
      return List.of(judge(rule, metric, ALL, all, support, List.of(), List.of()));
    }
    List<String> columns = columns(rule.line(), rule.forEvery());
    SliceReport report = Slices.of(p).by(columns).metrics(metric).report();
    List<Slice> slices = report.slices();
    if (rule.only().isPresent()) {
      Name value = rule.only().get();
      slices = slices.stream().filter(s -> s.values().equals(List.of(value.text()))).toList();
      if (slices.isEmpty()) {
        throw rule.line()
            .error(
                value.column(),
                "no value \""
                    + value.text()
                    + "\" in column \""
                    + columns.get(0)
                    + "\"; values are "
                    + p.codes(columns.get(0)).values());
      }
    }
    List<RuleCheck> out = new ArrayList<>();
    for (Slice s : slices) {
      if (s.support() < rule.minSupport()) {
        out.add(
            new RuleCheck(
                rule,
                s.describe() + " (n < " + whole(rule.minSupport()) + ")",
                s.value(metric),
                s.interval(metric, Proportion.DEFAULT_LEVEL),
                support(metric, s.counts()),
                Status.SKIPPED,
                0,
                List.of()));
      } else {
        out.add(
            judge(
                rule,
                metric,
                s.describe(),
                s.counts(),
                support(metric, s.counts()),
                columns,
                s.values()));
      }
    }
    if (out.stream().allMatch(c -> c.status() == Status.SKIPPED)) {
      out.add(
          undefined(
              rule,
              "no slice of "
                  + String.join(" × ", columns)
                  + " has n ≥ "
                  + whole(rule.minSupport())));
    }
    return out;
  }

  private RuleCheck judge(
      Rule.MetricRule rule,
      Metric metric,
      String subject,
      ConfusionMatrix counts,
      double support,
      List<String> columns,
      List<String> values) {
    double value = metric.value(counts);
    Interval ci =
        metric
            .proportion(counts)
            .map(q -> q.wilson(Proportion.DEFAULT_LEVEL))
            .orElse(Interval.undefined(Proportion.DEFAULT_LEVEL));
    if (Double.isNaN(value)) {
      return new RuleCheck(rule, subject, value, ci, support, Status.UNDEFINED, 0, List.of());
    }
    if (rule.comparison().holds(value, rule.threshold())) {
      return new RuleCheck(rule, subject, value, ci, support, Status.PASS, 0, List.of());
    }
    FailingRows.Found found = rows.against(metric, columns, values);
    return new RuleCheck(
        rule, subject, value, ci, support, Status.FAIL, found.count(), found.first());
  }

  private RuleCheck gap(Rule.GapRule rule) {
    Metric metric = metricOf(rule.line(), rule.metric(), rule.className());
    List<String> columns = columns(rule.line(), rule.across());
    SliceReport report = Slices.of(p).by(columns).metrics(metric).report();
    Slice worst = null;
    Slice best = null;
    for (Slice s : report.slices()) {
      double v = s.value(metric);
      if (s.support() < rule.minSupport() || Double.isNaN(v)) {
        continue;
      }
      if (worst == null
          || (metric.higherIsBetter() ? v < worst.value(metric) : v > worst.value(metric))) {
        worst = s;
      }
      if (best == null
          || (metric.higherIsBetter() ? v > best.value(metric) : v < best.value(metric))) {
        best = s;
      }
    }
    if (worst == null || worst == best) {
      return undefined(
          rule,
          "fewer than 2 slices of "
              + String.join(" × ", columns)
              + " with n ≥ "
              + whole(rule.minSupport())
              + " and a defined "
              + metric.label());
    }
    double gap = Math.abs(best.value(metric) - worst.value(metric));
    Optional<Proportion> b = metric.proportion(best.counts());
    Optional<Proportion> w = metric.proportion(worst.counts());
    Interval ci =
        b.isPresent()
            ? DifferenceInterval.newcombe(
                metric.higherIsBetter() ? b.get() : w.get(),
                metric.higherIsBetter() ? w.get() : b.get(),
                Proportion.DEFAULT_LEVEL)
            : Interval.undefined(Proportion.DEFAULT_LEVEL);
    String subject =
        String.format(
            java.util.Locale.ROOT,
            "worst %s (%.4f) vs best %s (%.4f)",
            worst.describe(),
            worst.value(metric),
            best.describe(),
            best.value(metric));
    double support = support(metric, worst.counts()) + support(metric, best.counts());
    if (rule.comparison().holds(gap, rule.threshold())) {
      return new RuleCheck(rule, subject, gap, ci, support, Status.PASS, 0, List.of());
    }
    FailingRows.Found found = rows.against(metric, columns, worst.values());
    return new RuleCheck(
        rule, subject, gap, ci, support, Status.FAIL, found.count(), found.first());
  }

  private RuleCheck watch(Rule.WatchRule rule) {
    FailingRows.Found found = rows.watched(rule.words());
    Proportion share = new Proportion(found.count(), p.size());
    Status status = found.count() <= rule.atMost() ? Status.PASS : Status.FAIL;
    return new RuleCheck(
        rule,
        ALL + ": predictions adding " + String.join(", ", rule.words()),
        share.value(),
        share.wilson(),
        p.size(),
        status,
        found.count(),
        found.first());
  }

  private static RuleCheck undefined(Rule rule, String subject) {
    return new RuleCheck(
        rule,
        subject,
        Double.NaN,
        Interval.undefined(Proportion.DEFAULT_LEVEL),
        0,
        Status.UNDEFINED,
        0,
        List.of());
  }

  /**
   * Binds the rule's metric: of the class it names, else a bare per-class metric means the
   * positive class, or the macro average when the predictions name none.
   */
  private Metric metricOf(RuleLine line, String metric, Optional<Name> className) {
    if (className.isPresent()) {
      Name n = className.get();
      if (p.labels().code(n.text()).isEmpty()) {
        throw line.error(
            n.column(),
            "unknown class \""
                + n.text()
                + "\" in "
                + p.source()
                + "; classes are "
                + p.labels().names());
      }
      return Metric.parse(metric, Optional.of(n.text()));
    }
    return Metric.parse(metric, p.roles().positive());
  }

  private List<String> columns(RuleLine line, List<Name> names) {
    for (Name n : names) {
      if (!p.columnNames().contains(n.text())) {
        throw line.error(
            n.column(),
            "unknown column \""
                + n.text()
                + "\" in "
                + p.source()
                + "; columns are "
                + p.columnNames());
      }
    }
    return names.stream().map(Name::text).toList();
  }

  private static double support(Metric metric, ConfusionMatrix counts) {
    return metric.proportion(counts).map(Proportion::trials).orElse(counts.total());
  }

  private static String whole(double n) {
    return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
  }
}
