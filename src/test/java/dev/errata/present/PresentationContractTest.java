package dev.errata.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.errata.render.HtmlTable;
import dev.errata.render.View;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The presentation contract: declared kinds decide how values read; one path renders any result. */
class PresentationContractTest {

  /**
   * A result type written for this test only: a record, its table and its column kinds. Nothing
   * registers it anywhere, yet it renders as HTML and text like every Errata result.
   */
  record LiftReport(String slice, long n, double before, double after, double p)
      implements Presentable {
    @Override
    public Presentation present() {
      Table t =
          Table.create(
              "Lift by slice",
              StringColumn.create("slice", slice),
              LongColumn.create("n", n),
              DoubleColumn.create("before", before),
              DoubleColumn.create("after", after),
              DoubleColumn.create("change", after - before),
              DoubleColumn.create("p", p));
      return Presentation.of(
              Section.of(t)
                  .with(ColumnKind.LABEL, "slice")
                  .with(ColumnKind.COUNT, "n")
                  .with(ColumnKind.PROPORTION, "before", "after")
                  .with(ColumnKind.PERCENTAGE_POINT, "change")
                  .with(ColumnKind.P_VALUE, "p"))
          .notes(List.of("One slice <only>."));
    }
  }

  @Test
  void aNewResultTypeRendersByItsKindsWithNoRegistration() {
    View v = View.of(new LiftReport("noisy", 12345, 0.81, 0.845, 0.00001)).orElseThrow();
    assertEquals(
        "Lift by slice (1 row × 6 columns)\n"
            + "slice       n  before   after  change         p\n"
            + "noisy  12,345  81.0 %  84.5 %  3.5 pp  < 0.0001\n"
            + "One slice <only>.\n",
        v.text().replace('\u00a0', ' '));
    assertTrue(v.html().contains("One slice &lt;only&gt;."), v.html());
    assertTrue(v.html().contains("<td>3.5&nbsp;pp</td>"), v.html());
  }

  @Test
  void percentagePointsKeepTheSignOfALossAndTheDigitsOfASmallGap() {
    Table t = Table.create("t", DoubleColumn.create("gap", -0.01, 0.0016, 0.04, Double.NaN));
    assertEquals(
        List.of("-1.0 pp", "0.16 pp", "4.0 pp", "undefined"),
        HtmlTable.shown(Section.of(t).with(ColumnKind.PERCENTAGE_POINT, "gap"))
            .stringColumn("gap")
            .asList());
  }

  @Test
  void parametersAndIdsReadExactlyAsGiven() {
    // A learning rate of 0.1 is no 10 %, and an id no count with a thousands separator.
    Table t =
        Table.create(
            "runs",
            LongColumn.create("id", new long[] {123456}),
            DoubleColumn.create("learning rate", 0.1),
            StringColumn.create("params.depth", "003"),
            LongColumn.create("params.batch", new long[] {1024}),
            DoubleColumn.create("params.decay", 0.123456789));
    Table shown =
        HtmlTable.shown(
            Section.of(t)
                .with(ColumnKind.ID, "id")
                .with(
                    ColumnKind.PARAMETER,
                    "learning rate",
                    "params.depth",
                    "params.batch",
                    "params.decay"));
    assertEquals("123456", shown.getString(0, "id"));
    assertEquals("0.1", shown.getString(0, "learning rate"));
    assertEquals("003", shown.getString(0, "params.depth"));
    assertEquals("1024", shown.getString(0, "params.batch"));
    assertEquals("0.123456789", shown.getString(0, "params.decay"));
  }

  @Test
  void aKindOrIntervalNamingNoColumnFailsAtOnce() {
    Table t = Table.create("t", DoubleColumn.create("recall", 0.5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Section.of(t).with(ColumnKind.PROPORTION, "recal"));
    assertEquals("Table \"t\" has no column \"recal\"; its columns are [recall]", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Section.of(t).interval("recall", "lo", "hi"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Section.of(t).byRow("recall", List.of(ColumnKind.COUNT, ColumnKind.COUNT)));
  }

  @Test
  void everyLibraryTypeWithATableIsPresentable() {
    // Each result declares what it shows; none relies on a renderer that knows its type.
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.errata");
    TreeSet<String> missing = new TreeSet<>();
    int checked = 0;
    for (JavaClass c : classes) {
      boolean hasTable =
          c.getMethods().stream()
              .anyMatch(
                  m ->
                      m.getName().equals("toTable")
                          && m.getRawParameterTypes().isEmpty()
                          && m.getRawReturnType().isEquivalentTo(Table.class));
      if (!hasTable || c.getName().startsWith("dev.errata.render.chart.")) {
        continue;
      }
      checked++;
      if (!c.isAssignableTo(Presentable.class)) {
        missing.add(c.getName());
      }
    }
    assertTrue(checked > 25, "found " + checked + " result types");
    assertEquals(new TreeSet<>(), missing);
  }

  @Test
  void aPlainTableReadsByItsTypes() {
    Table t = Table.create("t", DoubleColumn.create("accuracy", 0.9));
    String text = View.of(t).orElseThrow().text();
    assertFalse(text.contains("%"), text);
    assertTrue(text.contains("0.9"), text);
  }

  @Test
  void everyNumberColumnOfTheResultsDeclaresItsKind() {
    // The ten-row fixture (accent, gender; r1..r10), through the front door as a notebook would.
    dev.errata.load.Predictions p = dev.errata.slices.Fixtures.ten();
    List<Presentable> results =
        List.of(
            dev.errata.Errata.summary(p),
            dev.errata.Errata.confusion(p),
            dev.errata.Errata.confusion(p, dev.errata.metrics.Normalization.TRUE),
            dev.errata.Errata.metrics(p),
            dev.errata.Errata.report(p),
            dev.errata.Errata.slices(p).by("accent").report(),
            dev.errata.Errata.compare(p, p).by("accent").report(),
            dev.errata.Errata.audit("accuracy >= 0.9 for every accent").check(p),
            dev.errata.Errata.dataCheck(p).by(List.of("accent")).report(),
            dev.errata.Errata.tagReport(
                dev.errata.Errata.tagsFromMetadata(p, "accent"),
                dev.errata.Errata.hlp(java.util.Map.of("accent=uk", 0.9))));
    List<String> undeclared = new java.util.ArrayList<>();
    for (Presentable r : results) {
      for (Section s : r.present().sections()) {
        for (var c : s.table().columns()) {
          if (c instanceof tech.tablesaw.api.NumericColumn<?>
              && !s.isSupporting(c.name())
              && !s.kinds().containsKey(c.name())
              && !s.rowKinds().containsKey(c.name())) {
            undeclared.add(r.getClass().getSimpleName() + " \"" + s.table().name() + "\": " + c.name());
          }
        }
      }
    }
    assertEquals(List.of(), undeclared);
  }
}
