package dev.errata.log;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: initdb into a folder under target/, listening on
 * 127.0.0.1 only, password authentication. PostgreSQL refuses to run as root, so as root it runs
 * as the {@code postgres} user that Debian's package creates.
 */
final class PostgresServer {

  static final String USER = "errata";
  static final String PASSWORD = "pg-s3cret-for-tests";

  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresServer(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Starts a new server; fails with the package to install when PostgreSQL is missing. */
  static PostgresServer start() throws Exception {
    Path bin = binaries();
    Path dir = TestFolders.fresh("postgres");
    Path data = dir.resolve("data");
    Path pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"), root);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Files.writeString(data.resolve("postgresql.conf"),
        "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
            + "fsync = off\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    PostgresServer server = new PostgresServer(bin, data, port);
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), root);
    return server;
  }

  /** Returns a JDBC URL for database {@code db}, password included. */
  String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=" + USER + "&password=" + PASSWORD;
  }

  /** Stops the server. */
  void stop() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), root);
  }

  private static Path binaries() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        List<Path> found = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
            .sorted(Comparator.comparing((Path b) -> versionOf(b)).reversed()).toList();
        if (!found.isEmpty()) {
          return found.get(0);
        }
      }
    }
    throw new AssertionError("PostgreSQL server binaries (initdb, pg_ctl) not found under "
        + lib + "/*/bin; install the Debian package: apt-get install -y postgresql");
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void run(List<String> command, boolean asPostgres) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (asPostgres) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(command);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
  }
}
