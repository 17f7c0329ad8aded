package dev.errata.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.errata.ApiRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps every simple name a notebook can type unambiguous: the packages the kernel's start-up
 * script wildcard-imports (and {@code java.lang}, which every cell imports) share no public type
 * name, checked on the compiled classes the kernel loads.
 */
class StartupImportsTest {

  /** Returns the packages {@code script} imports with {@code import p.*;}. */
  static List<String> wildcardImports(String script) {
    List<String> packages = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^import ([\\w.]+)\\.\\*;$").matcher(script);
    while (m.find()) {
      packages.add(m.group(1));
    }
    return packages;
  }

  @Test
  void theWildcardImportedPackagesShareNoPublicTypeName() {
    List<String> packages = new ArrayList<>(wildcardImports(KernelInstaller.STARTUP_SCRIPT));
    assertTrue(
        packages.containsAll(List.of("dev.errata", "dev.errata.metrics", "dev.errata.baseline")),
        "the start-up script's imports were not found: " + packages);
    packages.add("java.lang");
    JavaClasses imported = ApiRules.mainClasses(packages.toArray(String[]::new));
    assertEquals(Map.of(), ApiRules.sharedSimpleNames(imported, packages));
  }

  @Test
  void theCheckFindsASharedName() {
    // java.util.List and java.awt.List: the textbook clash of two wildcard imports.
    JavaClasses jdk = new ClassFileImporter().importPackages("java.util", "java.awt");
    assertEquals(
        List.of("java.awt.List", "java.util.List"),
        ApiRules.sharedSimpleNames(jdk, List.of("java.util", "java.awt")).get("List"));
  }

  @Test
  void theKernelsPublicSignaturesNameNoInternalType() {
    classes()
        .that(ApiRules.API_OUTSIDE_INTERNAL)
        .should(ApiRules.EXPOSE_NO_INTERNAL_TYPE)
        .check(ApiRules.mainClasses("dev.errata.kernel"));
  }

  @Test
  void theScriptsWildcardImportsAreReadLineByLine() {
    assertEquals(
        List.of("a.b", "c"),
        wildcardImports("import a.b.*;\nimport static x.Y.z;\nimport d.E;\nimport c.*;\nrun();"));
  }
}
