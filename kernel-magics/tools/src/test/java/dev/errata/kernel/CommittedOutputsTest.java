package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommittedOutputsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A PNG header (signature and IHDR) of the given size, with {@code tail} as its "pixels". */
  private static String png(int width, int height, String tail) {
    byte[] b = new byte[24 + tail.length()];
    byte[] head = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    System.arraycopy(head, 0, b, 0, 16);
    b[16] = (byte) (width >>> 24);
    b[17] = (byte) (width >>> 16);
    b[18] = (byte) (width >>> 8);
    b[19] = (byte) width;
    b[20] = (byte) (height >>> 24);
    b[21] = (byte) (height >>> 16);
    b[22] = (byte) (height >>> 8);
    b[23] = (byte) height;
    System.arraycopy(tail.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, 24, tail.length());
    return Base64.getEncoder().encodeToString(b);
  }

  private static JsonNode notebook(int count, String text, String png) throws Exception {
    return JSON.readTree(
        "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# t\"},"
            + "{\"cell_type\": \"code\", \"id\": \"runs\", \"execution_count\": " + count + ","
            + " \"source\": [\"%runs --log runs.db\\n\", \"// more\"], \"outputs\": ["
            + "{\"output_type\": \"display_data\", \"data\": {\"text/plain\": " + JSON.writeValueAsString(text) + ","
            + " \"text/html\": \"<img src=\\\"data:image/png;base64," + png + "\\\">\","
            + " \"image/png\": \"" + png + "\"}}]}]}");
  }

  @Test
  void equalOutputsHaveNoDifference() throws Exception {
    JsonNode a = notebook(1, "runs (2 rows)\nid  name\n 1  a\n", png(640, 400, "x"));
    assertEquals(List.of(), CommittedOutputs.differences("07.ipynb", a, a));
  }

  @Test
  void aChangedLineIsNamedByNotebookCellOutputAndLine() throws Exception {
    JsonNode committed = notebook(3, "runs (2 rows)\nid  name\n 1  threshold-0.5\n", png(640, 400, "x"));
    JsonNode fresh = notebook(3, "runs (2 rows)\nid  name\n 1  threshold-0.3\n", png(640, 400, "x"));
    assertEquals(
        List.of(
            "07.ipynb, cell 1 (id runs, \"%runs --log runs.db\"): output 1 text/plain, line 4,"
                + " character 17:\n"
                + "    committed:  1  threshold-0.5\n"
                + "    run now:    1  threshold-0.3"),
        CommittedOutputs.differences("07.ipynb", committed, fresh));
  }

  @Test
  void aPngIsComparedByItsSizeNotItsBytes() throws Exception {
    JsonNode committed = notebook(1, "chart", png(640, 400, "drawn with one font"));
    JsonNode sameSize = notebook(1, "chart", png(640, 400, "drawn with another"));
    JsonNode smaller = notebook(1, "chart", png(544, 340, "drawn with one font"));
    assertEquals(List.of(), CommittedOutputs.differences("00.ipynb", committed, sameSize));
    assertEquals(
        List.of(
            "00.ipynb, cell 1 (id runs, \"%runs --log runs.db\"): output 1 text/html, line 4,"
                + " character 30:\n"
                + "    committed: <img src=\"data:image/png;PNG 640×400\">\n"
                + "    run now:   <img src=\"data:image/png;PNG 544×340\">"),
        CommittedOutputs.differences("00.ipynb", committed, smaller));
  }

  @Test
  void aDifferentExecutionCountIsNamed() throws Exception {
    assertEquals(
        List.of("00.ipynb, cell 1 (id runs, \"%runs --log runs.db\"): execution count 2 committed, 5 in the run"),
        CommittedOutputs.differences(
            "00.ipynb", notebook(2, "x", png(1, 1, "")), notebook(5, "x", png(1, 1, ""))));
  }
}
