package dev.errata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Declares a {@link Command}, started by {@link Command#line}, {@link Command#cell} or {@link
 * Command#tool}; {@link #required} and {@link #byDefault} apply to the option declared just before
 * them.
 */
public final class CommandBuilder {

  private static final Pattern MAGIC_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern OPTION_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  final Command.Kind kind;
  final String name;
  final List<Command.Positional> positionals = new ArrayList<>();
  Command.Positional rest;
  final Map<String, Command.Option> options = new LinkedHashMap<>();
  final List<List<String>> exactlyOne = new ArrayList<>();
  final Map<String, List<String>> onlyWith = new LinkedHashMap<>();
  final Map<String, List<String>> notWith = new LinkedHashMap<>();
  private String last;
  String summary = "";
  String description = "";
  String body = "";
  String example = "";

  CommandBuilder(Command.Kind kind, String name) {
    if (name == null || (kind != Command.Kind.TOOL && !MAGIC_NAME.matcher(name).matches())) {
      throw new IllegalArgumentException(
          "A magic's name is lower-case letters, digits and -, got \"" + name + "\"");
    }
    this.kind = kind;
    this.name = name;
  }

  /** Says what the command does, in one line (no final full stop). */
  public CommandBuilder summary(String text) {
    summary = nonBlank(text, "summary");
    return this;
  }

  /** Adds the longer explanation shown in the command's full help. */
  public CommandBuilder description(String text) {
    description = nonBlank(text, "description");
    return this;
  }

  /** Gives one invocation as typed, starting with the command's name. */
  public CommandBuilder example(String text) {
    example = nonBlank(text, "example");
    return this;
  }

  /** Adds a required positional argument. */
  public CommandBuilder positional(String name, String help) {
    checkPositionalOrder();
    positionals.add(new Command.Positional(nonBlank(name, "name"), nonBlank(help, "help"), true));
    return this;
  }

  /** Adds an optional positional argument; it comes after the required ones. */
  public CommandBuilder optional(String name, String help) {
    checkPositionalOrder();
    positionals.add(new Command.Positional(nonBlank(name, "name"), nonBlank(help, "help"), false));
    return this;
  }

  /** Accepts any number of further positional arguments. */
  public CommandBuilder rest(String name, String help) {
    checkPositionalOrder();
    rest = new Command.Positional(nonBlank(name, "name"), nonBlank(help, "help"), false);
    return this;
  }

  private void checkPositionalOrder() {
    if (rest != null) {
      throw new IllegalStateException(name + ": no positional after the rest");
    }
  }

  /** Adds an option taking one value, as written. */
  public CommandBuilder text(String name, String placeholder, String help) {
    return add(name, Command.Type.TEXT, placeholder, List.of(), help);
  }

  /** Adds an option taking a whole number. */
  public CommandBuilder whole(String name, String placeholder, String help) {
    return add(name, Command.Type.WHOLE, placeholder, List.of(), help);
  }

  /** Adds an option taking a number such as 0.95. */
  public CommandBuilder number(String name, String placeholder, String help) {
    return add(name, Command.Type.NUMBER, placeholder, List.of(), help);
  }

  /** Adds an option taking a comma-separated list, as one argument: {@code --tags a,b,c}. */
  public CommandBuilder list(String name, String placeholder, String help) {
    return add(name, Command.Type.LIST, placeholder, List.of(), help);
  }

  /** Adds an option taking no value. */
  public CommandBuilder flag(String name, String help) {
    return add(name, Command.Type.FLAG, "", List.of(), help);
  }

  /** Adds an option taking one of {@code choices} (in any case: YES is yes). */
  public CommandBuilder choice(String name, String help, String... choices) {
    if (choices.length < 2) {
      throw new IllegalArgumentException(name + ": a choice needs two values or more");
    }
    return add(name, Command.Type.CHOICE, String.join("|", choices), List.of(choices), help);
  }

  private CommandBuilder add(
      String option, Command.Type type, String placeholder, List<String> choices, String help) {
    if (!OPTION_NAME.matcher(option).matches()) {
      throw new IllegalArgumentException(
          "An option's name is lower-case letters, digits and -, got \"" + option + "\"");
    }
    if (options.containsKey(option)) {
      throw new IllegalArgumentException(name + ": option --" + option + " is declared twice");
    }
    if (type != Command.Type.FLAG) {
      nonBlank(placeholder, "placeholder");
    }
    options.put(
        option, new Command.Option(option, type, placeholder, choices, "", false, nonBlank(help, "help")));
    last = option;
    return this;
  }

  /** Makes the option declared last required. */
  public CommandBuilder required() {
    Command.Option o = lastOption("required");
    if (!o.byDefault().isEmpty()) {
      throw new IllegalStateException(name + ": --" + o.name() + " has a default");
    }
    options.put(
        o.name(),
        new Command.Option(o.name(), o.type(), o.placeholder(), o.choices(), "", true, o.help()));
    return this;
  }

  /**
   * Gives the option declared last the value used when it is not given; it must be a value
   * that option accepts.
   */
  public CommandBuilder byDefault(Object value) {
    Command.Option o = lastOption("byDefault");
    String text = String.valueOf(value);
    if (o.type() == Command.Type.FLAG || o.required()) {
      throw new IllegalStateException(name + ": --" + o.name() + " takes no default");
    }
    ArgsReader.check(switch (kind) {
      case LINE -> "%" + name;
      case CELL -> "%%" + name;
      case TOOL -> name;
    }, o, text);
    options.put(
        o.name(),
        new Command.Option(o.name(), o.type(), o.placeholder(), o.choices(), text, false, o.help()));
    return this;
  }

  /** Adds options shared by several commands (e.g. the tag options), declared in one place. */
  public CommandBuilder apply(java.util.function.UnaryOperator<CommandBuilder> shared) {
    return shared.apply(this);
  }

  /** Requires exactly one of the given options, declared before. */
  public CommandBuilder exactlyOne(String... names) {
    for (String n : names) {
      if (!options.containsKey(n)) {
        throw new IllegalStateException(name + ": no option --" + n + " declared yet");
      }
    }
    exactlyOne.add(List.of(names));
    return this;
  }

  /** Accepts option {@code name} only together with one of {@code others} (all declared before). */
  public CommandBuilder onlyWith(String name, String... others) {
    declared(name, others);
    onlyWith.put(name, List.of(others));
    return this;
  }

  /** Refuses option {@code name} together with any of {@code others} (all declared before). */
  public CommandBuilder notWith(String name, String... others) {
    declared(name, others);
    notWith.put(name, List.of(others));
    return this;
  }

  private void declared(String first, String... more) {
    List<String> all = new ArrayList<>(List.of(more));
    all.add(0, first);
    for (String n : all) {
      if (!options.containsKey(n)) {
        throw new IllegalStateException(name + ": no option --" + n + " declared yet");
      }
    }
  }

  private Command.Option lastOption(String what) {
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
    if (kind == Command.Kind.TOOL) {
      flag("debug", "on a failure, prints the stack trace too");
      flag("help", "prints this help and exits");
    }
    return new Command(this);
  }

  static String nonBlank(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A command's " + what + " cannot be blank");
    }
    return text.strip();
  }
}
