package dev.errata;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules a notebook user relies on, checked on compiled classes (so a fully qualified reference
 * counts as much as an import): what the public API may expose, and which simple names a set of
 * wildcard imports brings in. Shared with the kernel module's tests through the test jar.
 */
public final class ApiRules {

  /** The package whose types are not API ({@code dev.errata.internal} and below). */
  public static final String INTERNAL = "dev.errata.internal";

  private ApiRules() {}

  /** Returns the main (non-test) classes of {@code packages} and their sub-packages. */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages(packages);
  }

  /** Returns whether code outside {@code c}'s package can name it: it and its enclosers are public. */
  public static boolean isApi(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC) || k.isAnonymousClass()) {
        return false;
      }
    }
    return true;
  }

  /** Matches the API types of every package except {@link #INTERNAL}. */
  public static final DescribedPredicate<JavaClass> API_OUTSIDE_INTERNAL =
      DescribedPredicate.describe(
          "public types outside " + INTERNAL,
          c -> isApi(c) && !inInternal(c));

  /**
   * Holds when no public or protected signature of a type (supertypes, fields, constructors,
   * methods, record accessors, thrown types, type arguments) names a type of {@link #INTERNAL}.
   */
  public static final ArchCondition<JavaClass> EXPOSE_NO_INTERNAL_TYPE =
      new ArchCondition<>("expose no type of " + INTERNAL + " in a public signature") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          for (String leak : internalTypesInSignatures(c)) {
            events.add(SimpleConditionEvent.violated(c, leak));
          }
        }
      };

  /** Returns, for one class, each public signature that names an internal type. */
  public static List<String> internalTypesInSignatures(JavaClass c) {
    List<String> leaks = new ArrayList<>();
    List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
    c.getSuperclass().ifPresent(supertypes::add);
    for (JavaType t : supertypes) {
      report(c.getName() + " extends/implements", List.of(t), leaks);
    }
    for (JavaField f : c.getFields()) {
      if (visible(f.getModifiers())) {
        report(f.getFullName(), List.of(f.getType()), leaks);
      }
    }
    for (JavaCodeUnit u : c.getCodeUnits()) {
      if (visible(u.getModifiers()) && !u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        List<JavaType> types = new ArrayList<>(u.getParameterTypes());
        types.add(u.getReturnType());
        u.getThrowsClause().getTypes().forEach(types::add);
        report(u.getFullName(), types, leaks);
      }
    }
    return leaks;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void report(String where, Collection<JavaType> types, List<String> leaks) {
    Set<String> internal = new TreeSet<>();
    for (JavaType t : types) {
      for (JavaClass raw : t.getAllInvolvedRawTypes()) {
        JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
        if (inInternal(base)) {
          internal.add(base.getName());
        }
      }
    }
    if (!internal.isEmpty()) {
      leaks.add(where + " names " + internal);
    }
  }

  private static boolean inInternal(JavaClass c) {
    String p = c.getPackageName();
    return p.equals(INTERNAL) || p.startsWith(INTERNAL + ".");
  }

  /**
   * Returns the simple names that more than one public top-level type of {@code packages} (each
   * package alone, without its sub-packages, as {@code import p.*;} sees it) uses, with the types.
   */
  public static Map<String, List<String>> sharedSimpleNames(
      JavaClasses classes, Collection<String> packages) {
    Map<String, List<String>> byName = new TreeMap<>();
    for (JavaClass c : classes) {
      if (c.isTopLevelClass()
          && c.getModifiers().contains(JavaModifier.PUBLIC)
          && packages.contains(c.getPackageName())) {
        byName.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(c.getName());
      }
    }
    byName.values().removeIf(names -> names.size() < 2);
    byName.values().forEach(names -> names.sort(null));
    return byName;
  }
}
