package dev.errata.log;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The library versions a run records: the file names of the jars on the JVM's class path and on the
 * IJava kernel's ({@code IJAVA_CLASSPATH}, where a {@code dir/*} entry means every jar in dir),
 * which name their versions ({@code tablesaw-core-0.44.4.jar}). Folders of classes are left out:
 * they carry no version.
 */
final class Versions {

  private Versions() {}

  /** Returns the sorted, distinct jar file names of the class paths given (null ones skipped). */
  static List<String> jars(String... classPaths) {
    TreeSet<String> names = new TreeSet<>();
    for (String classPath : classPaths) {
      if (classPath == null) {
        continue;
      }
      for (String entry : classPath.split(File.pathSeparator)) {
        String e = entry.strip();
        if (e.endsWith("*")) {
          names.addAll(jarsIn(Path.of(e.substring(0, e.length() - 1))));
        } else if (e.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
          Path name = Path.of(e).getFileName();
          if (name != null) {
            names.add(name.toString());
          }
        }
      }
    }
    return List.copyOf(names);
  }

  private static List<String> jarsIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
          .toList();
    } catch (IOException e) {
      return List.of(); // an unreadable class-path folder holds nothing the JVM could load either
    }
  }

  /**
   * Returns Errata's version, the JDK and the libraries of two runs as comparison items: the
   * libraries as the jars only one of the runs had ("(same N jars)" when equal).
   */
  static List<RunComparison.Difference> differences(Environment a, Environment b) {
    List<RunComparison.Difference> out = new ArrayList<>();
    out.add(item("errata version", a.errata(), b.errata()));
    out.add(item("jdk", a.jdk(), b.jdk()));
    if (a.libraries().equals(b.libraries())) {
      String same = "(same " + a.libraries().size() + " jars)";
      out.add(item("libraries", same, same));
    } else {
      out.add(
          item(
              "libraries",
              onlyIn(a.libraries(), b.libraries()),
              onlyIn(b.libraries(), a.libraries())));
    }
    return out;
  }

  private static String onlyIn(List<String> mine, List<String> theirs) {
    List<String> only = mine.stream().filter(j -> !theirs.contains(j)).toList();
    return only.isEmpty() ? "(no other jars)" : "only here: " + String.join(", ", only);
  }

  private static RunComparison.Difference item(String name, Object a, Object b) {
    return new RunComparison.Difference(name, Optional.of(a), Optional.of(b));
  }
}
