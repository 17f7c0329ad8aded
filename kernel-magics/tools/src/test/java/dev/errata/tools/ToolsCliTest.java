package dev.errata.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook tools' exit statuses and messages, run in-process. */
class ToolsCliTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Main main, String... args) {
    return main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A tool's in-process entry point. */
  interface Main {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  @Test
  void renderingWithoutStagingSaysWhatItNeeds() {
    assertEquals(2, run(RenderNotebooks::run, "--out", dir.toString()));
    assertEquals(
        "RenderNotebooks: --staging DIR is required: the assembled kernel folder,"
            + " kernel-magics/target/kernel\n",
        err());
  }

  @Test
  void htmlCheckWithoutPagesSaysWhatItNeeds() {
    assertEquals(2, run(HtmlCheck::run));
    assertEquals(
        "HtmlCheck: name the pages to check; write HtmlCheck [PAGE.html...] [--debug] [--help]\n",
        err());
  }

  @Test
  void theToolsExamplesParseAgainstTheirOwnCommands() {
    for (dev.errata.internal.Command c : java.util.List.of(RenderNotebooks.COMMAND, HtmlCheck.COMMAND)) {
      assertEquals(c, c.parse(c.exampleArgs()).command());
    }
  }
}
