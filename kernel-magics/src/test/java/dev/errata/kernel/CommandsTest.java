package dev.errata.kernel;

import dev.errata.present.Presentation;

import dev.errata.internal.Args;
import dev.errata.internal.Command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Every magic the kernel registers is declared once, and its help and example agree with it. */
class CommandsTest {

  /** A kernel registry that records what is registered into it. */
  private static final class RecordingMagics extends Magics {
    final List<String> registered = new ArrayList<>();

    @Override
    public void registerLineMagic(String name, LineMagicFunction<?> magic) {
      registered.add("%" + name);
      super.registerLineMagic(name, magic);
    }

    @Override
    public void registerCellMagic(String name, CellMagicFunction<?> magic) {
      registered.add("%%" + name);
      super.registerCellMagic(name, magic);
    }
  }

  private final ErrataMagics magics = new ErrataMagics(new FakeNotebook());

  @Test
  void theKernelRegistersExactlyTheDeclaredCommands() {
    RecordingMagics registry = new RecordingMagics();
    magics.registerInto(registry);
    List<String> declared = magics.commands().stream().map(Command::display).toList();
    assertEquals(declared, registry.registered);
    assertEquals(25, declared.size(), declared.toString());
    Table overview = magics.helpTable().toTable();
    assertEquals(declared, overview.stringColumn("magic").asList());
  }

  @Test
  void everyExampleParsesAgainstItsOwnCommand() {
    List<Command> all = new ArrayList<>(magics.commands());
    all.add(KernelInstaller.COMMAND);
    for (Command c : all) {
      Args a = c.parse(c.exampleArgs());
      assertEquals(c, a.command());
    }
  }

  @Test
  void everyArgumentAndOptionIsInItsFullHelpWithItsHelpLine() {
    for (Command c : magics.commands()) {
      Help help = Help.of(c);
      String text = help.text();
      String html = help.html();
      assertTrue(text.startsWith("Usage:\n" + c.usage() + "\n"), text);
      assertTrue(text.contains("Example:\n" + c.example()), text);
      List<String> rows = help.toTable().stringColumn("option").asList();
      List<String> expected = new ArrayList<>();
      c.positionals().forEach(p -> expected.add(p.name()));
      c.rest().ifPresent(r -> expected.add(r.name() + "..."));
      c.options().forEach(o -> expected.add("--" + o.name()));
      assertEquals(expected, rows, c.display());
      for (Command.Option o : c.options()) {
        assertTrue(c.usage().contains("--" + o.name()), c.usage() + " lacks --" + o.name());
        assertTrue(html.contains(">--" + o.name() + "</td>"), c.display() + " --" + o.name());
        // The text form wraps, never cuts: every word of the option's help is there.
        for (String word : o.help().split(" ")) {
          assertTrue(text.contains(word), c.display() + " --" + o.name() + ": " + word);
        }
      }
    }
  }

  @Test
  void helpTextIsNeverCut() {
    String overview = magics.helpTable().text();
    assertFalse(overview.contains("…"), overview);
    for (Command c : magics.commands()) {
      for (String word : c.usage().split(" ")) {
        assertTrue(overview.contains(word), c.display() + ": " + word);
      }
      String full = Help.of(c).text();
      StringBuilder declared = new StringBuilder(c.usage() + c.summary() + c.description());
      c.options().forEach(o -> declared.append(o.help()));
      assertEquals(ellipses(declared.toString()), ellipses(full), full);
    }
  }

  private static long ellipses(String s) {
    return s.chars().filter(ch -> ch == '…').count();
  }

  @Test
  void errataWithoutANameListsEveryMagicAndWithOneShowsItsHelp() throws Exception {
    FakeNotebook notebook = new FakeNotebook();
    Magics registry = new Magics();
    new ErrataMagics(notebook).registerInto(registry);
    Help all = registry.applyLineMagic("errata", List.of());
    assertEquals(List.of("magic", "usage", "what it does"), all.toTable().columnNames());
    assertEquals(all, notebook.displayed.get(0));
    Help cell = registry.applyLineMagic("errata", List.of("%%audit"));
    assertEquals(
        new Presentation.Block("Usage:", SliceMagics.AUDIT_CELL.usage()),
        cell.present().parts().get(0));
    Help line = registry.applyLineMagic("errata", List.of("audit"));
    assertEquals(
        new Presentation.Block("Usage:", SliceMagics.AUDIT.usage()), line.present().parts().get(0));
    assertEquals(
        "%errata: unexpected \"b\"; it takes [NAME]",
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> registry.applyLineMagic("errata", List.of("a", "b")))
            .getMessage());
  }
}
