package dev.errata.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.load.Predictions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares Cohen's kappa (overall, per class one-vs-rest, per tag value) with scikit-learn's {@code
 * cohen_kappa_score} on seeded random annotations, to 1e-12. Fails when scikit-learn is missing.
 */
class CohenSklearnDifferentialTest {

  private static final String SCRIPT =
      String.join(
          "\n",
          "import json, sys",
          "from sklearn.metrics import cohen_kappa_score as k",
          "cases = json.load(open(sys.argv[1]))",
          "out = {}",
          "for name, c in cases.items():",
          "    a, b, tag = c['a'], c['b'], c['tag']",
          "    r = {'overall': k(a, b)}",
          "    for cls in sorted(set(a) | set(b)):",
          "        r['class = ' + cls] = k([x == cls for x in a], [x == cls for x in b])",
          "    for v in sorted(set(tag)):",
          "        ia = [x for x, t in zip(a, tag) if t == v]",
          "        ib = [x for x, t in zip(b, tag) if t == v]",
          "        r['tag = ' + v] = k(ia, ib)",
          "    out[name] = r",
          "json.dump(out, open(sys.argv[2], 'w'))");

  @Test
  void cohenKappaEqualsScikitLearnsCohenKappaScore() throws Exception {
    Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();
    Map<String, AgreementReport> reports = new LinkedHashMap<>();
    Random random = new Random(15);
    String[][] classSets = {{"0", "1"}, {"cat", "dog", "bird"}, {"a", "b", "c", "d", "e"}};
    for (int c = 0; c < 9; c++) {
      String[] classes = classSets[c % 3];
      int n = 20 + random.nextInt(400);
      double agree = random.nextDouble();
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      List<String> tag = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String x = classes[(int) Math.floor(Math.pow(random.nextDouble(), 2) * classes.length)];
        a.add(x);
        b.add(random.nextDouble() < agree ? x : classes[random.nextInt(classes.length)]);
        tag.add(random.nextBoolean() ? "yes" : "no");
      }
      if (c == 8) {
        b.set(0, "only_b"); // a class only the second annotator uses
      }
      String name = "case" + c;
      cases.put(name, Map.of("a", a, "b", b, "tag", tag));
      Predictions p = AgreementTest.table(List.of("ann_a", "ann_b", "tag"), List.of(a, b, tag));
      reports.put(name, Agreement.of(p, List.of("ann_a", "ann_b")).tags(List.of("tag")).report());
    }
    JsonNode expected = run(cases);
    int compared = 0;
    for (var e : reports.entrySet()) {
      JsonNode want = expected.get(e.getKey());
      for (var f : want.properties()) {
        double kappa = e.getValue().kappa(f.getKey()).kappa();
        assertEquals(f.getValue().doubleValue(), kappa, 1e-12, e.getKey() + " " + f.getKey());
        compared++;
      }
    }
    assertTrue(compared > 40, "compared " + compared);
  }

  private static JsonNode run(Object cases) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path dir = Files.createDirectories(Path.of("target", "sklearn-reference"));
    Path in = dir.resolve("kappa-input.json");
    Path out = dir.resolve("kappa-output.json");
    mapper.writeValue(in.toFile(), cases);
    Path script = Files.writeString(dir.resolve("kappa_reference.py"), SCRIPT);
    Process p =
        new ProcessBuilder("/usr/bin/python3", script.toString(), in.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(
        p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0,
        "scikit-learn is needed (apt-get install -y python3-sklearn):\n" + log);
    return mapper.readTree(out.toFile());
  }
}
