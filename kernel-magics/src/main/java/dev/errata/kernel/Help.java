package dev.errata.kernel;

import dev.errata.internal.Command;
import dev.errata.present.Presentable;
import dev.errata.present.Presentation;
import dev.errata.present.Section;
import dev.errata.render.View;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Help for Errata's magics or a tool, made from their {@link Command}s: a presentation like any
 * result's, its table shown whole (every row; the text form wraps long cells instead of cutting
 * them, since a usage line cut at "…" is no help).
 *
 * @param presentation the usage, what the command does, the table of its options, its example
 */
public record Help(Presentation presentation) implements Presentable {

  /**
   * Returns the full help of {@code command}: its usage line and what it does, the table of its
   * arguments and options, and its example.
   */
  static Help of(Command command) {
    List<Presentation.Part> parts = new ArrayList<>();
    parts.add(new Presentation.Block("Usage:", command.usage()));
    if (!command.about().isBlank()) {
      parts.add(new Presentation.Line(Presentation.Tone.PLAIN, command.about()));
    }
    parts.add(Section.of(command.optionsTable()).shownWhole());
    parts.add(new Presentation.Block("Example:", command.example()));
    return new Help(Presentation.of(parts));
  }

  /** Returns help that is one table, shown whole (the list of every magic). */
  static Help of(Table table) {
    return new Help(Presentation.of(Section.of(table).shownWhole()));
  }

  @Override
  public Presentation present() {
    return presentation;
  }

  /** Returns a copy of the help's table. */
  public Table toTable() {
    return presentation.sections().get(0).table().copy();
  }

  /** Returns the help as an HTML fragment, every text escaped. */
  public String html() {
    return View.of(presentation).html();
  }

  /** Returns the help as plain text, nothing cut. */
  public String text() {
    return View.of(presentation).text();
  }

  @Override
  public String toString() {
    return text();
  }
}
