package dev.errata.log;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds passwords in JDBC URLs and in any text, by one grammar, so what is taken out of a URL to
 * connect is exactly what is hidden when the URL or a driver's message is shown. Recognised forms:
 *
 * <ul>
 *   <li>a parameter whose name ends in {@code password}, or is {@code pwd} or {@code passwd} (any
 *       case) after {@code ?}, {@code &}, {@code ;} or a space: the value runs to the next {@code &
 *       ; ?} that starts another {@code name=}, to white space, or to the end, so it may hold
 *       {@code @ , ; & =}; SQL Server's {@code {braced}} values are read to the closing brace;
 *   <li>user-info {@code //user:password@host}: the last {@code @} before the host ends the
 *       password; the password may hold {@code @ , ; & = :} but not {@code / ? #} or white space
 *       (percent-encode those, as URLs require);
 *   <li>Oracle's {@code jdbc:oracle:thin:user/password@host}: the last {@code @} ends the password.
 * </ul>
 *
 * A value that is ambiguous in URL form (a password holding {@code &name=}) belongs in an
 * environment variable ({@code password=${NAME}}, expanded after the URL is split) or in the
 * connection properties.
 */
final class Secrets {

  /** What a hidden value is replaced by. */
  static final String MASK = "***";

  /** Known secrets shorter than this are hidden where the grammar finds them, not everywhere. */
  private static final int MIN_LITERAL = 3;

  private static final Pattern PARAM =
      Pattern.compile("(?i)(^|[?&;,\\s(])(\\w*password|pwd|passwd)(\\s*[=:]\\s*)");
  private static final Pattern ALREADY_MASKED = Pattern.compile("[;,.)\\]]*(\\s|$)");
  private static final Pattern NEXT_PARAM = Pattern.compile("[&;?][A-Za-z_][\\w.\\-]*=");
  private static final Pattern USER_INFO =
      Pattern.compile("//([^/:@\\s?#;]+):([^/?#\\s]*?)@(?=[^@/?#;\\s]*(?:[/?#\\s]|$))");
  private static final Pattern ORACLE =
      Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:)([^/@\\s:]+)/(\\S*)@");

  private Secrets() {}

  /** Where a secret sits in a text: the whole piece to remove and the value inside it. */
  record Span(Kind kind, String key, int start, int end, int valueStart, int valueEnd) {}

  /** The form a secret was written in. */
  enum Kind {
    PARAM,
    USER_INFO,
    ORACLE
  }

  /**
   * Returns every secret in {@code text}, in order, none overlapping: where two forms overlap, the
   * one that starts first wins (a password holding {@code //a:b@c} stays one parameter value).
   */
  static List<Span> find(String text) {
    List<Span> candidates = new ArrayList<>();
    Matcher o = ORACLE.matcher(text);
    while (o.find()) {
      candidates.add(new Span(Kind.ORACLE, o.group(2), o.start(2), o.end(3), o.start(3), o.end(3)));
    }
    Matcher u = USER_INFO.matcher(text);
    while (u.find()) {
      candidates.add(
          new Span(Kind.USER_INFO, u.group(1), u.start(1), u.end(), u.start(2), u.end(2)));
    }
    Matcher p = PARAM.matcher(text);
    int from = 0;
    while (from < text.length() && p.find(from)) {
      int valueEnd = valueEnd(text, p.end());
      candidates.add(new Span(Kind.PARAM, p.group(2), p.start(2), valueEnd, p.end(), valueEnd));
      from = Math.max(valueEnd, p.end());
    }
    candidates.sort(Comparator.comparingInt(Span::start));
    List<Span> found = new ArrayList<>();
    int taken = 0;
    for (Span s : candidates) {
      if (s.start() >= taken) {
        found.add(s);
        taken = s.end();
      }
    }
    return found;
  }

  private static int valueEnd(String text, int start) {
    if (start < text.length() && text.charAt(start) == '{') {
      for (int i = start + 1; i < text.length(); i++) {
        if (text.charAt(i) == '}') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
            i++;
          } else {
            return i + 1;
          }
        }
      }
      return text.length();
    }
    if (text.startsWith(MASK, start)
        && ALREADY_MASKED.matcher(text).region(start + MASK.length(), text.length()).lookingAt()) {
      return start + MASK.length(); // redacted before: keep the punctuation after it
    }
    int end = start;
    Matcher next = NEXT_PARAM.matcher(text);
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      if ("&;?".indexOf(text.charAt(end)) >= 0 && next.region(end, text.length()).lookingAt()) {
        break;
      }
      end++;
    }
    return end;
  }

  /** Returns {@code text} with every password the grammar finds replaced by {@value #MASK}. */
  static String mask(String text) {
    StringBuilder out = new StringBuilder(text);
    List<Span> spans = find(text);
    for (int i = spans.size() - 1; i >= 0; i--) {
      Span s = spans.get(i);
      out.replace(s.valueStart(), s.valueEnd(), MASK);
    }
    return out.toString();
  }

  /**
   * Returns {@code text} (a URL, an error message; null reads as "") with every password hidden:
   * the {@code known} secret values wherever they appear, then everything the grammar finds.
   */
  static String redact(String text, Collection<String> known) {
    if (text == null) {
      return "";
    }
    String s = text;
    List<String> longestFirst = new ArrayList<>(known);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : longestFirst) {
      if (secret.length() >= MIN_LITERAL) {
        s = s.replace(secret, MASK);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
          s = s.replace(encoded, MASK);
        }
      }
    }
    return mask(s);
  }

  /** Returns the values of properties named as secrets (password, pwd, sslpassword …). */
  static List<String> values(Properties properties) {
    List<String> out = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (secretName(name)) {
        out.add(properties.getProperty(name));
      }
    }
    return out;
  }

  /** Returns whether a property or parameter of this name holds a secret. */
  static boolean secretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith("password") || n.equals("pwd") || n.equals("passwd");
  }

  /**
   * Returns a copy of {@code t} and its causes and suppressed exceptions with their messages
   * redacted, keeping classes' names, SQL states and stack traces, so a driver that echoes its URL
   * cannot show a password through a wrapped cause.
   */
  static Throwable scrub(Throwable t, Collection<String> known) {
    return scrub(t, known, 0);
  }

  private static Throwable scrub(Throwable t, Collection<String> known, int depth) {
    String message = redact(t.getMessage(), known);
    Throwable copy;
    if (t instanceof SQLException sql) {
      String text = t.getClass().getName() + ": " + message;
      copy = new SQLException(text, sql.getSQLState(), sql.getErrorCode());
    } else {
      copy = new Redacted(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + message));
    }
    copy.setStackTrace(t.getStackTrace());
    if (t.getCause() != null && t.getCause() != t && depth < 20) {
      copy.initCause(scrub(t.getCause(), known, depth + 1));
    }
    for (Throwable s : t.getSuppressed()) {
      if (depth < 20) {
        copy.addSuppressed(scrub(s, known, depth + 1));
      }
    }
    return copy;
  }

  /** Stands for an exception whose message was redacted; its message starts with the class. */
  static final class Redacted extends Exception {
    private static final long serialVersionUID = 1L;

    Redacted(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
