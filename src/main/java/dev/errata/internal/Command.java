package dev.errata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * Declares what a magic or a command-line tool accepts, once: its positional arguments, its typed
 * options (text, whole number, number, list, flag, or a choice among given values) with their
 * defaults and one line of help each, one line saying what it does, and one example. Parsing
 * ({@link #parse}), the usage line, {@code %errata}'s help and the argument errors all come from
 * here, so they cannot disagree.
 *
 * <p>Declare one with {@link #line}, {@link #cell} or {@link #tool}, then {@link CommandBuilder}.
 */
public final class Command {

  /** How a command is invoked. */
  public enum Kind {
    /** {@code %name args}, at the start of any line of a cell or after {@code =}. */
    LINE,
    /** {@code %%name args} as a cell's first line, with a body below it. */
    CELL,
    /** A command-line tool, {@code java ... Name args}. */
    TOOL
  }

  /** What an option's value is; the parser refuses a value of another kind. */
  public enum Type {
    TEXT("text"),
    WHOLE("whole number"),
    NUMBER("number"),
    LIST("list"),
    FLAG("flag, no value"),
    CHOICE("one of");

    private final String words;

    Type(String words) {
      this.words = words;
    }
  }

  /** A positional argument as the usage writes it (e.g. {@code PREDICTIONS}), and what it is. */
  public record Positional(String name, String help, boolean required) {}

  /**
   * One option.
   *
   * @param name the option without its dashes
   * @param placeholder what the usage writes for its value, e.g. {@code COL}; empty for a flag
   * @param choices the accepted values of a {@link Type#CHOICE}, else empty
   * @param byDefault the value used when the option is not given, or empty for none
   */
  public record Option(
      String name,
      Type type,
      String placeholder,
      List<String> choices,
      String byDefault,
      boolean required,
      String help) {

    public Option {
      choices = List.copyOf(choices);
    }

    /** Returns e.g. {@code --tags a,b,c}, {@code --normalize true|pred|all} or {@code --all}. */
    public String form() {
      return type == Type.FLAG ? "--" + name : "--" + name + " " + shownValue();
    }

    /** Returns what the usage line writes as the value: the default, the choices or the name. */
    private String shownValue() {
      if (type == Type.CHOICE) {
        return String.join("|", choices);
      }
      return byDefault.isEmpty() || byDefault.contains(" ") ? placeholder : byDefault;
    }

    /** Returns the value's kind for the help table, e.g. "whole number" or "one of true, pred". */
    public String valueText() {
      return switch (type) {
        case CHOICE -> "one of " + String.join(", ", choices);
        case FLAG -> type.words;
        default -> placeholder + " (" + type.words + ")";
      };
    }
  }

  private final Kind kind;
  private final String name;
  private final List<Positional> positionals;
  private final Positional rest;
  private final Map<String, Option> options;
  private final List<List<String>> exactlyOne;
  private final Map<String, List<String>> onlyWith;
  private final Map<String, List<String>> notWith;
  private final String summary;
  private final String description;
  private final String body;
  private final String example;

  Command(CommandBuilder b) {
    this.kind = b.kind;
    this.name = b.name;
    this.positionals = List.copyOf(b.positionals);
    this.rest = b.rest;
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    this.exactlyOne = List.copyOf(b.exactlyOne);
    this.onlyWith = Map.copyOf(b.onlyWith);
    this.notWith = Map.copyOf(b.notWith);
    this.summary = b.summary;
    this.description = b.description;
    this.body = b.body;
    this.example = b.example;
  }

  /** Starts declaring line magic {@code %name}. */
  public static CommandBuilder line(String name) {
    return new CommandBuilder(Kind.LINE, name);
  }

  /** Starts declaring cell magic {@code %%name}, whose body is {@code body} (e.g. "rules"). */
  public static CommandBuilder cell(String name, String body) {
    CommandBuilder b = new CommandBuilder(Kind.CELL, name);
    b.body = CommandBuilder.nonBlank(body, "body");
    return b;
  }

  /**
   * Starts declaring command-line tool {@code name}; it takes {@code --debug} (add stack traces)
   * and {@code --help} (print this help) besides its own options.
   */
  public static CommandBuilder tool(String name) {
    return new CommandBuilder(Kind.TOOL, name);
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the name without {@code %}, e.g. {@code metrics}. */
  public String name() {
    return name;
  }

  /** Returns the name as typed: {@code %metrics}, {@code %%audit}, or the tool's name. */
  public String display() {
    return switch (kind) {
      case LINE -> "%" + name;
      case CELL -> "%%" + name;
      case TOOL -> name;
    };
  }

  public List<Positional> positionals() {
    return positionals;
  }

  /** Returns the positional that takes any number of further arguments, if any. */
  public Optional<Positional> rest() {
    return Optional.ofNullable(rest);
  }

  /** Returns the options in the order declared. */
  public List<Option> options() {
    return List.copyOf(options.values());
  }

  /** Returns option {@code name} (without dashes), if this command takes it. */
  public Optional<Option> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** Returns the groups of options of which exactly one must be given. */
  public List<List<String>> exactlyOne() {
    return exactlyOne;
  }

  /** Returns the options accepted only together with one of the listed others. */
  public Map<String, List<String>> onlyWith() {
    return onlyWith;
  }

  /** Returns the options refused together with any of the listed others. */
  public Map<String, List<String>> notWith() {
    return notWith;
  }

  /** Returns what the command does, in one line. */
  public String summary() {
    return summary;
  }

  /** Returns the longer explanation beyond {@link #summary()}, or empty. */
  public String description() {
    return description;
  }

  /** Returns what a cell magic's body holds, or empty for other kinds. */
  public String body() {
    return body;
  }

  /** Returns one invocation as typed, e.g. {@code %metrics p --level 0.9}. */
  public String example() {
    return example;
  }

  /** Parses {@code args} (as the kernel split them) against this command. */
  public Args parse(List<String> args) {
    return ArgsReader.read(this, args);
  }

  /** Returns the words of an example or command line, split at spaces outside double quotes. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /** Returns the arguments of {@link #example()}, without the command's own name. */
  public List<String> exampleArgs() {
    String line = example.lines().findFirst().orElse("");
    List<String> words = words(line);
    if (words.isEmpty() || !words.get(0).equals(display())) {
      throw new IllegalStateException(
          display() + "'s example \"" + example + "\" does not start with " + display());
    }
    return words.subList(1, words.size());
  }

  /**
   * Returns the usage line, e.g. {@code %confusion PREDICTIONS [--normalize true|pred|all]
   * [--no-chart]}: positionals, then options as declared; an optional one in brackets, showing its
   * default, its choices or its placeholder; a group of which one is needed in parentheses.
   */
  public String usage() {
    List<String> parts = new ArrayList<>();
    parts.add(display());
    for (Positional p : positionals) {
      parts.add(p.required() ? p.name() : "[" + p.name() + "]");
    }
    if (rest != null) {
      parts.add("[" + rest.name() + "...]");
    }
    Set<String> grouped = new LinkedHashSet<>();
    for (Option o : options.values()) {
      if (grouped.contains(o.name())) {
        continue;
      }
      Optional<List<String>> group =
          exactlyOne.stream().filter(g -> g.contains(o.name())).findFirst();
      if (group.isPresent()) {
        grouped.addAll(group.get());
        parts.add(
            "("
                + group.get().stream()
                    .map(n -> options.get(n).form())
                    .collect(Collectors.joining(" | "))
                + ")");
      } else {
        parts.add(o.required() ? o.form() : "[" + o.form() + "]");
      }
    }
    String line = String.join(" ", parts);
    return kind == Kind.CELL ? line + "  (below it: " + body + ")" : line;
  }

  /** Returns what the command does: its summary, then its description if it has one. */
  public String about() {
    return description.isEmpty() ? summary : summary + ". " + description;
  }

  /**
   * Returns the table of this command's arguments and options: one row each, with its value (kind
   * and placeholder), its default (or "required") and its help.
   */
  public Table optionsTable() {
    return CommandHelp.optionsTable(this);
  }

  /**
   * Returns the help a terminal shows for {@code --help}: the usage line, what the command does,
   * one line per argument and option (help wrapped, never cut) and the example.
   */
  public String helpText() {
    return CommandHelp.helpText(this);
  }

  @Override
  public String toString() {
    return usage();
  }
}
