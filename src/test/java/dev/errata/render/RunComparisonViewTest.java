package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.log.ExperimentLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A comparison shows its cells' diff after the tables, escaped in HTML, plain in text. */
class RunComparisonViewTest {

  @Test
  void cellDiffIsEscapedInHtmlAndPlainInText() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "test-render", "compare-" + System.nanoTime()));
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString())) {
      long a = log.start("a", Map.of(), dir).source("x = \"<b>\" & 1;\n").finish().id();
      long b = log.start("b", Map.of(), dir).source("x = \"<i>\" & 2;\n").finish().id();
      View v = View.of(log.compare(a, b)).orElseThrow();
      assertTrue(
          v.html().endsWith("<p style=\"margin:.4em 0 .2em\">The %%experiment cells differ:</p>"
              + "<pre style=\"margin:0 0 .4em;white-space:pre-wrap\">--- run 1 (a) cell\n"
              + "+++ run 2 (b) cell\n@@ -1 +1 @@\n-x = &quot;&lt;b&gt;&quot; &amp; 1;\n"
              + "+x = &quot;&lt;i&gt;&quot; &amp; 2;</pre>"),
          v.html());
      assertFalse(v.html().contains("<b>"), v.html());
      assertTrue(
          v.text().endsWith("The %%experiment cells differ:\n--- run 1 (a) cell\n+++ run 2 (b)"
              + " cell\n@@ -1 +1 @@\n-x = \"<b>\" & 1;\n+x = \"<i>\" & 2;\n"),
          v.text());
    }
  }
}
