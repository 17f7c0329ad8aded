package dev.errata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps dependencies pointing one way, read from the compiled classes (a fully qualified name in
 * the code is a dependency as much as an import): load ← metrics ← tags/baseline/significance ←
 * slices ← audit/compare/course ← render; the log knows no analysis; the library knows no kernel.
 */
class ArchitectureTest {

  static final JavaClasses LIBRARY = ApiRules.mainClasses("dev.errata");

  /** Each library package, and the Errata packages it must not depend on (with sub-packages). */
  static final Map<String, List<String>> FORBIDDEN =
      Map.ofEntries(
          Map.entry(
              "load",
              List.of(
                  "metrics", "tags", "baseline", "significance", "slices", "audit", "compare",
                  "course", "agreement", "log", "render", "examples", "tribuo")),
          Map.entry(
              "metrics",
              List.of(
                  "tags", "baseline", "slices", "audit", "compare", "course", "agreement", "log",
                  "render", "examples", "tribuo")),
          Map.entry(
              "significance",
              List.of(
                  "slices", "audit", "compare", "course", "agreement", "render", "examples",
                  "tribuo")),
          Map.entry(
              "baseline",
              List.of(
                  "tags", "slices", "audit", "compare", "course", "agreement", "log", "render",
                  "examples", "tribuo")),
          Map.entry(
              "tags",
              List.of(
                  "slices", "audit", "compare", "course", "agreement", "log", "render",
                  "examples", "tribuo")),
          Map.entry(
              "slices",
              List.of("audit", "compare", "course", "agreement", "render", "examples", "tribuo")),
          Map.entry("audit", List.of("compare", "course", "agreement", "render", "tribuo")),
          Map.entry("compare", List.of("audit", "course", "agreement", "render", "tribuo")),
          Map.entry(
              "course",
              List.of("render", "log", "audit", "compare", "examples", "tribuo")),
          Map.entry(
              "agreement",
              List.of("course", "render", "log", "audit", "compare", "examples", "tribuo")),
          // The log stores plain maps and tables: no analysis type, no rendering.
          Map.entry(
              "log",
              List.of(
                  "load", "metrics", "tags", "baseline", "significance", "slices", "audit",
                  "compare", "course", "agreement", "render", "examples", "tribuo")),
          Map.entry(
              "examples",
              List.of(
                  "metrics", "tags", "slices", "audit", "compare", "course", "agreement", "log",
                  "render", "tribuo")),
          // Tribuo in (load), provenance out (log); the analyses read the loaded predictions.
          Map.entry(
              "tribuo",
              List.of(
                  "metrics", "tags", "baseline", "slices", "audit", "compare", "course",
                  "agreement", "render", "examples")),
          // Rendering shows any result (log runs included); it never reaches for sample data or Tribuo.
          Map.entry("render", List.of("examples", "tribuo")),
          // The presentation contract: every result package declares its tables through it.
          Map.entry(
              "present",
              List.of(
                  "load", "metrics", "tags", "baseline", "significance", "slices", "audit",
                  "compare", "course", "agreement", "log", "render", "examples", "tribuo",
                  "internal")),
          // Internal helpers serve every package and know none of them.
          Map.entry(
              "internal",
              List.of(
                  "load", "metrics", "tags", "baseline", "significance", "slices", "audit",
                  "compare", "course", "agreement", "log", "render", "examples", "tribuo",
                  "present")));

  static ArchRule packageRule(String pkg, List<String> forbidden) {
    return noClasses()
        .that()
        .resideInAPackage("dev.errata." + pkg + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.stream().map(p -> "dev.errata." + p + "..").toArray(String[]::new))
        .because("dependencies point one way (README, Architecture)");
  }

  @TestFactory
  Stream<DynamicTest> eachPackageDependsOnlyOnThePackagesBeneathIt() {
    return FORBIDDEN.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(), () -> packageRule(e.getKey(), e.getValue()).check(LIBRARY)));
  }

  @Test
  void everyLibraryPackageHasItsRule() {
    List<String> packages =
        LIBRARY.stream()
            .map(c -> c.getPackageName())
            .filter(p -> p.startsWith("dev.errata."))
            .map(p -> p.substring("dev.errata.".length()).split("\\.")[0])
            .distinct()
            .sorted()
            .toList();
    assertEquals(FORBIDDEN.keySet().stream().sorted().toList(), packages);
  }

  @Test
  void theLibraryNeverDependsOnTheKernelOrIJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.errata..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.errata.kernel..", "io.github.spencerpark..")
        .check(LIBRARY);
  }

  /** Tribuo is optional: only its adapter package and the front door's delegates name it. */
  @Test
  void onlyTheTribuoPackageAndTheFrontDoorNameTribuo() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.errata.tribuo..")
        .and()
        .doNotHaveFullyQualifiedName(Errata.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.tribuo..")
        .check(LIBRARY);
  }

  /**
   * Spark is optional: only the Spark classes of load name it (loaded only when a notebook hands
   * over a Dataset), so the library and the front door work without Spark's jars.
   */
  @Test
  void onlyTheSparkClassesOfLoadNameSpark() {
    noClasses()
        .that()
        .haveNameNotMatching("dev\\.errata\\.load\\.Spark.*")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.spark..")
        .check(LIBRARY);
  }

  /** A fully qualified reference, with no import line, is caught as a dependency. */
  static final class FullyQualified {
    String show(double d) {
      return dev.errata.render.Numbers.format(d);
    }
  }

  @Test
  void aFullyQualifiedReferenceIsADependency() {
    JavaClasses fixture = new ClassFileImporter().importClasses(FullyQualified.class);
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.errata")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.errata.render..");
    AssertionError e = assertThrows(AssertionError.class, () -> rule.check(fixture));
    assertTrue(
        e.getMessage().contains("calls method <dev.errata.render.Numbers.format(double)>"),
        e.getMessage());
  }
}
