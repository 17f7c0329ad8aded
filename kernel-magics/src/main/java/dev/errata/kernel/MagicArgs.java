package dev.errata.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a magic's arguments: positionals, {@code --name value} options and {@code --flag}s. An
 * unknown option is an error that lists the known ones.
 */
final class MagicArgs {

  private final String magic;
  private final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> flags = new TreeSet<>();

  private MagicArgs(String magic) {
    this.magic = magic;
  }

  /**
   * Parses {@code args} for magic {@code %magic}.
   *
   * @param valued options that take a value (without the leading dashes)
   * @param flagNames options that take no value
   */
  static MagicArgs parse(String magic, List<String> args, Set<String> valued, Set<String> flagNames) {
    MagicArgs parsed = new MagicArgs(magic);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--") && arg.length() > 2) {
        String name = arg.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (flagNames.contains(name) && value == null) {
          parsed.flags.add(name);
        } else if (valued.contains(name)) {
          if (value == null) {
            if (i + 1 >= args.size()) {
              throw new IllegalArgumentException("%" + magic + ": --" + name + " needs a value");
            }
            value = args.get(++i);
          }
          parsed.options.put(name, value);
        } else {
          Set<String> known = new TreeSet<>(valued);
          known.addAll(flagNames);
          throw new IllegalArgumentException(
              "%" + magic + ": unknown option --" + name + "; options are " + dashed(known));
        }
      } else {
        parsed.positional.add(arg);
      }
    }
    return parsed;
  }

  private static List<String> dashed(Set<String> names) {
    return names.stream().map(n -> "--" + n).toList();
  }

  List<String> positional() {
    return positional;
  }

  String positional(int index, String what) {
    if (index >= positional.size()) {
      throw new IllegalArgumentException("%" + magic + ": missing " + what);
    }
    return positional.get(index);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  String required(String name) {
    String v = options.get(name);
    if (v == null) {
      throw new IllegalArgumentException("%" + magic + ": --" + name + " is required");
    }
    return v;
  }

  boolean flag(String name) {
    return flags.contains(name);
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

  /** Splits a comma-separated option value, dropping blanks. */
  static List<String> list(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
