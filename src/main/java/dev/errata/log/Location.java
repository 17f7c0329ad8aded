package dev.errata.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a log lives: a SQLite file or any JDBC URL. The password is moved out of the URL into the
 * connection properties, so neither the driver nor any message of ours ever shows it.
 *
 * @param url the JDBC URL without password
 * @param properties connection properties (user and password when the URL carried them)
 * @param shown the location as it may be shown: password replaced by {@code ***}
 * @param file the SQLite file, when the log is one
 */
record Location(String url, Properties properties, String shown, Optional<Path> file) {

  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("([?&;]password=)([^&;]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_PASSWORD =
      Pattern.compile("(password\\s*[=:]\\s*)([^&;,\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("(//)([^/:@?;]+):([^@/?;]*)@");
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  Location {
    Properties copy = new Properties();
    copy.putAll(properties);
    properties = copy;
  }

  /** Returns a copy of the properties, since {@link Properties} is mutable. */
  @Override
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  /**
   * Parses a file path or a JDBC URL; {@code ${NAME}} is replaced by environment variable NAME, so
   * a password need not be written in a notebook.
   */
  static Location parse(String fileOrUrl) {
    if (fileOrUrl == null || fileOrUrl.isBlank()) {
      throw new IllegalArgumentException(
          "Experiment log location is empty; give a file (runs.db) or a JDBC URL (jdbc:...)");
    }
    String raw = expand(fileOrUrl.strip());
    if (!raw.startsWith("jdbc:")) {
      Path file = Path.of(raw).toAbsolutePath().normalize();
      return new Location("jdbc:sqlite:" + file, new Properties(), file.toString(), Optional.of(file));
    }
    Properties props = new Properties();
    String url = raw;
    Matcher info = USER_INFO.matcher(url);
    if (info.find()) {
      props.setProperty("user", info.group(2));
      props.setProperty("password", info.group(3));
      url = url.substring(0, info.start()) + "//" + url.substring(info.end());
    }
    Matcher pw = PASSWORD_PARAM.matcher(url);
    if (pw.find()) {
      props.setProperty("password", pw.group(2));
      String before = url.substring(0, pw.start());
      String after = url.substring(pw.end());
      char sep = pw.group(1).charAt(0);
      url = sep == '?' && after.startsWith("&") ? before + "?" + after.substring(1) : before + after;
    }
    Optional<Path> file = Optional.empty();
    if (url.startsWith("jdbc:sqlite:")) {
      String rest = url.substring("jdbc:sqlite:".length());
      int q = rest.indexOf('?');
      String path = q < 0 ? rest : rest.substring(0, q);
      if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
        file = Optional.of(Path.of(path).toAbsolutePath().normalize());
      }
    }
    return new Location(url, props, redact(raw), file);
  }

  /** Replaces passwords in any text (a URL, an error message) by {@code ***}. */
  static String redact(String text) {
    if (text == null) {
      return "";
    }
    String s = ANY_PASSWORD.matcher(text).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("$1$2:***@");
  }

  /** Returns whether this is a SQLite database. */
  boolean sqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  /** Throws a clear error when the SQLite file cannot be created or written where it should be. */
  void checkFolder() {
    if (file.isEmpty()) {
      return;
    }
    Path f = file.get();
    Path folder = f.getParent();
    String prefix = "Cannot open experiment log " + f + ": ";
    if (Files.isDirectory(f)) {
      throw new ExperimentLogException(prefix + "it is a folder; give a file name such as " + f.resolve("runs.db"));
    }
    if (folder != null) {
      if (!Files.exists(folder)) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
          existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
          throw new ExperimentLogException(prefix + existing + " is a file, not a folder");
        }
        throw new ExperimentLogException(prefix + "folder " + folder + " does not exist; create it or choose another log");
      }
      if (!Files.isDirectory(folder)) {
        throw new ExperimentLogException(prefix + folder + " is a file, not a folder");
      }
      if (!Files.isWritable(folder)) {
        throw new ExperimentLogException(prefix + "folder " + folder + " is read-only; choose another log");
      }
    }
    if (Files.exists(f) && !Files.isWritable(f)) {
      throw new ExperimentLogException(prefix + "the file is read-only; choose another log");
    }
  }

  private static String expand(String s) {
    Matcher m = ENV.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = System.getenv(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "Experiment log location uses ${" + m.group(1) + "}, but that environment variable is not set");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
