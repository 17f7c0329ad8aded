package dev.errata.kernel;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.util.List;

/** A set of related magics (loading, metrics, tags …) that registers itself and documents itself. */
interface MagicGroup {

  /** Registers this group's magics; registering again replaces them. */
  void registerInto(Magics magics);

  /** Returns one row per magic: name (with %), usage, what it does. */
  List<MagicHelp> help();

  /** One line of help for one magic. */
  record MagicHelp(String name, String usage, String description) {}
}
