package dev.errata.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses {@code --name value} pairs and positional arguments of the command-line tools. */
record Args(Map<String, String> options, List<String> positional) {

  static Args parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Option " + args[i] + " needs a value");
        }
        options.put(args[i], args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    return new Args(Map.copyOf(options), List.copyOf(positional));
  }

  Optional<Path> path(String name) {
    return Optional.ofNullable(options.get(name)).map(Path::of);
  }
}
