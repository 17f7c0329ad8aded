package dev.errata.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the arguments of a command-line tool: {@code --name value} options, the flags every tool
 * takes ({@code --debug}, {@code --help}) and positional arguments. An unknown option, an option
 * given twice or one without its value is an error that names it. Public for the notebook tools
 * module ({@code kernel-magics/tools}).
 *
 * @param options option values by name (without the dashes)
 * @param flags the flags given, by name
 * @param positional the other arguments, in order
 */
public record Args(Map<String, String> options, Set<String> flags, List<String> positional) {

  /** Flags every tool takes: {@code --debug} adds stack traces, {@code --help} prints the usage. */
  public static final Set<String> FLAGS = Set.of("debug", "help");

  public Args {
    options = Map.copyOf(options);
    flags = Set.copyOf(flags);
    positional = List.copyOf(positional);
  }

  /** Parses {@code args}; {@code valued} names the options that take a value. */
  public static Args parse(String[] args, Set<String> valued) {
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      if (FLAGS.contains(name)) {
        flags.add(name);
      } else if (valued.contains(name)) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        String value = args[++i];
        String before = options.put(name, value);
        if (before != null) {
          throw new IllegalArgumentException(
              arg + " is given twice (\"" + before + "\", then \"" + value + "\"); give it once");
        }
      } else {
        Set<String> known = new TreeSet<>(valued);
        known.addAll(FLAGS);
        throw new IllegalArgumentException(
            "unknown option "
                + arg
                + "; options are "
                + known.stream().map(n -> "--" + n).toList());
      }
    }
    return new Args(options, flags, positional);
  }

  /** Returns option {@code name} (without dashes) as a path, if given. */
  public Optional<Path> path(String name) {
    return Optional.ofNullable(options.get(name)).map(Path::of);
  }

  /** Returns whether flag {@code name} (without dashes) was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** Throws unless no positional arguments were given. */
  public Args noPositionals() {
    if (!positional.isEmpty()) {
      throw new IllegalArgumentException(
          "unexpected "
              + positional.stream().map(p -> "\"" + p + "\"").toList()
              + "; this tool takes only options");
    }
    return this;
  }
}
