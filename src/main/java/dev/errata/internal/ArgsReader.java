package dev.errata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads arguments against a {@link Command} into {@link Args}, refusing what the command does not
 * take; every error names the command and the option, shows the text found and says what is
 * accepted.
 */
final class ArgsReader {

  /** A number as written: digits with an optional sign, point and exponent; no NaN, no hex. */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

  private final Command command;
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new TreeSet<>();

  private ArgsReader(Command command) {
    this.command = command;
  }

  /** Parses {@code args} against {@code command}; see {@link Command#parse}. */
  static Args read(Command command, List<String> args) {
    ArgsReader a = new ArgsReader(command);
    a.read(args);
    // A tool's --help asks for the help, not for a run: nothing else need be complete.
    if (!(command.kind() == Command.Kind.TOOL && a.flags.contains("help"))) {
      a.checkComplete();
    }
    return new Args(command, a.positional, a.options, a.flags);
  }

  private String prefix() {
    return command.display() + ": ";
  }

  private boolean isOption(String arg) {
    String name = optionName(arg);
    return name != null && command.option(name.replaceFirst("=.*", "")).isPresent();
  }

  private List<String> known() {
    return known(command);
  }

  /** Returns the options of {@code command}, sorted, as {@code --name}. */
  static List<String> known(Command command) {
    Set<String> all = new TreeSet<>();
    command.options().forEach(o -> all.add("--" + o.name()));
    return List.copyOf(all);
  }

  /** Returns e.g. {@code --tags a,b,c} or {@code --hlp FILE|VAR}: how to write the option. */
  /** Returns whether option or flag {@code name} was given. */
  private boolean given(String name) {
    return options.containsKey(name) || flags.contains(name);
  }

  private String form(String name) {
    return form(command, name);
  }

  /** Returns how to write option {@code name} of {@code command}, e.g. {@code --by COL,COL}. */
  static String form(Command command, String name) {
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
        throw new IllegalArgumentException(Args.missing(command, o));
      }
    }
    command.onlyWith().forEach(
        (option, others) -> {
          if (given(option) && others.stream().noneMatch(this::given)) {
            throw new IllegalArgumentException(
                prefix()
                    + "--"
                    + option
                    + " only goes with "
                    + String.join(" or ", others.stream().map(this::form).toList()));
          }
        });
    command.notWith().forEach(
        (option, others) -> {
          List<String> clash = others.stream().filter(this::given).toList();
          if (given(option) && !clash.isEmpty()) {
            throw new IllegalArgumentException(
                prefix()
                    + "--"
                    + option
                    + " does not go with "
                    + String.join(", ", clash.stream().map(n -> "--" + n).toList()));
          }
        });
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
  static String canonical(Command.Option o, String value) {
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
  static String joined(List<String> pieces) {
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
}
