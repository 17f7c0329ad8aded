package dev.errata.log;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Describes where a run ran, captured at its start.
 *
 * @param jdk Java version and vendor
 * @param os operating system name, version and architecture
 * @param host the machine's name
 * @param pid the process id
 * @param cpus processors available to the JVM
 * @param maxHeapBytes the heap limit ({@code -Xmx})
 */
public record Environment(String jdk, String os, String host, long pid, int cpus, long maxHeapBytes) {

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
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        host,
        ProcessHandle.current().pid(),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
  }
}
