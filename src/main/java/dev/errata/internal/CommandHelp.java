package dev.errata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Writes a {@link Command}'s help: the table of its options, and the text a terminal shows. */
final class CommandHelp {

  private CommandHelp() {}

  /**
   * Returns the table of this command's arguments and options: one row each, with its value (kind
   * and placeholder), its default (or "required") and its help.
   */
  static Table optionsTable(Command c) {
    StringColumn option = StringColumn.create("option");
    StringColumn value = StringColumn.create("value");
    StringColumn byDefault = StringColumn.create("default");
    StringColumn help = StringColumn.create("help");
    for (Command.Positional p : c.positionals()) {
      option.append(p.name());
      value.append(p.required() ? "argument" : "argument, optional");
      byDefault.append("");
      help.append(p.help());
    }
    c.rest().ifPresent(
        r -> {
          option.append(r.name() + "...");
          value.append("any number of arguments");
          byDefault.append("");
          help.append(r.help());
        });
    for (Command.Option o : c.options()) {
      option.append("--" + o.name());
      value.append(o.valueText());
      byDefault.append(defaultText(c, o));
      help.append(o.help() + rules(c, o));
    }
    return Table.create(
        c.kind() == Command.Kind.TOOL ? "Options of " + c.name() : "Arguments and options of " + c.display(),
        option,
        value,
        byDefault,
        help);
  }

  /** Returns what the help adds about the options {@code o} goes with: " (only with --csv)". */
  private static String rules(Command c, Command.Option o) {
    StringBuilder sb = new StringBuilder();
    List<String> only = c.onlyWith().get(o.name());
    if (only != null) {
      sb.append(" (only with ")
          .append(only.stream().map(n -> "--" + n).collect(Collectors.joining(" or ")))
          .append(')');
    }
    List<String> not = c.notWith().get(o.name());
    if (not != null) {
      sb.append(" (not with ")
          .append(not.stream().map(n -> "--" + n).collect(Collectors.joining(", ")))
          .append(')');
    }
    return sb.toString();
  }

  /** Returns what the options table says of {@code o}'s default. */
  private static String defaultText(Command c, Command.Option o) {
    Optional<List<String>> group =
        c.exactlyOne().stream().filter(g -> g.contains(o.name())).findFirst();
    if (o.required()) {
      return "required";
    }
    if (group.isPresent()) {
      return "required: one of "
          + group.get().stream().map(n -> "--" + n).collect(Collectors.joining(", "));
    }
    return o.byDefault();
  }

  /**
   * Returns the help a terminal shows for {@code --help}: the usage line, what the command does,
   * one line per argument and option (help wrapped, never cut) and the example.
   */
  static String helpText(Command c) {
    List<String[]> rows = new ArrayList<>();
    for (Command.Positional p : c.positionals()) {
      rows.add(new String[] {p.name(), p.help()});
    }
    c.rest().ifPresent(r -> rows.add(new String[] {r.name() + "...", r.help()}));
    for (Command.Option o : c.options()) {
      String d = defaultText(c, o);
      String shown = d.isEmpty() || d.startsWith("required") ? d : "default: " + d;
      rows.add(
          new String[] {
            o.type() == Command.Type.FLAG ? "--" + o.name() : "--" + o.name() + " " + o.placeholder(),
            o.help() + (shown.isEmpty() ? "" : " (" + shown + ")")
          });
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    sb.append("usage: ").append(c.usage()).append("\n\n");
    sb.append(c.about()).append("\n\n");
    for (String[] row : rows) {
      List<String> lines = wrap(row[1], Math.max(40, 100 - width - 4));
      for (int l = 0; l < lines.size(); l++) {
        String first = l == 0 ? row[0] : "";
        sb.append("  ").append(first).append(" ".repeat(width - first.length() + 2));
        sb.append(lines.get(l)).append('\n');
      }
    }
    sb.append("\nE.g. ").append(c.example()).append('\n');
    return sb.toString();
  }

  /** Returns {@code text} in lines of at most {@code width} characters, broken at spaces. */
  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
