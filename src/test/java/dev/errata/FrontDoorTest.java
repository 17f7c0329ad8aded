package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.errata.baseline.BaselineSource;
import dev.errata.baseline.Baselines;
import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Keeps {@link Errata} the one name a notebook starts from: every capability the notebooks use has
 * a front-door method, and the notebooks call no other library type's static methods. Two kinds of
 * type stay outside on purpose: {@code examples} (sample data) and {@code tribuo} (optional; a
 * front-door method naming {@code org.tribuo.Model} would break listing Errata's methods without
 * Tribuo, see {@link TribuoAbsentTest}).
 */
class FrontDoorTest {

  static final Path NOTEBOOKS = Path.of("..", "notebooks");

  /** What notebooks do, and the front-door method (name, parameter types) that does it. */
  static final Map<String, List<Object>> CAPABILITIES =
      Map.ofEntries(
          Map.entry("read predictions from a file", List.of("read", String.class)),
          Map.entry("predictions from a table", List.of("from", Table.class)),
          Map.entry("predictions in code", List.of("predictions", List.class, List.class)),
          Map.entry("predictions from Tribuo", List.of("fromTribuo", List.class)),
          Map.entry("summary", List.of("summary", Predictions.class)),
          Map.entry("confusion matrix", List.of("confusion", Predictions.class)),
          Map.entry("metrics", List.of("metrics", Predictions.class)),
          Map.entry("metrics of counts", List.of("metrics", ConfusionMatrix.class)),
          Map.entry("classification report", List.of("report", Predictions.class)),
          Map.entry("scores and curves", List.of("scores", Predictions.class)),
          Map.entry("tags from columns", List.of("tags", Predictions.class, String[].class)),
          Map.entry("tags from a sheet", List.of("tagsFromSheet", Predictions.class, Path.class)),
          Map.entry(
              "tags from metadata", List.of("tagsFromMetadata", Predictions.class, String[].class)),
          Map.entry("HLP baselines from a file", List.of("hlp", Path.class)),
          Map.entry("HLP baselines in code", List.of("hlp", Map.class)),
          Map.entry("other baselines", List.of("baselines")),
          Map.entry("per-tag table", List.of("tagReport", dev.errata.tags.Tags.class, Baselines.class)),
          Map.entry("slices", List.of("slices", Predictions.class)),
          Map.entry("slice discovery", List.of("discover", Predictions.class)),
          Map.entry("audit", List.of("audit", String.class)),
          Map.entry("compare two runs", List.of("compare", Predictions.class, Predictions.class)),
          Map.entry("experiment log", List.of("openLog", String.class)),
          Map.entry("log a run's results", List.of("log", dev.errata.log.Run.class, Predictions.class)),
          Map.entry("confusion chart", List.of("heatmap", ConfusionMatrix.class)),
          Map.entry("gap-to-HLP chart", List.of("chart", dev.errata.tags.GapChartData.class)),
          Map.entry(
              "precision-recall chart",
              List.of("chart", dev.errata.metrics.PrecisionRecallCurve.class)),
          Map.entry("slice chart", List.of("chart", dev.errata.slices.SliceReport.class)),
          Map.entry("chart across runs", List.of("chartAcrossRuns", Table.class, String.class)),
          Map.entry("overfit-a-small-set check", List.of("sanity", Predictions.class, double.class)),
          Map.entry("good-data checklist", List.of("dataCheck", Predictions.class)),
          Map.entry("relabelling read back", List.of("relabel", Predictions.class, Path.class)),
          Map.entry("parallel coordinates of runs", List.of("parallel", Table.class, String.class)),
          Map.entry("a table with declared column kinds", List.of("section", Table.class)));

  @Test
  void everyCapabilityHasAPublicStaticFrontDoorMethod() {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<Object>> e : CAPABILITIES.entrySet()) {
      String name = (String) e.getValue().get(0);
      Class<?>[] params =
          e.getValue().stream().skip(1).map(c -> (Class<?>) c).toArray(Class<?>[]::new);
      try {
        Method m = Errata.class.getMethod(name, params);
        if (!Modifier.isStatic(m.getModifiers())) {
          missing.add(e.getKey() + ": " + name + " is not static");
        }
      } catch (NoSuchMethodException x) {
        missing.add(e.getKey() + ": no Errata." + name + List.of(params));
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theNotebooksCallNoOtherLibraryTypesStaticMethods() throws IOException {
    Set<String> library =
        PublicApiTest.LIBRARY.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(c -> !c.getPackageName().matches("dev\\.errata\\.(examples|tribuo)"))
            .filter(c -> !c.isEquivalentTo(Errata.class))
            .map(JavaClass::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(library.containsAll(Set.of("ConfusionMatrix", "ExperimentLog", "AnalysisCharts")));
    // A type name not qualified by another package: Errata's own package prefixes are cut first.
    Pattern call = Pattern.compile("(?<![\\w.])([A-Z]\\w*)\\.([a-z]\\w*)\\(");
    List<String> bypasses = new ArrayList<>();
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 10, "run from the src/ module folder: " + notebooks);
    ObjectMapper json = new ObjectMapper();
    Pattern otherImport = Pattern.compile("(?m)^import (?!dev\\.errata\\.)[\\w.]+\\.(\\w+);");
    for (Path nb : notebooks) {
      StringBuilder code = new StringBuilder();
      for (JsonNode cell : json.readTree(nb.toFile()).get("cells")) {
        if (cell.get("cell_type").asText().equals("code")) {
          cell.get("source").forEach(line -> code.append(line.asText()));
          code.append('\n');
        }
      }
      // A name the notebook imports from elsewhere (tablesaw's plotly Axis) is not ours.
      Set<String> shadowed = new TreeSet<>();
      Matcher imports = otherImport.matcher(code);
      while (imports.find()) {
        shadowed.add(imports.group(1));
      }
      Matcher m = call.matcher(code.toString().replaceAll("\\bdev\\.errata\\.\\w+\\.", ""));
      while (m.find()) {
        if (library.contains(m.group(1)) && !shadowed.contains(m.group(1))) {
          bypasses.add(nb.getFileName() + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), bypasses);
  }

  @Test
  void theFrontDoorDelegatesAndReturnsTheSameNumbers() {
    // actual a b b, predicted a b a: 2 of 3 right.
    Predictions p = Errata.predictions(List.of("a", "b", "b"), List.of("a", "b", "a"));
    assertEquals(2.0 / 3, Errata.metrics(Errata.confusion(p)).accuracy(), 1e-15);
    assertEquals(Errata.metrics(p).accuracy(), Errata.metrics(Errata.confusion(p)).accuracy());

    Baselines hlp = Errata.hlp(Map.of("car noise", 0.9));
    BaselineSource.Fixed fixed = (BaselineSource.Fixed) hlp.sources().get(0);
    assertEquals(0.9, fixed.accuracy());
    assertTrue(fixed.matches("car_noise"));
    assertEquals(List.of(), Errata.baselines().sources());

    Table runs =
        Table.create(
            "runs",
            StringColumn.create("name", "a", "b"),
            DoubleColumn.create("metrics.recall", 0.5, 0.75));
    assertEquals(
        dev.errata.render.chart.AnalysisCharts.acrossRuns(runs, "metrics.recall"),
        Errata.chartAcrossRuns(runs, "metrics.recall"));
  }
}
