package dev.errata.render;

import dev.errata.baseline.Baselines;
import dev.errata.tags.ErrorSheet;
import dev.errata.tags.GapChartData;
import dev.errata.tags.TagPivot;
import dev.errata.tags.TagReport;
import dev.errata.tags.Tags;
import java.util.List;
import java.util.Optional;

/** Views of the tag and baseline results: their tables, followed by their notes. */
final class TagViews {

  /** The result types {@link #of} renders. */
  static final List<Class<?>> TYPES =
      List.of(
          TagReport.class,
          GapChartData.class,
          TagPivot.class,
          ErrorSheet.class,
          Tags.class,
          Baselines.class);

  private TagViews() {}

  static Optional<View> of(Object value) {
    if (value instanceof TagReport r) {
      return Optional.of(View.noted(View.table(r.toTable()), r.notes()));
    }
    if (value instanceof GapChartData g) {
      return Optional.of(View.table(g.toTable()));
    }
    if (value instanceof TagPivot p) {
      return Optional.of(View.table(p.toTable()));
    }
    if (value instanceof ErrorSheet s) {
      return Optional.of(View.table(s.toTable()));
    }
    if (value instanceof Tags t) {
      return Optional.of(View.noted(View.table(t.toTable()), t.notes()));
    }
    if (value instanceof Baselines b) {
      return Optional.of(View.noted(View.table(b.toTable()), b.notes()));
    }
    return Optional.empty();
  }
}
