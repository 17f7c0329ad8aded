package dev.errata.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one call of a {@link Command}: positionals, {@code --name value} options (also
 * {@code --name=value}) and {@code --flag}s, each value checked against its declared type. Nothing
 * is dropped: an unknown option, an option given twice, an option without its value, a flag with a
 * value, a value of the wrong kind, a missing required argument and an argument the command does
 * not take are errors that name the command and the option, show the text found and say what is
 * accepted.
 *
 * <p>The typed accessors ({@link #integer}, {@link #number}, {@link #choice} …) return the value
 * given, else the declared default. Asking for an option the command does not declare, or with
 * the wrong type, is a bug in the magic and throws {@link IllegalStateException}.
 */
public final class Args {

  private final Command command;
  private final List<String> positional;
  private final Map<String, String> options;
  private final Set<String> flags;

  Args(Command command, List<String> positional, Map<String, String> options, Set<String> flags) {
    this.command = command;
    this.positional = List.copyOf(positional);
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.flags = Set.copyOf(flags);
  }

  private String prefix() {
    return command.display() + ": ";
  }

  /** Returns the command these arguments were parsed against. */
  public Command command() {
    return command;
  }

  /** Returns the positional arguments, in order. */
  public List<String> positional() {
    return List.copyOf(positional);
  }

  /** Returns positional argument {@code index}, or empty when an optional one is not given. */
  public Optional<String> positional(int index) {
    if (index >= command.positionals().size() && command.rest().isEmpty()) {
      throw new IllegalStateException(
          command.display() + " declares no positional argument " + (index + 1));
    }
    return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
  }

  /** Returns required positional argument {@code index} (checked when parsed). */
  public String required(int index) {
    return positional(index)
        .orElseThrow(() -> new IllegalStateException(command.display() + ": positional " + index));
  }

  /** Returns whether option or flag {@code name} was given. */
  public boolean given(String name) {
    declared(name, null);
    return options.containsKey(name) || flags.contains(name);
  }

  /** Returns the value of option {@code name} as given (no default), if given. */
  public Optional<String> option(String name) {
    declared(name, null);
    return Optional.ofNullable(options.get(name));
  }

  /**
   * Returns the value of text or choice option {@code name}: as given, else its default; an error
   * naming the option when it has neither.
   */
  public String text(String name) {
    Command.Option o = declared(name, null);
    String v = options.get(name);
    if (v != null) {
      return v;
    }
    if (!o.byDefault().isEmpty()) {
      return o.byDefault();
    }
    throw new IllegalArgumentException(missing(command, o));
  }

  /** Returns e.g. {@code %slices: --by COL,COL is required: the columns ...}. */
  static String missing(Command command, Command.Option o) {
    return command.display() + ": " + ArgsReader.form(command, o.name()) + " is required: "
        + o.help();
  }

  /**
   * Returns the value of choice option {@code name} (given, else its default), spelled as
   * declared: {@code --realistic YES} is {@code yes}.
   */
  public String choice(String name) {
    return ArgsReader.canonical(declared(name, Command.Type.CHOICE), text(name));
  }

  /** Returns whole-number option {@code name} (given, else its default) as a long. */
  public long whole(String name) {
    declared(name, Command.Type.WHOLE);
    String v = text(name);
    try {
      return Long.parseLong(v.strip().replaceFirst("^\\+", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          prefix() + "--" + name + " takes a whole number up to " + Long.MAX_VALUE
              + ", got \"" + v + "\"", e);
    }
  }

  /** Returns whole-number option {@code name} (given, else its default) as an int. */
  public int integer(String name) {
    long n = whole(name);
    if (n != (int) n) {
      throw new IllegalArgumentException(
          prefix() + "--" + name + " takes a whole number up to " + Integer.MAX_VALUE
              + ", got \"" + text(name) + "\"");
    }
    return (int) n;
  }

  /** Returns whole-number option {@code name} as an int, if given. */
  public Optional<Integer> integerIfGiven(String name) {
    declared(name, Command.Type.WHOLE);
    return options.containsKey(name) ? Optional.of(integer(name)) : Optional.empty();
  }

  /** Returns number option {@code name} (given, else its default). */
  public double number(String name) {
    declared(name, Command.Type.NUMBER);
    return Double.parseDouble(text(name).strip());
  }

  /** Returns number option {@code name}, if given. */
  public Optional<Double> numberIfGiven(String name) {
    declared(name, Command.Type.NUMBER);
    return options.containsKey(name) ? Optional.of(number(name)) : Optional.empty();
  }

  /** Returns option {@code name} as a path, if given. */
  public Optional<Path> path(String name) {
    declared(name, Command.Type.TEXT);
    return option(name).map(Path::of);
  }

  /** Returns whether flag {@code name} was given. */
  public boolean flag(String name) {
    declared(name, Command.Type.FLAG);
    return flags.contains(name);
  }

  /**
   * Returns the items of list option {@code name} (empty when it is not given); an empty item, as
   * in {@code a,,b} or {@code a,}, is an error showing the list without it.
   */
  public List<String> list(String name) {
    declared(name, Command.Type.LIST);
    String value = options.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> items = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    if (items.contains("")) {
      List<String> kept = items.stream().filter(s -> !s.isEmpty()).toList();
      throw new IllegalArgumentException(
          prefix()
              + "--"
              + name
              + " \""
              + value
              + "\" has an empty item; separate the items with single commas: "
              + (kept.isEmpty()
                  ? ArgsReader.form(command, name)
                  : "--" + name + " " + ArgsReader.joined(kept)));
    }
    return items;
  }

  /** Returns option {@code name}; a magic asking for one it does not declare is a bug. */
  private Command.Option declared(String name, Command.Type type) {
    Command.Option o =
        command
            .option(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        command.display() + " declares no option --" + name + "; options are "
                            + ArgsReader.known(command)));
    if (type != null && o.type() != type) {
      throw new IllegalStateException(
          command.display() + " declares --" + name + " as " + o.type() + ", read as " + type);
    }
    return o;
  }
}
