package dev.errata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Tribuo is optional: without it on the class path, Errata loads, compiles against and works. */
class TribuoAbsentTest {

  /** The test class path without Tribuo's jars (and OLCUT, which only Tribuo brings). */
  static final WithoutJars WITHOUT_TRIBUO =
      WithoutJars.of("Tribuo", jar -> jar.matches("(tribuo|olcut)-.*"));

  @Test
  void theLibraryRunsWithoutTribuo() throws Exception {
    try (URLClassLoader loader = WITHOUT_TRIBUO.loader()) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.tribuo.Prediction"));
      Class<?> run = Class.forName(NoTribuo.class.getName(), true, loader);
      assertEquals(2.0 / 3, (double) run.getMethod("accuracy").invoke(null), 1e-15);
      // The front door's methods, fromTribuo included, can be listed (as a kernel's completion
      // does).
      Class<?> errata = Class.forName(Errata.class.getName(), true, loader);
      assertTrue(errata.getMethods().length > 10);
    }
  }

  @Test
  void notebookCodeCallingTheFrontDoorCompilesWithoutTribuo() throws Exception {
    WITHOUT_TRIBUO.assertCompiles(
        "import dev.errata.Errata;",
        "import tech.tablesaw.api.*;",
        "class Cell {",
        "  Object run() {",
        "    Table t = Table.create(\"t\", StringColumn.create(\"a\", \"x\", \"y\"),",
        "        StringColumn.create(\"p\", \"x\", \"x\"));",
        "    return Errata.report(Errata.from(t).actual(\"a\").predicted(\"p\").load());",
        "  }",
        "}");
  }
}
