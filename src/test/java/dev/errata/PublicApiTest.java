package dev.errata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the library's public API free of internal types and of clashing simple names. */
class PublicApiTest {

  static final JavaClasses LIBRARY = ApiRules.mainClasses("dev.errata");

  @Test
  void noPublicSignatureNamesAnInternalType() {
    classes()
        .that(ApiRules.API_OUTSIDE_INTERNAL)
        .should(ApiRules.EXPOSE_NO_INTERNAL_TYPE)
        .check(LIBRARY);
  }

  @Test
  void noTwoPublicLibraryTypesShareASimpleName() {
    List<String> packages =
        LIBRARY.stream()
            .map(JavaClass::getPackageName)
            .filter(p -> !p.startsWith(ApiRules.INTERNAL))
            .distinct()
            .toList();
    assertEquals(Map.of(), ApiRules.sharedSimpleNames(LIBRARY, packages));
  }

  /** A type that leaks internal types the ways a signature can: the rule must see them all. */
  public static class Leaky {
    public dev.errata.internal.RowBits field;
    private dev.errata.internal.RowBits hidden;

    public java.util.List<java.util.Map<String, dev.errata.internal.RowBits>> nested() {
      return null;
    }

    public void array(dev.errata.internal.RowBits[][] rows) {}

    protected void write(dev.errata.internal.AtomicFile.Body body) {}

    dev.errata.internal.RowBits packagePrivate() {
      return hidden;
    }

    /** Holds a component of an internal type. */
    public record Reference(dev.errata.internal.RowBits bits) {}
  }

  @Test
  void theRuleFindsInternalTypesInFieldsTypeArgumentsArraysNestedTypesAndRecords() {
    JavaClasses fixture = new ClassFileImporter().importClasses(Leaky.class, Leaky.Reference.class);
    String leaky = Leaky.class.getName();
    String bits = "[dev.errata.internal.RowBits]";
    assertEquals(
        List.of(
            leaky + ".array([[Ldev.errata.internal.RowBits;) names " + bits,
            leaky + ".field names " + bits,
            leaky + ".nested() names " + bits,
            leaky + ".write(dev.errata.internal.AtomicFile$Body) names [dev.errata.internal.AtomicFile$Body]"),
        ApiRules.internalTypesInSignatures(fixture.get(Leaky.class)).stream().sorted().toList());
    assertEquals(
        List.of(
            Leaky.Reference.class.getName() + ".<init>(dev.errata.internal.RowBits) names " + bits,
            Leaky.Reference.class.getName() + ".bits() names " + bits),
        ApiRules.internalTypesInSignatures(fixture.get(Leaky.Reference.class)).stream()
            .sorted()
            .toList());
  }
}
