package dev.errata.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A magic's parsed arguments: positionals, {@code --name value} options (also {@code --name=value})
 * and {@code --flag}s. Nothing is dropped: an unknown option, an option given twice, an option
 * without its value, a flag with a value and an argument the magic does not take are errors that
 * name the magic and the option and show the accepted form.
 */
final class MagicArgs {

  private final Spec spec;
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new TreeSet<>();

  private MagicArgs(Spec spec) {
    this.spec = spec;
  }

  /** Starts describing what magic {@code %magic} accepts. */
  static Spec of(String magic) {
    return new Spec(magic);
  }

  /** What one magic accepts; {@link #parse} reads arguments against it. */
  static final class Spec {
    private final String magic;
    private final List<String> positionals = new ArrayList<>();
    private boolean rest;
    private final Set<String> valued = new TreeSet<>();
    private final Set<String> lists = new TreeSet<>();
    private final Set<String> flagNames = new TreeSet<>();

    private Spec(String magic) {
      this.magic = magic;
    }

    /** Names the positional arguments, in order, as the usage writes them (e.g. PREDICTIONS). */
    Spec positionals(String... names) {
      positionals.addAll(List.of(names));
      return this;
    }

    /** Accepts any number of further positional arguments. */
    Spec rest() {
      rest = true;
      return this;
    }

    /** Adds options that take one value. */
    Spec options(String... names) {
      return options(List.of(names));
    }

    /** Adds options that take one value. */
    Spec options(java.util.Collection<String> names) {
      valued.addAll(names);
      return this;
    }

    /** Adds options whose value is a comma-separated list, one argument: {@code --tags a,b,c}. */
    Spec lists(String... names) {
      lists.addAll(List.of(names));
      valued.addAll(List.of(names));
      return this;
    }

    /** Adds options that take no value. */
    Spec flags(String... names) {
      flagNames.addAll(List.of(names));
      return this;
    }

    /** Parses {@code args} against this description. */
    MagicArgs parse(List<String> args) {
      return new MagicArgs(this).read(args);
    }

    private String prefix() {
      return "%" + magic + ": ";
    }

    private boolean isOption(String arg) {
      String name = optionName(arg);
      return name != null && (valued.contains(name) || flagNames.contains(name));
    }

    private List<String> known() {
      Set<String> all = new TreeSet<>(valued);
      all.addAll(flagNames);
      return all.stream().map(n -> "--" + n).toList();
    }

    /** Returns e.g. {@code --tags a,b,c} or {@code --normalize VALUE}. */
    private String form(String name) {
      return "--" + name + (lists.contains(name) ? " a,b,c" : " VALUE");
    }
  }

  private MagicArgs read(List<String> args) {
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
      if (spec.flagNames.contains(name)) {
        if (value != null) {
          throw new IllegalArgumentException(
              spec.prefix()
                  + "--"
                  + name
                  + " takes no value, got \""
                  + arg
                  + "\"; write --"
                  + name);
        }
        if (!flags.add(name)) {
          throw new IllegalArgumentException(
              spec.prefix() + "--" + name + " is given twice; give it once");
        }
        lastOption = null;
      } else if (spec.valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size() || spec.isOption(args.get(i + 1))) {
            throw new IllegalArgumentException(
                spec.prefix()
                    + "--"
                    + name
                    + " needs a value"
                    + (i + 1 < args.size() ? ", got the option " + args.get(i + 1) : "")
                    + "; write "
                    + spec.form(name));
          }
          value = args.get(++i);
        }
        String before = options.put(name, value);
        if (before != null) {
          throw new IllegalArgumentException(
              spec.prefix()
                  + "--"
                  + name
                  + " is given twice (\""
                  + before
                  + "\", then \""
                  + value
                  + "\"); give it once"
                  + (spec.lists.contains(name)
                      ? ", as one list: --" + name + " " + joined(List.of(before, value))
                      : ""));
        }
        lastOption = name;
      } else {
        throw new IllegalArgumentException(
            spec.prefix() + "unknown option --" + name + "; options are " + spec.known());
      }
    }
    return this;
  }

  /**
   * Takes a run of positional arguments; those beyond what the magic accepts are an error. Right
   * after an option's value they are most likely the rest of that value, split by the kernel at
   * spaces (or at a quote: {@code "A","B"} arrives as {@code A} and {@code ,B}).
   */
  private void positionals(List<String> run, String afterOption) {
    for (int i = 0; i < run.size(); i++) {
      if (spec.rest || positional.size() < spec.positionals.size()) {
        positional.add(run.get(i));
        continue;
      }
      List<String> extra = run.subList(i, run.size());
      String quoted = String.join(" ", extra.stream().map(s -> "\"" + s + "\"").toList());
      if (afterOption == null) {
        throw new IllegalArgumentException(
            spec.prefix()
                + "unexpected "
                + quoted
                + "; it takes "
                + (spec.positionals.isEmpty() ? "no arguments" : String.join(" ", spec.positionals))
                + " before its options "
                + spec.known());
      }
      String value = options.get(afterOption);
      List<String> all = new ArrayList<>(List.of(value));
      all.addAll(extra);
      boolean list =
          spec.lists.contains(afterOption)
              || all.stream().anyMatch(s -> s.startsWith(",") || s.endsWith(","));
      throw new IllegalArgumentException(
          spec.prefix()
              + "--"
              + afterOption
              + " \""
              + value
              + "\" is followed by "
              + quoted
              + ", which %"
              + spec.magic
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

  List<String> positional() {
    return positional;
  }

  String positional(int index, String what) {
    if (index >= positional.size()) {
      throw new IllegalArgumentException(spec.prefix() + "missing " + what);
    }
    return positional.get(index);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  String required(String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException(spec.prefix() + "--" + name + " is required");
    }
    return v;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /**
   * Returns the items of list option {@code name} (empty when it is not given); an empty item, as
   * in {@code a,,b} or {@code a,}, is an error showing the list without it.
   */
  List<String> list(String name) {
    String value = options.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> items = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
    if (items.contains("")) {
      List<String> kept = items.stream().filter(s -> !s.isEmpty()).toList();
      throw new IllegalArgumentException(
          spec.prefix()
              + "--"
              + name
              + " \""
              + value
              + "\" has an empty item; separate the items with single commas: "
              + (kept.isEmpty() ? spec.form(name) : "--" + name + " " + joined(kept)));
    }
    return items;
  }

  /** Parses an option's whole number, or throws an error naming the magic and option. */
  static int integer(String magic, String option, String value) {
    long n = whole(magic, option, value);
    if (n != (int) n) {
      throw new IllegalArgumentException(
          "%" + magic + ": --" + option + " takes a whole number up to " + Integer.MAX_VALUE
              + ", got \"" + value + "\"");
    }
    return (int) n;
  }

  /** Parses an option's long whole number, or throws an error naming the magic and option. */
  static long whole(String magic, String option, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%" + magic + ": --" + option + " takes a whole number, got \"" + value + "\"", e);
    }
  }

  /** Parses an option's number, or throws an error naming the magic and option. */
  static double number(String magic, String option, String value) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%" + magic + ": --" + option + " takes a number, got \"" + value + "\"", e);
    }
  }
}
