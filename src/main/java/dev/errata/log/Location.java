package dev.errata.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a log lives: a SQLite file or any JDBC URL. Every password (see {@link Secrets} for the
 * forms) is moved out of the URL into the connection properties, so neither the driver nor any
 * message of ours ever shows it, and {@link #redact} hides it in any text.
 *
 * @param url the JDBC URL without password
 * @param properties connection properties (user and password when the URL carried them)
 * @param shown the location as it may be shown: password replaced by {@code ***}
 * @param file the SQLite file, when the log is one
 */
record Location(String url, Properties properties, String shown, Optional<Path> file) {

  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

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
    return parse(fileOrUrl, new Properties());
  }

  /**
   * Parses a file path or a JDBC URL to connect with {@code connection} properties added (e.g. a
   * password read from a properties file); a password in the URL takes precedence. A password
   * written as {@code ${NAME}} is taken out of the URL before NAME is expanded, so its value may
   * hold any character.
   */
  static Location parse(String fileOrUrl, Properties connection) {
    if (fileOrUrl == null || fileOrUrl.isBlank()) {
      throw new IllegalArgumentException(
          "Experiment log location is empty; give a file (runs.db) or a JDBC URL (jdbc:...)");
    }
    String raw = fileOrUrl.strip();
    String expanded = expand(raw);
    if (!expanded.startsWith("jdbc:")) {
      Path file = Path.of(expanded).toAbsolutePath().normalize();
      return new Location("jdbc:sqlite:" + file, connection, file.toString(), Optional.of(file));
    }
    Properties props = new Properties();
    props.putAll(connection);
    Properties fromUrl = new Properties();
    String url = takeSecrets(raw, fromUrl);
    for (String k : fromUrl.stringPropertyNames()) {
      props.setProperty(k, expand(fromUrl.getProperty(k)));
    }
    url = takeSecrets(expand(url), props); // a variable that held a whole URL with its password
    Optional<Path> file = Optional.empty();
    if (url.startsWith("jdbc:sqlite:")) {
      String rest = url.substring("jdbc:sqlite:".length());
      int q = rest.indexOf('?');
      String path = q < 0 ? rest : rest.substring(0, q);
      if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
        file = Optional.of(Path.of(path).toAbsolutePath().normalize());
      }
    }
    String shown = Secrets.redact(expand(Secrets.mask(raw)), Secrets.values(props));
    return new Location(url, props, shown, file);
  }

  /** Removes every secret from {@code url} into {@code props} and returns what is left. */
  private static String takeSecrets(String url, Properties props) {
    boolean decode =
        url.startsWith("jdbc:postgresql:")
            || url.startsWith("jdbc:mysql:")
            || url.startsWith("jdbc:mariadb:");
    StringBuilder out = new StringBuilder(url);
    List<Secrets.Span> spans = Secrets.find(url);
    for (int i = spans.size() - 1; i >= 0; i--) {
      Secrets.Span s = spans.get(i);
      String value = url.substring(s.valueStart(), s.valueEnd());
      if (s.kind() != Secrets.Kind.PARAM) {
        props.setProperty("user", s.key());
        props.setProperty("password", decode ? percentDecode(value) : value);
        out.delete(s.start(), s.end());
        continue;
      }
      if (value.length() >= 2 && value.startsWith("{") && value.endsWith("}")) {
        value = value.substring(1, value.length() - 1).replace("}}", "}"); // SQL Server braces
      }
      props.setProperty(s.key(), decode ? percentDecode(value) : value);
      char before = s.start() > 0 ? out.charAt(s.start() - 1) : ' ';
      boolean last = s.end() >= out.length() || out.charAt(s.end()) == '#';
      if (before == '?' && !last && out.charAt(s.end()) == '&') {
        out.delete(s.start(), s.end() + 1);
      } else if ("?&;".indexOf(before) >= 0 && (before != '?' || last)) {
        out.delete(s.start() - 1, s.end());
      } else {
        out.delete(s.start(), s.end());
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes as UTF-8, as the PostgreSQL and MySQL drivers do in URLs. */
  private static String percentDecode(String s) {
    if (!PERCENT.matcher(s).find()) {
      return s;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); ) {
      if (s.charAt(i) == '%' && PERCENT.matcher(s).region(i, s.length()).lookingAt()) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Returns {@code text} (a URL, an error message) with every password hidden. */
  String redact(String text) {
    return Secrets.redact(text, Secrets.values(properties));
  }

  /** Returns a copy of {@code error} and its causes with every password hidden. */
  Throwable scrub(Throwable error) {
    return Secrets.scrub(error, Secrets.values(properties));
  }

  /** Shows the location as it may be shown, never the connection properties. */
  @Override
  public String toString() {
    return "Location[" + shown + "]";
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
      throw new ExperimentLogException(
          prefix + "it is a folder; give a file name such as " + f.resolve("runs.db"));
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
        throw new ExperimentLogException(
            prefix + "folder " + folder + " does not exist; create it or choose another log");
      }
      if (!Files.isDirectory(folder)) {
        throw new ExperimentLogException(prefix + folder + " is a file, not a folder");
      }
      if (!Files.isWritable(folder)) {
        throw new ExperimentLogException(
            prefix + "folder " + folder + " is read-only; choose another log");
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
            "Experiment log location uses ${"
                + m.group(1)
                + "}, but that environment variable is not set");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
