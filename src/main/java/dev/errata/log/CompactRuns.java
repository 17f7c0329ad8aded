package dev.errata.log;

import dev.errata.present.ColumnKind;
import dev.errata.present.Section;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lays runs out as a table people read: id, name, status, started, duration, the parameters whose
 * values differ between the runs shown (as text, exactly as logged: {@code 0.1}, never a
 * percentage), the key metrics, and short hashes (commit, data, model), each beside a column
 * {@code "X (full)"} with the full value, which a table view shows as the short cell's tooltip. The
 * full table keeps every column and the full hashes.
 */
final class CompactRuns {

  /** Detail metrics {@code Errata.log} adds beside the key ones; the full table shows them. */
  static final Set<String> DETAIL_METRICS =
      Set.of(
          "balanced accuracy",
          "macro precision",
          "macro recall",
          "macro f1",
          "weighted precision",
          "weighted recall",
          "weighted f1",
          "micro precision",
          "micro recall",
          "micro f1",
          "matthews",
          "kappa",
          "examples");

  /**
   * Suffix of the columns holding the full values of the shortened ones (commit, data, model): a
   * table view shows them as the short cells' tooltips, not as columns.
   */
  static final String FULL = " (full)";

  /** Hex digits kept of a commit, as {@code git log --oneline} shows it. */
  static final int COMMIT_DIGITS = 7;

  /** Hex digits kept of a file's SHA-256. */
  static final int SHA_DIGITS = 8;

  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CompactRuns() {}

  /** Returns the compact table of {@code runs}, in the order given. */
  static Table of(List<RunRecord> runs) {
    Table t =
        Table.create(
            "runs",
            LongColumn.create("id", runs.stream().mapToLong(RunRecord::id).toArray()),
            text("name", runs, RunRecord::name),
            text("status", runs, r -> r.status().word()),
            text("started (UTC)", runs, r -> STARTED.format(r.started())),
            text("duration", runs, r -> r.usage().map(u -> duration(u.wallMillis())).orElse("")));
    for (String p : names(runs, r -> r.params().keySet())) {
      List<String> values = runs.stream().map(r -> param(r.params().get(p))).toList();
      if (runs.size() <= 1 || new LinkedHashSet<>(values).size() > 1) {
        t.addColumns(StringColumn.create("params." + p, values));
      }
    }
    for (String m : names(runs, r -> r.metrics().keySet())) {
      if (!DETAIL_METRICS.contains(m)) {
        t.addColumns(
            DoubleColumn.create(
                "metrics." + m,
                runs.stream().mapToDouble(r -> r.metrics().getOrDefault(m, Double.NaN)).toArray()));
      }
    }
    t.addColumns(text("code", runs, CompactRuns::code), text("code" + FULL, runs, r -> codeFull(r)));
    if (runs.stream().anyMatch(r -> !r.datasets().isEmpty())) {
      t.addColumns(
          text("data", runs, r -> join(r.datasets(), d -> d.name() + " " + shortSha(d.sha256()))),
          text(
              "data" + FULL,
              runs,
              r -> join(r.datasets(), d -> d.name() + " " + d.path() + " sha256 " + d.sha256())));
    }
    if (runs.stream().anyMatch(r -> !r.models().isEmpty())) {
      t.addColumns(
          text(
              "model",
              runs,
              r -> join(r.models(), m -> fileName(m.path()) + " " + shortSha(m.sha256()))),
          text("model" + FULL, runs, r -> join(r.models(), m -> m.path() + " sha256 " + m.sha256())));
    }
    return t;
  }

  /**
   * Returns the compact table {@code t} (from {@link #of}) with its column kinds: the id as
   * written, parameters exactly as logged, metrics as the numbers logged (as percentages where
   * {@code isRate} says the metric's name is a rate), and each short hash with its full value as
   * the tooltip.
   */
  static Section section(Table t, java.util.function.Predicate<String> isRate) {
    Section s = Section.of(t).with(ColumnKind.ID, "id");
    for (String c : t.columnNames()) {
      if (c.startsWith("params.")) {
        s = s.with(ColumnKind.PARAMETER, c);
      } else if (c.startsWith("metrics.") && isRate.test(c.substring("metrics.".length()))) {
        s = s.with(ColumnKind.PROPORTION, c);
      } else if (t.columnNames().contains(c + FULL)) {
        s = s.with(ColumnKind.HASH, c).fullValues(c, c + FULL);
      }
    }
    return s;
  }

  /** Returns a parameter as logged: {@code 0.1}, {@code 3}, {@code true}, text; "" when absent. */
  static String param(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      String s = d.toString();
      return s.contains("E") ? new java.math.BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }
    return value.toString();
  }

  /** Returns e.g. {@code 0.4 s}, {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
  static String duration(long millis) {
    if (millis < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long s = Math.round(millis / 1000.0);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    long min = Math.round(s / 60.0);
    return String.format(Locale.ROOT, "%d h %02d min", min / 60, min % 60);
  }

  /** Returns the short commit, marked {@code dirty} when the tree had changes. */
  static String code(RunRecord r) {
    if (!r.code().known()) {
      return CodeVersion.NONE;
    }
    String c = r.code().commit();
    return c.substring(0, Math.min(COMMIT_DIGITS, c.length())) + (r.code().dirty() ? " dirty" : "");
  }

  /** Returns the full commit id, marked {@code dirty} (with the diff's SHA-256) when it was. */
  static String codeFull(RunRecord r) {
    if (!r.code().known()) {
      return CodeVersion.NONE + " (" + r.code().detail() + ")";
    }
    return r.code().commit()
        + (r.code().dirty() ? " dirty, diff sha256 " + r.code().diffSha256() : "");
  }

  static String shortSha(String sha) {
    return sha.substring(0, Math.min(SHA_DIGITS, sha.length()));
  }

  private static String fileName(String path) {
    Path name = Path.of(path).getFileName();
    return name == null ? path : name.toString();
  }

  private static <T> String join(List<T> items, Function<T, String> text) {
    return String.join(", ", items.stream().map(text).toList());
  }

  private static StringColumn text(
      String name, List<RunRecord> runs, Function<RunRecord, String> f) {
    return StringColumn.create(name, runs.stream().map(f).toList());
  }

  private static Set<String> names(List<RunRecord> runs, Function<RunRecord, Set<String>> keys) {
    Set<String> all = new TreeSet<>();
    runs.forEach(r -> all.addAll(keys.apply(r)));
    return all;
  }

  /** Returns the records of the runs listed in {@code table}'s id column, in its order. */
  static List<RunRecord> listed(Table table, Map<Long, RunRecord> byId) {
    List<RunRecord> out = new ArrayList<>();
    for (int i = 0; i < table.rowCount(); i++) {
      long id = table.longColumn("id").get(i);
      RunRecord r = byId.get(id);
      if (r == null) {
        throw new IllegalArgumentException("Run " + id + " is not in the log");
      }
      out.add(r);
    }
    return out;
  }
}
