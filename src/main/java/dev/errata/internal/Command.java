package dev.errata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Declares what a magic or a command-line tool accepts, once: its positional arguments, its typed
 * options (text, whole number, number, list, flag, or a choice among given values) with their
 * defaults and one line of help each, one line saying what it does, and one example. Parsing
 * ({@link #parse}), the usage line, {@code %errata}'s help and the argument errors all come from
 * here, so they cannot disagree.
 *
 * <p>Build one with {@link #line}, {@link #cell} or {@link #tool}; {@link Builder#required} and
 * {@link Builder#byDefault} apply to the option declared just before them.
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

  private static final Pattern MAGIC_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern OPTION_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final Kind kind;
  private final String name;
  private final List<Positional> positionals;
  private final Positional rest;
  private final Map<String, Option> options;
  private final List<List<String>> exactlyOne;
  private final String summary;
  private final String description;
  private final String body;
  private final String example;

  private Command(Builder b) {
    this.kind = b.kind;
    this.name = b.name;
    this.positionals = List.copyOf(b.positionals);
    this.rest = b.rest;
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    this.exactlyOne = List.copyOf(b.exactlyOne);
    this.summary = b.summary;
    this.description = b.description;
    this.body = b.body;
    this.example = b.example;
  }

  /** Starts declaring line magic {@code %name}. */
  public static Builder line(String name) {
    return new Builder(Kind.LINE, name);
  }

  /** Starts declaring cell magic {@code %%name}, whose body is {@code body} (e.g. "rules"). */
  public static Builder cell(String name, String body) {
    Builder b = new Builder(Kind.CELL, name);
    b.body = nonBlank(body, "body");
    return b;
  }

  /**
   * Starts declaring command-line tool {@code name}; it takes {@code --debug} (add stack traces)
   * and {@code --help} (print this help) besides its own options.
   */
  public static Builder tool(String name) {
    return new Builder(Kind.TOOL, name);
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
    return Args.read(this, args);
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
    StringColumn option = StringColumn.create("option");
    StringColumn value = StringColumn.create("value");
    StringColumn byDefault = StringColumn.create("default");
    StringColumn help = StringColumn.create("help");
    for (Positional p : positionals) {
      option.append(p.name());
      value.append(p.required() ? "argument" : "argument, optional");
      byDefault.append("");
      help.append(p.help());
    }
    if (rest != null) {
      option.append(rest.name() + "...");
      value.append("any number of arguments");
      byDefault.append("");
      help.append(rest.help());
    }
    for (Option o : options.values()) {
      option.append("--" + o.name());
      value.append(o.valueText());
      byDefault.append(defaultText(o));
      help.append(o.help());
    }
    return Table.create(
        kind == Kind.TOOL ? "Options of " + name : "Arguments and options of " + display(),
        option,
        value,
        byDefault,
        help);
  }

  /** Returns what the options table says of {@code o}'s default. */
  private String defaultText(Option o) {
    Optional<List<String>> group = exactlyOne.stream().filter(g -> g.contains(o.name())).findFirst();
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
  public String helpText() {
    List<String[]> rows = new ArrayList<>();
    for (Positional p : positionals) {
      rows.add(new String[] {p.name(), p.help()});
    }
    if (rest != null) {
      rows.add(new String[] {rest.name() + "...", rest.help()});
    }
    for (Option o : options.values()) {
      String d = defaultText(o);
      String shown = d.isEmpty() || d.startsWith("required") ? d : "default: " + d;
      rows.add(
          new String[] {
            o.type() == Type.FLAG ? "--" + o.name() : "--" + o.name() + " " + o.placeholder(),
            o.help() + (shown.isEmpty() ? "" : " (" + shown + ")")
          });
    }
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    sb.append("usage: ").append(usage()).append("\n\n");
    sb.append(about()).append("\n\n");
    for (String[] row : rows) {
      List<String> lines = wrap(row[1], Math.max(40, 100 - width - 4));
      for (int l = 0; l < lines.size(); l++) {
        String first = l == 0 ? row[0] : "";
        sb.append("  ").append(first).append(" ".repeat(width - first.length() + 2));
        sb.append(lines.get(l)).append('\n');
      }
    }
    sb.append("\nE.g. ").append(example).append('\n');
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

  @Override
  public String toString() {
    return usage();
  }

  /** Declares a command; see {@link Command}. */
  public static final class Builder {
    private final Kind kind;
    private final String name;
    private final List<Positional> positionals = new ArrayList<>();
    private Positional rest;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final List<List<String>> exactlyOne = new ArrayList<>();
    private String last;
    private String summary = "";
    private String description = "";
    private String body = "";
    private String example = "";

    private Builder(Kind kind, String name) {
      if (name == null || (kind != Kind.TOOL && !MAGIC_NAME.matcher(name).matches())) {
        throw new IllegalArgumentException(
            "A magic's name is lower-case letters, digits and -, got \"" + name + "\"");
      }
      this.kind = kind;
      this.name = name;
    }

    /** Says what the command does, in one line (no final full stop). */
    public Builder summary(String text) {
      summary = nonBlank(text, "summary");
      return this;
    }

    /** Adds the longer explanation shown in the command's full help. */
    public Builder description(String text) {
      description = nonBlank(text, "description");
      return this;
    }

    /** Gives one invocation as typed, starting with the command's name. */
    public Builder example(String text) {
      example = nonBlank(text, "example");
      return this;
    }

    /** Adds a required positional argument. */
    public Builder positional(String name, String help) {
      checkPositionalOrder();
      positionals.add(new Positional(nonBlank(name, "name"), nonBlank(help, "help"), true));
      return this;
    }

    /** Adds an optional positional argument; it comes after the required ones. */
    public Builder optional(String name, String help) {
      checkPositionalOrder();
      positionals.add(new Positional(nonBlank(name, "name"), nonBlank(help, "help"), false));
      return this;
    }

    /** Accepts any number of further positional arguments. */
    public Builder rest(String name, String help) {
      checkPositionalOrder();
      rest = new Positional(nonBlank(name, "name"), nonBlank(help, "help"), false);
      return this;
    }

    private void checkPositionalOrder() {
      if (rest != null) {
        throw new IllegalStateException(name + ": no positional after the rest");
      }
    }

    /** Adds an option taking one value, as written. */
    public Builder text(String name, String placeholder, String help) {
      return add(name, Type.TEXT, placeholder, List.of(), help);
    }

    /** Adds an option taking a whole number. */
    public Builder whole(String name, String placeholder, String help) {
      return add(name, Type.WHOLE, placeholder, List.of(), help);
    }

    /** Adds an option taking a number such as 0.95. */
    public Builder number(String name, String placeholder, String help) {
      return add(name, Type.NUMBER, placeholder, List.of(), help);
    }

    /** Adds an option taking a comma-separated list, as one argument: {@code --tags a,b,c}. */
    public Builder list(String name, String placeholder, String help) {
      return add(name, Type.LIST, placeholder, List.of(), help);
    }

    /** Adds an option taking no value. */
    public Builder flag(String name, String help) {
      return add(name, Type.FLAG, "", List.of(), help);
    }

    /** Adds an option taking one of {@code choices} (in any case: YES is yes). */
    public Builder choice(String name, String help, String... choices) {
      if (choices.length < 2) {
        throw new IllegalArgumentException(name + ": a choice needs two values or more");
      }
      return add(name, Type.CHOICE, String.join("|", choices), List.of(choices), help);
    }

    private Builder add(
        String option, Type type, String placeholder, List<String> choices, String help) {
      if (!OPTION_NAME.matcher(option).matches()) {
        throw new IllegalArgumentException(
            "An option's name is lower-case letters, digits and -, got \"" + option + "\"");
      }
      if (options.containsKey(option)) {
        throw new IllegalArgumentException(name + ": option --" + option + " is declared twice");
      }
      if (type != Type.FLAG) {
        nonBlank(placeholder, "placeholder");
      }
      options.put(
          option, new Option(option, type, placeholder, choices, "", false, nonBlank(help, "help")));
      last = option;
      return this;
    }

    /** Makes the option declared last required. */
    public Builder required() {
      Option o = lastOption("required");
      if (!o.byDefault().isEmpty()) {
        throw new IllegalStateException(name + ": --" + o.name() + " has a default");
      }
      options.put(
          o.name(),
          new Option(o.name(), o.type(), o.placeholder(), o.choices(), "", true, o.help()));
      return this;
    }

    /**
     * Gives the option declared last the value used when it is not given; it must be a value
     * that option accepts.
     */
    public Builder byDefault(Object value) {
      Option o = lastOption("byDefault");
      String text = String.valueOf(value);
      if (o.type() == Type.FLAG || o.required()) {
        throw new IllegalStateException(name + ": --" + o.name() + " takes no default");
      }
      Args.check(switch (kind) {
        case LINE -> "%" + name;
        case CELL -> "%%" + name;
        case TOOL -> name;
      }, o, text);
      options.put(
          o.name(),
          new Option(o.name(), o.type(), o.placeholder(), o.choices(), text, false, o.help()));
      return this;
    }

    /** Adds options shared by several commands (e.g. the tag options), declared in one place. */
    public Builder apply(java.util.function.UnaryOperator<Builder> shared) {
      return shared.apply(this);
    }

    /** Requires exactly one of the given options, declared before. */
    public Builder exactlyOne(String... names) {
      for (String n : names) {
        if (!options.containsKey(n)) {
          throw new IllegalStateException(name + ": no option --" + n + " declared yet");
        }
      }
      exactlyOne.add(List.of(names));
      return this;
    }

    private Option lastOption(String what) {
      if (last == null) {
        throw new IllegalStateException(name + ": " + what + "() follows no option");
      }
      return options.get(last);
    }

    /** Returns the command; its summary and example are required. */
    public Command build() {
      if (summary.isEmpty() || example.isEmpty()) {
        throw new IllegalStateException(name + ": give the command a summary and an example");
      }
      if (kind == Kind.TOOL) {
        flag("debug", "on a failure, prints the stack trace too");
        flag("help", "prints this help and exits");
      }
      return new Command(this);
    }
  }

  private static String nonBlank(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A command's " + what + " cannot be blank");
    }
    return text.strip();
  }
}
