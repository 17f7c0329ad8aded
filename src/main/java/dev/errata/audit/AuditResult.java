package dev.errata.audit;

import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.present.ColumnKind;

import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of an audit: one check per rule and subject, with evidence. A rule passes when every
 * check passes or is skipped for small support; an undefined value fails it.
 *
 * @param source the predictions audited
 * @param rules the rules checked
 * @param checks the evidence, rule by rule, in the order written
 */
public record AuditResult(String source, AuditRules rules, List<RuleCheck> checks) implements Presentable {

  public AuditResult {
    checks = List.copyOf(checks);
  }

  /** Returns whether every rule passed. */
  public boolean passed() {
    return checks.stream().allMatch(RuleCheck::ok);
  }

  /** Returns whether {@code rule} passed. */
  public boolean passed(Rule rule) {
    return checksOf(rule).stream().allMatch(RuleCheck::ok);
  }

  /** Returns the checks of {@code rule}. */
  public List<RuleCheck> checksOf(Rule rule) {
    return checks.stream().filter(c -> c.rule() == rule).toList();
  }

  /** Returns the rules that failed, in the order written. */
  public List<Rule> failedRules() {
    return rules.rules().stream().filter(r -> !passed(r)).toList();
  }

  /** Returns one row per rule: its line, the rule, pass or FAIL, checks made and checks failed. */
  public Table summary() {
    IntColumn line = IntColumn.create("line");
    StringColumn rule = StringColumn.create("rule");
    StringColumn result = StringColumn.create("result");
    IntColumn checked = IntColumn.create("checks");
    IntColumn failed = IntColumn.create("failed");
    for (Rule r : rules.rules()) {
      List<RuleCheck> of = checksOf(r);
      line.append(r.line().number());
      rule.append(r.line().rule());
      result.append(passed(r) ? "pass" : "FAIL");
      checked.append((int) of.stream().filter(c -> c.status() != RuleCheck.Status.SKIPPED).count());
      failed.append((int) of.stream().filter(c -> !c.ok()).count());
    }
    long bad = failedRules().size();
    return Table.create(
        "Audit of "
            + source
            + ": "
            + (bad == 0
                ? "all " + rules.rules().size() + " rules pass"
                : bad + " of " + rules.rules().size() + " rules fail"),
        line,
        rule,
        result,
        checked,
        failed);
  }

  /**
   * Returns one row per check: the rule, the subject, the value with its 95 % interval, the
   * support, the status, how many examples count against it, and the first few of their ids.
   */
  public Table toTable() {
    IntColumn line = IntColumn.create("line");
    StringColumn rule = StringColumn.create("rule");
    StringColumn subject = StringColumn.create("subject");
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn low = DoubleColumn.create("95 % low");
    DoubleColumn high = DoubleColumn.create("95 % high");
    DoubleColumn support = DoubleColumn.create("n");
    StringColumn status = StringColumn.create("status");
    DoubleColumn failing = DoubleColumn.create("failing");
    StringColumn examples = StringColumn.create("examples");
    for (RuleCheck c : checks) {
      line.append(c.rule().line().number());
      rule.append(c.rule().line().rule());
      subject.append(c.subject());
      value.append(c.value());
      low.append(c.interval().lower());
      high.append(c.interval().upper());
      support.append(c.support());
      status.append(c.status().label());
      failing.append(c.failing());
      examples.append(ids(c));
    }
    return Table.create(
        "Audit evidence for " + source,
        line,
        rule,
        subject,
        value,
        low,
        high,
        support,
        status,
        failing,
        examples);
  }

  /** Returns the failing examples kept for each failed check: rule line, subject, id, labels. */
  public Table examples() {
    IntColumn line = IntColumn.create("line");
    StringColumn subject = StringColumn.create("subject");
    StringColumn id = StringColumn.create("id");
    StringColumn actual = StringColumn.create("actual");
    StringColumn predicted = StringColumn.create("predicted");
    for (RuleCheck c : checks) {
      for (Example e : c.examples()) {
        line.append(c.rule().line().number());
        subject.append(c.subject());
        id.append(e.id());
        actual.append(e.actual());
        predicted.append(e.predicted());
      }
    }
    return Table.create("Failing examples in " + source, line, subject, id, actual, predicted);
  }

  private static String ids(RuleCheck c) {
    String shown =
        c.examples().stream().limit(5).map(Example::id).collect(Collectors.joining(", "));
    return c.failing() > 5 ? shown + ", …" : shown;
  }

  /**
   * Shows the rules with their outcome, then every check (a metric's value as a proportion with its
   * interval, a gap between slices in percentage points, the share adding a watched word), then the
   * failing examples when a rule failed.
   */
  @Override
  public Presentation present() {
    List<ColumnKind> values = new java.util.ArrayList<>();
    for (RuleCheck c : checks) {
      values.add(kindOf(c.rule()));
    }
    Presentation p =
        Presentation.of(
            Section.of(summary())
                .with(ColumnKind.ID, "line")
                .with(ColumnKind.COUNT, "checks", "failed"),
            Section.of(toTable())
                .with(ColumnKind.ID, "line")
                .with(ColumnKind.LABEL, "subject")
                .byRow("value", values)
                .interval("value", "95 % low", "95 % high")
                .with(ColumnKind.COUNT, "n", "failing"));
    return passed()
        ? p
        : p.then(
            Section.of(examples())
                .with(ColumnKind.ID, "line", "id")
                .with(ColumnKind.LABEL, "subject", "actual", "predicted"));
  }

  /** Returns how a rule's checked value reads. */
  private static ColumnKind kindOf(Rule rule) {
    if (rule instanceof Rule.WatchRule) {
      return ColumnKind.PROPORTION; // the share of predictions adding a watched word
    }
    String metric = rule instanceof Rule.MetricRule m ? m.metric() : ((Rule.GapRule) rule).metric();
    if (!dev.errata.metrics.Metric.isRateKey(metric)) {
      return ColumnKind.NUMBER;
    }
    return rule instanceof Rule.GapRule ? ColumnKind.PERCENTAGE_POINT : ColumnKind.PROPORTION;
  }
}
