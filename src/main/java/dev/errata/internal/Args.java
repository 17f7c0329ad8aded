package dev.errata.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

  /** A number as written: digits with an optional sign, point and exponent; no NaN, no hex. */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

  private final Command command;
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new TreeSet<>();

  private Args(Command command) {
    this.command = command;
  }

  /** Parses {@code args} against {@code command}; see {@link Command#parse}. */
  static Args read(Command command, List<String> args) {
    Args a = new Args(command);
    a.read(args);
    // A tool's --help asks for the help, not for a run: nothing else need be complete.
    if (!(command.kind() == Command.Kind.TOOL && a.flags.contains("help"))) {
      a.checkComplete();
    }
    return a;
  }

  private String prefix() {
    return command.display() + ": ";
  }

  private boolean isOption(String arg) {
    String name = optionName(arg);
    return name != null && command.option(name.replaceFirst("=.*", "")).isPresent();
  }

  private List<String> known() {
    Set<String> all = new TreeSet<>();
    command.options().forEach(o -> all.add("--" + o.name()));
    return List.copyOf(all);
  }

  /** Returns e.g. {@code --tags a,b,c} or {@code --hlp FILE|VAR}: how to write the option. */
  private String form(String name) {
    Command.Option o = command.option(name).orElseThrow();
    return "--" + name + " " + o.placeholder();
  }

  private boolean isList(String name) {
    return command.option(name).map(o -> o.type() == Command.Type.LIST).orElse(false);
  }

  private void read(List<String> args) {
    String lastOption = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = optionName(arg);
      if (name == null) {
        int stray = i;
        while (i + 1 < args.size() && optionName(args.get(i + 1)) == null) {
          i++;
        }
        positionals(args.subList(stray, i + 1), lastOption);
        lastOption = null;
        continue;
      }
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Optional<Command.Option> declared = command.option(name);
      if (declared.isEmpty()) {
        throw new IllegalArgumentException(
            prefix() + "unknown option --" + name + "; options are " + known());
      }
      if (declared.get().type() == Command.Type.FLAG) {
        if (value != null) {
          throw new IllegalArgumentException(
              prefix() + "--" + name + " takes no value, got \"" + arg + "\"; write --" + name);
        }
        if (!flags.add(name)) {
          throw new IllegalArgumentException(
              prefix() + "--" + name + " is given twice; give it once");
        }
        lastOption = null;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size() || isOption(args.get(i + 1))) {
          throw new IllegalArgumentException(
              prefix()
                  + "--"
                  + name
                  + " needs a value"
                  + (i + 1 < args.size() ? ", got the option " + args.get(i + 1) : "")
                  + "; write "
                  + form(name));
        }
        value = args.get(++i);
      }
      String before = options.put(name, value);
      if (before != null) {
        throw new IllegalArgumentException(
            prefix()
                + "--"
                + name
                + " is given twice (\""
                + before
                + "\", then \""
                + value
                + "\"); give it once"
                + (isList(name)
                    ? ", as one list: --" + name + " " + joined(List.of(before, value))
                    : ""));
      }
      lastOption = name;
    }
  }

  /** Checks what needs the whole call: value types, required arguments and options, groups. */
  private void checkComplete() {
    for (Map.Entry<String, String> e : options.entrySet()) {
      check(command.display(), command.option(e.getKey()).orElseThrow(), e.getValue());
    }
    long required = command.positionals().stream().filter(Command.Positional::required).count();
    if (positional.size() < required) {
      Command.Positional p = command.positionals().get(positional.size());
      throw new IllegalArgumentException(
          prefix() + "missing " + p.name() + " (" + p.help() + "); write " + command.usage());
    }
    for (Command.Option o : command.options()) {
      if (o.required() && !options.containsKey(o.name())) {
        throw new IllegalArgumentException(missing(o));
      }
    }
    for (List<String> group : command.exactlyOne()) {
      long given = group.stream().filter(options::containsKey).count();
      if (given != 1) {
        List<String> forms = group.stream().map(this::form).toList();
        throw new IllegalArgumentException(
            prefix()
                + "give exactly one of "
                + String.join(", ", forms.subList(0, forms.size() - 1))
                + " or "
                + forms.get(forms.size() - 1)
                + (given == 0 ? "" : "; got " + group.stream().filter(options::containsKey)
                    .map(n -> "--" + n).toList()));
      }
    }
  }

  /**
   * Throws unless {@code value} is what option {@code o} of {@code command} (its display name)
   * accepts: a whole number, a number, or one of its choices.
   */
  static void check(String command, Command.Option o, String value) {
    String what =
        switch (o.type()) {
          case WHOLE -> WHOLE.matcher(value.strip()).matches() ? null : "a whole number";
          case NUMBER -> NUMBER.matcher(value.strip()).matches() ? null : "a number";
          case CHOICE -> canonical(o, value) != null ? null : choices(o.choices());
          default -> null;
        };
    if (what != null) {
      throw new IllegalArgumentException(
          command + ": --" + o.name() + " takes " + what + ", got \"" + value + "\"");
    }
  }

  /** Returns the choice of {@code o} that {@code value} names, ignoring case, or null. */
  private static String canonical(Command.Option o, String value) {
    return o.choices().stream().filter(c -> c.equalsIgnoreCase(value)).findFirst().orElse(null);
  }

  /** Returns e.g. {@code true, pred or all}. */
  private static String choices(List<String> choices) {
    return String.join(", ", choices.subList(0, choices.size() - 1))
        + " or "
        + choices.get(choices.size() - 1);
  }

  /**
   * Takes a run of positional arguments; those beyond what the command accepts are an error. Right
   * after an option's value they are most likely the rest of that value, split by the kernel at
   * spaces (or at a quote: {@code "A","B"} arrives as {@code A} and {@code ,B}).
   */
  private void positionals(List<String> run, String afterOption) {
    for (int i = 0; i < run.size(); i++) {
      if (command.rest().isPresent() || positional.size() < command.positionals().size()) {
        positional.add(run.get(i));
        continue;
      }
      List<String> extra = run.subList(i, run.size());
      String quoted = String.join(" ", extra.stream().map(s -> "\"" + s + "\"").toList());
      if (afterOption == null) {
        List<String> names =
            command.positionals().stream()
                .map(p -> p.required() ? p.name() : "[" + p.name() + "]")
                .toList();
        throw new IllegalArgumentException(
            prefix()
                + "unexpected "
                + quoted
                + "; it takes "
                + (names.isEmpty() ? "no arguments" : String.join(" ", names))
                + (known().isEmpty() ? "" : " before its options " + known()));
      }
      String value = options.get(afterOption);
      List<String> all = new ArrayList<>(List.of(value));
      all.addAll(extra);
      boolean list =
          isList(afterOption) || all.stream().anyMatch(s -> s.startsWith(",") || s.endsWith(","));
      throw new IllegalArgumentException(
          prefix()
              + "--"
              + afterOption
              + " \""
              + value
              + "\" is followed by "
              + quoted
              + ", which "
              + command.display()
              + " does not take; "
              + (list
                  ? "give the list as one argument: --" + afterOption + " " + joined(all)
                  : "quote a value with spaces: --"
                      + afterOption
                      + " \""
                      + String.join(" ", all)
                      + "\""));
    }
  }

  /** Joins list pieces as one argument, e.g. {@code ["A", ",B"]} as {@code A,B}. */
  private static String joined(List<String> pieces) {
    List<String> items = new ArrayList<>();
    for (String piece : pieces) {
      for (String item : piece.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    String list = String.join(",", items);
    return list.contains(" ") ? "\"" + list + "\"" : list;
  }

  /** Returns the name of {@code --name} or {@code --name=value}, or null for a positional. */
  private static String optionName(String arg) {
    return arg.startsWith("--") && arg.length() > 2 ? arg.substring(2) : null;
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
    throw new IllegalArgumentException(missing(o));
  }

  /** Returns e.g. {@code %slices: --by COL,COL is required: the columns ...}. */
  private String missing(Command.Option o) {
    return prefix() + form(o.name()) + " is required: " + o.help();
  }

  /**
   * Returns the value of choice option {@code name} (given, else its default), spelled as
   * declared: {@code --realistic YES} is {@code yes}.
   */
  public String choice(String name) {
    return canonical(declared(name, Command.Type.CHOICE), text(name));
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
              + (kept.isEmpty() ? form(name) : "--" + name + " " + joined(kept)));
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
                            + known()));
    if (type != null && o.type() != type) {
      throw new IllegalStateException(
          command.display() + " declares --" + name + " as " + o.type() + ", read as " + type);
    }
    return o;
  }
}
