package dev.errata.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a notebook as committed in notebooks/ with the committed form of a fresh run of it
 * ({@code run_notebooks.py} writes it to {@code OUT/committed/}), cell by cell: execution counts
 * and every output's text. A PNG is compared by its size in pixels, not its bytes, which depend on
 * the fonts of the machine that drew it (the SVG beside it and the text carry the chart's data);
 * an SVG by its SHA-256.
 */
final class CommittedOutputs {

  private static final Pattern DATA_URI =
      Pattern.compile("data:(image/png|image/svg\\+xml);base64,([A-Za-z0-9+/=]*)");

  /** Starts the line that names an output in a view (no output line starts so). */
  private static final String LABEL = "@@ ";

  /** Characters shown either side of the first difference in a line. */
  static final int AROUND = 70;

  private CommittedOutputs() {}

  /**
   * Returns one line per cell whose outputs differ, naming the notebook, the cell (index, id and
   * first source line), the output, the line and character, with both versions of the line; empty
   * when the committed outputs are what a run gives now.
   */
  static List<String> differences(Path committed, Path fresh) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return differences(
        committed.getFileName().toString(),
        json.readTree(committed.toFile()),
        json.readTree(fresh.toFile()));
  }

  static List<String> differences(String name, JsonNode committed, JsonNode fresh) {
    List<String> out = new ArrayList<>();
    JsonNode was = committed.path("cells");
    JsonNode now = fresh.path("cells");
    if (was.size() != now.size()) {
      out.add(name + ": " + was.size() + " cells committed, " + now.size() + " in the run");
      return out;
    }
    for (int i = 0; i < was.size(); i++) {
      JsonNode a = was.get(i);
      JsonNode b = now.get(i);
      if (!a.path("cell_type").asText().equals("code")) {
        continue;
      }
      String cell =
          name + ", cell " + i + " (id " + a.path("id").asText("?") + ", \"" + firstLine(a) + "\")";
      if (!a.path("execution_count").equals(b.path("execution_count"))) {
        out.add(cell + ": execution count " + a.path("execution_count") + " committed, "
            + b.path("execution_count") + " in the run");
        continue;
      }
      List<String> linesA = view(a.path("outputs"));
      List<String> linesB = view(b.path("outputs"));
      String diff = firstDifference(linesA, linesB);
      if (diff != null) {
        out.add(cell + ": " + diff);
      }
    }
    return out;
  }

  /** Returns a cell's outputs as labelled lines of text, images reduced to what is compared. */
  static List<String> view(JsonNode outputs) {
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (JsonNode o : outputs) {
      String output = "output " + ++n + " ";
      String type = o.path("output_type").asText();
      if (o.has("text")) {
        add(lines, output + type + " " + o.path("name").asText(), text(o.get("text")));
      }
      o.path("data").properties().forEach(e -> add(lines, output + e.getKey(),
          e.getKey().equals("image/png") ? png(text(e.getValue())) : masked(text(e.getValue()))));
      if (type.equals("error")) {
        add(lines, output + "error " + o.path("ename").asText(),
            o.path("evalue").asText() + "\n" + text(o.path("traceback")));
      }
    }
    return lines;
  }

  private static void add(List<String> lines, String label, String text) {
    lines.add(LABEL + label);
    lines.addAll(List.of(text.split("\n", -1)));
  }

  /** Returns {@code html} with each PNG data URI as its size and each SVG one as its hash. */
  static String masked(String html) {
    Matcher m = DATA_URI.matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String shown = m.group(1).equals("image/png") ? png(m.group(2)) : svg(m.group(2));
      m.appendReplacement(sb, Matcher.quoteReplacement("data:" + m.group(1) + ";" + shown));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Returns a PNG (base64) as its size, read from its header: "PNG 640×400". */
  static String png(String base64) {
    byte[] bytes = Base64.getMimeDecoder().decode(base64);
    if (bytes.length < 24) {
      return "PNG of " + bytes.length + " bytes, no header";
    }
    java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes); // IHDR: width, height, big-endian
    long width = Integer.toUnsignedLong(header.getInt(16));
    return "PNG " + width + "×" + Integer.toUnsignedLong(header.getInt(20));
  }

  private static String svg(String base64) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(Base64.getMimeDecoder().decode(base64));
      return "SVG sha256 " + HexFormat.of().formatHex(sha, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No SHA-256 in this Java runtime", e);
    }
  }

  /** Returns where two views first differ, with both versions of that line; null when equal. */
  static String firstDifference(List<String> committed, List<String> fresh) {
    String label = "";
    for (int i = 0; i < Math.max(committed.size(), fresh.size()); i++) {
      String a = i < committed.size() ? committed.get(i) : null;
      String b = i < fresh.size() ? fresh.get(i) : null;
      if (a != null && a.startsWith(LABEL) && a.equals(b)) {
        label = a.substring(LABEL.length());
      }
      if (a == null || b == null || !a.equals(b)) {
        int c = 0;
        int common = a == null || b == null ? 0 : Math.min(a.length(), b.length());
        while (c < common && a.charAt(c) == b.charAt(c)) {
          c++;
        }
        return (label.isEmpty() ? "outputs" : label)
            + ", line "
            + (i + 1)
            + ", character "
            + (c + 1)
            + ":\n    committed: "
            + around(a, c)
            + "\n    run now:   "
            + around(b, c);
      }
    }
    return null;
  }

  private static String around(String line, int at) {
    if (line == null) {
      return "(nothing)";
    }
    int from = Math.max(0, at - AROUND);
    int to = Math.min(line.length(), at + AROUND);
    return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
  }

  private static String firstLine(JsonNode cell) {
    String source = text(cell.path("source"));
    String first = source.lines().findFirst().orElse("");
    return first.length() > 60 ? first.substring(0, 60) + "…" : first;
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      node.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

}
