package dev.errata.log;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Properties;

/**
 * Describes where a run ran, captured at its start.
 *
 * @param jdk Java version and vendor
 * @param os operating system name, version and architecture
 * @param host the machine's name
 * @param pid the process id
 * @param cpus processors available to the JVM
 * @param maxHeapBytes the heap limit ({@code -Xmx})
 * @param errata the version of Errata that logged the run ({@code ""} for runs logged before it was
 *     recorded)
 * @param libraries the file names of the jars on the class path, sorted (see {@link Versions})
 */
public record Environment(
    String jdk,
    String os,
    String host,
    long pid,
    int cpus,
    long maxHeapBytes,
    String errata,
    List<String> libraries) {

  /** The version recorded when Errata's own version cannot be read. */
  static final String UNKNOWN_VERSION = "unknown";

  private static final String ERRATA_VERSION = readVersion();

  /** Copies the list of libraries. */
  public Environment {
    libraries = List.copyOf(libraries);
  }

  /** Returns the environment of this JVM. */
  public static Environment current() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown (" + e.getMessage() + ")";
    }
    return new Environment(
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        host,
        ProcessHandle.current().pid(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax(),
        ERRATA_VERSION,
        Versions.jars(System.getProperty("java.class.path", ""), System.getenv("IJAVA_CLASSPATH")));
  }

  /** Returns Errata's version as the build wrote it, or {@value #UNKNOWN_VERSION}. */
  static String errataVersion() {
    return ERRATA_VERSION;
  }

  private static String readVersion() {
    try (InputStream in = Environment.class.getResourceAsStream("errata-version.properties")) {
      if (in == null) {
        return UNKNOWN_VERSION;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").strip();
      return v.isEmpty() || v.startsWith("${") ? UNKNOWN_VERSION : v;
    } catch (IOException e) {
      return UNKNOWN_VERSION + " (" + e.getMessage() + ")";
    }
  }
}
