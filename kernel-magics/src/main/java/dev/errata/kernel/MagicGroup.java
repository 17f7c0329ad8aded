package dev.errata.kernel;

import dev.errata.internal.Command;
import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of related magics (loading, metrics, tags …). Each magic is bound once, as its {@link
 * Command} with the method that runs it, so the kernel registers exactly the magics {@code
 * %errata} documents.
 */
interface MagicGroup {

  /** Binds each of this group's commands to the method that runs it. */
  void bind(Binder binder);

  /** Returns this group's commands, in the order bound. */
  default List<Command> commands() {
    Binder listing = new Binder(null);
    bind(listing);
    return listing.commands();
  }

  /** Takes the bound commands: registers them into a kernel's magics, and lists them. */
  final class Binder {
    private final Magics magics;
    private final List<Command> commands = new ArrayList<>();

    /** A binder registering into {@code magics}, or only listing when it is null. */
    Binder(Magics magics) {
      this.magics = magics;
    }

    /** Binds line magic {@code command} to {@code run}. */
    void line(Command command, LineMagicFunction<?> run) {
      add(command, Command.Kind.LINE);
      if (magics != null) {
        magics.registerLineMagic(command.name(), run);
      }
    }

    /** Binds cell magic {@code command} to {@code run}. */
    void cell(Command command, CellMagicFunction<?> run) {
      add(command, Command.Kind.CELL);
      if (magics != null) {
        magics.registerCellMagic(command.name(), run);
      }
    }

    private void add(Command command, Command.Kind kind) {
      if (command.kind() != kind) {
        throw new IllegalArgumentException(
            command.display() + " is a " + command.kind() + " command, bound as " + kind);
      }
      if (commands.stream().anyMatch(c -> c.display().equals(command.display()))) {
        throw new IllegalArgumentException(command.display() + " is bound twice");
      }
      commands.add(command);
    }

    /** Returns the commands bound so far. */
    List<Command> commands() {
      return List.copyOf(commands);
    }
  }
}
