package dev.errata.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an executed notebook's outputs, for assertions on what a user would see. */
final class ExecutedNotebook {

  private final JsonNode root;

  private ExecutedNotebook(JsonNode root) {
    this.root = root;
  }

  static ExecutedNotebook read(Path file) throws IOException {
    return new ExecutedNotebook(new ObjectMapper().readTree(file.toFile()));
  }

  /** Returns the code cells' outputs as text: stream text, text/plain, text/html, error values. */
  List<String> codeOutputs() {
    List<String> out = new ArrayList<>();
    for (JsonNode cell : root.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (JsonNode o : cell.get("outputs")) {
        sb.append(join(o.get("text")));
        JsonNode data = o.get("data");
        if (data != null) {
          sb.append(join(data.get("text/plain"))).append('\n').append(join(data.get("text/html")));
        }
        if (o.has("ename")) {
          sb.append("ERROR ").append(o.get("ename").asText()).append(": ");
          sb.append(o.get("evalue").asText()).append('\n');
          sb.append(join(o.get("traceback")));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Returns the code cells' text/html outputs only (what a browser would parse as markup). */
  List<String> htmlOutputs() {
    List<String> out = new ArrayList<>();
    for (JsonNode cell : root.get("cells")) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (JsonNode o : cell.get("outputs")) {
        JsonNode data = o.get("data");
        if (data != null) {
          sb.append(join(data.get("text/html")));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Returns the JSON size in bytes of every output that carries a chart (an image/png bundle). */
  List<Integer> chartOutputSizes() {
    List<Integer> sizes = new ArrayList<>();
    for (JsonNode cell : root.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        if (o.path("data").has("image/png")) {
          sizes.add(o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
      }
    }
    return sizes;
  }

  /** Returns every output of every code cell as one string. */
  String allOutput() {
    return String.join("\n", codeOutputs());
  }

  private static String join(JsonNode node) {
    if (node == null) {
      return "";
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      node.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return node.asText();
  }
}
