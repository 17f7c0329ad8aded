package dev.errata.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the committed scikit-learn script on inputs written under target/ and reads its answers. */
final class SklearnReference {

  static final String PYTHON = "/usr/bin/python3";
  static final String INSTALL =
      "scikit-learn 1.2 is needed for the differential test; install it with"
          + " `apt-get install -y python3-sklearn` (Debian 12 ships 1.2.1)";

  private SklearnReference() {}

  /** Fails the calling test, saying how to install scikit-learn, when it cannot be imported. */
  static void requireSklearn() throws Exception {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      fail(PYTHON + " is missing. " + INSTALL);
    }
    Process check =
        new ProcessBuilder(PYTHON, "-c", "import sklearn, numpy; print(sklearn.__version__)")
            .redirectErrorStream(true)
            .start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
      fail(INSTALL + "\n" + out);
    }
    if (!out.startsWith("1.2")) {
      fail(INSTALL + "; found scikit-learn " + out);
    }
  }

  /** Writes {@code cases} as JSON, runs the reference script and returns its "cases" object. */
  static JsonNode run(Object cases, String name) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path dir = Files.createDirectories(Path.of("target", "sklearn-reference"));
    Path in = dir.resolve(name + "-input.json");
    Path out = dir.resolve(name + "-output.json");
    mapper.writeValue(in.toFile(), cases);
    Path script = script(dir);
    Process p =
        new ProcessBuilder(PYTHON, script.toString(), in.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("The scikit-learn reference script failed:\n" + log);
    }
    return mapper.readTree(out.toFile()).get("cases");
  }

  private static Path script(Path dir) throws IOException {
    Path script = dir.resolve("sklearn_reference.py");
    try (var in = SklearnReference.class.getResourceAsStream("sklearn_reference.py")) {
      if (in == null) {
        fail("sklearn_reference.py is not on the test class path");
      }
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  /** Returns a JSON number as a double: null is NaN, "inf"/"-inf" are infinities. */
  static double number(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    if (node.isTextual()) {
      return node.textValue().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return node.doubleValue();
  }
}
