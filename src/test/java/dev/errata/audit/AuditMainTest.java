package dev.errata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditMainTest {

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Path predictions() throws IOException {
    Path f = dir.resolve("preds.csv");
    Files.writeString(
        f,
        "id,accent,y,yhat\n"
            + "r1,us,a,a\nr2,us,a,a\nr3,us,b,b\nr4,us,a,b\nr5,us,a,a\nr6,us,b,a\n"
            + "r7,uk,b,b\nr8,uk,b,b\nr9,uk,a,a\nr10,uk,a,b\n");
    return f;
  }

  private int run(String rules) throws IOException {
    Path r = dir.resolve("rules.txt");
    Files.writeString(r, rules);
    return AuditMain.run(
        new String[] {
          "--predictions",
          predictions().toString(),
          "--actual",
          "y",
          "--predicted",
          "yhat",
          "--id",
          "id",
          "--rules",
          r.toString()
        },
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exitsZeroWhenEveryRulePasses() throws IOException {
    assertEquals(0, run("accuracy >= 0.7\n"));
    assertTrue(out().contains("all 1 rules pass"), out());
  }

  @Test
  void exitsOneAndPrintsTheFailingExamplesWhenARuleFails() throws IOException {
    assertEquals(1, run("accuracy >= 0.7\naccuracy >= 0.75 for every accent\n"));
    assertTrue(out().contains("1 of 2 rules fail"), out());
    assertTrue(out().contains("Failing examples"), out());
    assertTrue(out().contains("r4"), out());
  }

  @Test
  void exitsTwoWithTheRuleErrorOnBadRules() throws IOException {
    assertEquals(2, run("accuracy => 0.7\n"));
    String rules = dir.resolve("rules.txt").toString();
    assertEquals(
        "AuditMain: Line 1 of "
            + rules
            + ", column 10: unknown comparison \"=>\"; use >=, <=, > or <\n"
            + "  accuracy => 0.7\n"
            + "           ^\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void exitsTwoOnAMissingOrUnknownOption() {
    int status =
        AuditMain.run(
            new String[] {"--predictions", "p.csv", "--verbose", "yes"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertEquals(
        "AuditMain: unknown option --verbose; options are [--actual, --debug, --help, --id,"
            + " --positive, --predicted, --predictions, --rules, --sep]\n",
        err.toString(StandardCharsets.UTF_8));
  }

  private int runWith(String... args) {
    return AuditMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path rules() throws IOException {
    return Files.writeString(dir.resolve("rules.txt"), "accuracy >= 0.5\n");
  }

  @Test
  void exitsTwoWithOneLineWhenThePredictionsAreADirectory() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("preds.csv"));
    int status =
        runWith("--predictions", folder.toString(), "--actual", "y", "--predicted", "yhat",
            "--rules", rules().toString());
    assertEquals(2, status);
    assertEquals(
        "AuditMain: --predictions \"" + folder + "\" is a directory; give the predictions CSV\n",
        err());
  }

  @Test
  void exitsTwoWithOneLineAndNoStackTraceWhenTheFileIsNotUtf8() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "id,y,yhat\nr1,caf\u00e9,caf\u00e9\nr2,a,a\n".getBytes(StandardCharsets.ISO_8859_1));
    int status =
        runWith("--predictions", latin1.toString(), "--actual", "y", "--predicted", "yhat",
            "--rules", rules().toString());
    assertEquals(2, status, "a crash on input must not read as a failed rule");
    List<String> lines = err().lines().toList();
    assertEquals(1, lines.size(), err());
    assertTrue(lines.get(0).startsWith("AuditMain: "), err());
    assertTrue(lines.get(0).contains(latin1.toString()), err());
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "y,yhat\ncaf\u00e9,a\n".getBytes(StandardCharsets.ISO_8859_1));
    int status =
        runWith("--predictions", latin1.toString(), "--actual", "y", "--predicted", "yhat",
            "--rules", rules().toString(), "--debug");
    assertEquals(2, status);
    assertTrue(err().lines().count() > 2, err());
    assertTrue(err().contains("\tat dev.errata.audit.AuditMain.audit"), err());
  }

  @Test
  void exitsTwoOnAnOptionGivenTwice() {
    assertEquals(2, runWith("--actual", "y", "--actual", "label"));
    assertEquals(
        "AuditMain: --actual is given twice (\"y\", then \"label\"); give it once\n", err());
  }

  @Test
  void anOptionFollowedByAnotherOptionIsMissingItsValue() {
    assertEquals(2, runWith("--actual", "--predicted", "yhat"));
    assertEquals(
        "AuditMain: --actual needs a value, got the option --predicted; write --actual COL\n",
        err());
  }

  @Test
  void theHelpsExampleParses() {
    assertEquals(
        "rules.txt", AuditMain.COMMAND.parse(AuditMain.COMMAND.exampleArgs()).text("rules"));
  }

  @Test
  void aMissingRequiredOptionIsNamedWithWhatItIs() {
    assertEquals(2, runWith("--predictions", "p.csv", "--actual", "y", "--predicted", "z"));
    assertEquals(
        "AuditMain: --rules FILE is required: the rules, one per line (the README's Audit"
            + " rules)\n",
        err());
  }

  @Test
  void helpPrintsTheFullHelpAndExitsZero() {
    assertEquals(0, runWith("--help"));
    assertEquals(AuditMain.COMMAND.helpText(), out());
    assertTrue(out().startsWith("usage: AuditMain --predictions FILE --actual COL --predicted COL"
        + " [--id COL] [--positive LABEL] [--sep CHAR] --rules FILE [--debug] [--help]\n"), out());
    for (String option : List.of("--predictions", "--actual", "--predicted", "--id", "--positive",
        "--sep", "--rules", "--debug", "--help")) {
      assertTrue(out().contains("\n  " + option + " "), option);
    }
    assertEquals("", err());
  }

  @Test
  void aSeparateJvmExitsNonZeroWhenARuleFails() throws Exception {
    Path rules = dir.resolve("gate.txt");
    Files.writeString(rules, "accuracy >= 0.75 for every accent\n");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    classPath,
                    AuditMain.class.getName(),
                    "--predictions",
                    predictions().toString(),
                    "--actual",
                    "y",
                    "--predicted",
                    "yhat",
                    "--rules",
                    rules.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the audit JVM did not finish");
    assertEquals(1, process.exitValue(), output);
    assertTrue(output.contains("accent = us"), output);
  }
}
