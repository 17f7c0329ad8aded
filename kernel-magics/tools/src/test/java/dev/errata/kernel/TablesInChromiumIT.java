package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.render.View;
import dev.errata.tags.ErrorSheet;
import dev.errata.tags.Stratify;
import dev.errata.tags.TagPivot;
import dev.errata.tools.HtmlCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Opens wide results as Errata renders them (a runs list with 30 columns, a tag pivot, an error
 * sheet) in headless Chromium at {@link HtmlCheck#WIDTH} pixels and measures that no table cell
 * holding one word of at most 30 characters breaks across lines. Screenshots land in
 * target/chromium-tables for review.
 */
class TablesInChromiumIT {

  static final Path DIR = Path.of("target", "chromium-tables");
  static HtmlCheck check;

  static final List<String> TAGS =
      List.of(
          "clean_speech",
          "car_noise",
          "people_noise",
          "low_bandwidth",
          "accent_issue",
          "mispronunciation",
          "background_music",
          "wind_noise",
          "reverberation",
          "clipping",
          "far_field_speaker",
          "overlapping_speakers");

  @BeforeAll
  static void chromium() throws IOException {
    check = HtmlCheck.in(DIR.resolve("work"));
    assertTrue(check.available(), "Chromium is needed: apt-get install -y chromium");
    Files.createDirectories(DIR);
  }

  /** Twelve runs with the columns the run log lists, four parameters and six metrics. */
  static Table runs() {
    int n = 12;
    LongColumn id = LongColumn.create("id");
    StringColumn name = StringColumn.create("name");
    StringColumn status = StringColumn.create("status");
    InstantColumn started = InstantColumn.create("started");
    DoubleColumn seconds = DoubleColumn.create("seconds");
    DoubleColumn peak = DoubleColumn.create("peak heap MB");
    StringColumn commit = StringColumn.create("commit");
    BooleanColumn dirty = BooleanColumn.create("dirty");
    StringColumn diff = StringColumn.create("diff sha256");
    StringColumn data = StringColumn.create("data");
    StringColumn dataSha = StringColumn.create("data sha256");
    StringColumn model = StringColumn.create("model");
    StringColumn labels = StringColumn.create("labels");
    StringColumn notes = StringColumn.create("notes");
    StringColumn jdk = StringColumn.create("jdk");
    StringColumn host = StringColumn.create("host");
    LongColumn cpus = LongColumn.create("cpus");
    DoubleColumn threshold = DoubleColumn.create("params.threshold");
    DoubleColumn rate = DoubleColumn.create("params.learning_rate");
    LongColumn epochs = LongColumn.create("params.epochs");
    StringColumn augment = StringColumn.create("params.augmentation");
    List<DoubleColumn> metrics = new ArrayList<>();
    for (String m :
        List.of("accuracy", "precision", "recall", "f1", "clean_speech_accuracy", "loss")) {
      metrics.add(DoubleColumn.create("metrics." + m));
    }
    for (int i = 0; i < n; i++) {
      id.append(i + 1);
      name.append(i % 2 == 0 ? "baseline-resnet50-augmented" : "knn-k5-standardised");
      status.append(i == 3 ? "failed: data set missing" : "finished");
      started.append(Instant.parse("2026-11-28T15:41:21Z").plusSeconds(3600L * i));
      seconds.append(12.5 + i);
      peak.append(512.25 + i);
      commit.append("a3bcadd554c47da7a1126483095f1f3840768d25".substring(0, 12));
      dirty.append(i % 3 == 0);
      diff.append(String.format(Locale.ROOT, "%064x", 0x5eedL * (i + 1)));
      data.append("data/course/speech_augmented_v2.csv");
      dataSha.append(String.format(Locale.ROOT, "%064x", 0xda7aL * (i + 1)));
      model.append("models/resnet50_finetuned.onnx");
      labels.append("baseline, augmented");
      notes.append(
          "more car noise clips from the second collection round; threshold lowered after the"
              + " review of false negatives");
      jdk.append("17.0.13+11-Debian-2deb12u1");
      host.append("build-worker-07");
      cpus.append(2);
      threshold.append(0.5 - i * 0.02);
      rate.append(0.00001 * (i + 1));
      epochs.append(20 + i);
      augment.append(i % 2 == 0 ? "time_stretch" : "none");
      for (int m = 0; m < metrics.size(); m++) {
        metrics.get(m).append(0.91 - 0.003 * i + 0.01 * m);
      }
    }
    Table t =
        Table.create(
            "runs", id, name, status, started, seconds, peak, commit, dirty, diff, data, dataSha,
            model, labels, notes, jdk, host, cpus, threshold, rate, epochs, augment);
    metrics.forEach(t::addColumns);
    return t;
  }

  /** Errors carrying both tags, twelve tags by twelve. */
  static TagPivot pivot() {
    int k = TAGS.size();
    double[] counts = new double[k * k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        counts[r * k + c] = r == c ? 1000 + 37 * r : (r * 7 + c * 3) % 50;
      }
    }
    return new TagPivot("errors carrying both tags (974 errors)", "tag \\ tag", TAGS, TAGS, counts);
  }

  /** An error sheet with transcripts, metadata and one empty column per tag. */
  static ErrorSheet sheet() {
    List<String> header =
        new ArrayList<>(List.of("id", "actual", "predicted", "transcript", "device"));
    header.addAll(TAGS);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  "utt-" + (1000 + i),
                  "turn_on_the_lights",
                  "turn_off_the_lights",
                  "could you please turn on the lights in the living room, thank you very much",
                  "smart_speaker_v2"));
      for (int t = 0; t < TAGS.size(); t++) {
        row.add((i + t) % 4 == 0 ? "x" : "");
      }
      rows.add(row);
    }
    return new ErrorSheet(Path.of("errors.csv"), header, rows, 0, List.of(), 974, 7, Stratify.NONE);
  }

  static String body() {
    StringBuilder sb = new StringBuilder();
    for (Object result : List.of(runs(), pivot(), sheet(), ChartsInChromiumIT.hostileTable())) {
      sb.append(View.of(result).orElseThrow().html());
    }
    return sb.toString();
  }

  /** JupyterLab's own stylesheet as nbconvert's lab template ships it (tables: fixed layout). */
  static final Path LAB_CSS =
      Path.of("/usr/share/jupyter/nbconvert/templates/lab/static/index.css");

  HtmlCheck.Report open(String name, String body) throws IOException {
    return open(name, body, "");
  }

  HtmlCheck.Report open(String name, String body, String head) throws IOException {
    Path file = DIR.resolve(name + ".html");
    Files.writeString(file, ChartsInChromiumIT.page(name, body, head));
    HtmlCheck.Report r = check.check(file);
    System.out.println("  " + r.describe());
    return r;
  }

  @Test
  void noOneWordCellWrapsMidWordAtAThousandPixels() throws IOException {
    HtmlCheck.Report r = open("wide-tables", body());
    assertEquals(List.of(), r.wrapped(), r.describe());
    assertTrue(r.ok(), r.describe());
  }

  /**
   * Returns the tables as JupyterLab's sanitizer leaves untrusted output: no stylesheet, and no
   * {@code width:max-content} (its allowed widths are lengths, percentages and auto).
   */
  static String sanitized(String body) {
    return body.replaceAll("<style>[^<]*</style>", "").replace("width:max-content", "");
  }

  @Test
  void noOneWordCellWrapsMidWordWhereASanitizerRemovesTheStylesheet() throws IOException {
    String body = sanitized(body());
    assertFalse(body.contains("<style"), "the sanitized page keeps no stylesheet");
    HtmlCheck.Report r = open("wide-tables-no-stylesheet", body);
    assertEquals(List.of(), r.wrapped(), r.describe());
  }

  /**
   * Inside JupyterLab's output area styles (its tables use {@code table-layout:fixed}), trusted
   * (our stylesheet kept) and untrusted (our stylesheet removed, inline styles kept).
   */
  @Test
  void noOneWordCellWrapsMidWordInJupyterLabsOutputArea() throws IOException {
    assertTrue(Files.exists(LAB_CSS), "nbconvert's lab template is needed: " + LAB_CSS);
    String head = "<style>" + Files.readString(LAB_CSS) + "</style>";
    String open = "<div class=\"jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML\">";
    HtmlCheck.Report trusted = open("wide-tables-lab", open + body() + "</div>", head);
    assertEquals(List.of(), trusted.wrapped(), trusted.describe());
    String untrusted = sanitized(body());
    HtmlCheck.Report r = open("wide-tables-lab-untrusted", open + untrusted + "</div>", head);
    assertEquals(List.of(), r.wrapped(), r.describe());
  }

  /** The old stylesheet (overflow-wrap:anywhere, tables squeezed to the page) must be caught. */
  @Test
  void theCheckCatchesTablesSqueezedIntoLetterStacks() throws IOException {
    String old =
        body()
            .replace("overflow-wrap:break-word", "overflow-wrap:anywhere")
            .replace(" style=\"width:max-content\"", "")
            .replace(";white-space:nowrap", "")
            .replace(" style=\"white-space:nowrap\"", "");
    HtmlCheck.Report r = open("wide-tables-squeezed", old);
    assertTrue(r.wrapped().size() > 100, r.describe());
    assertTrue(
        r.wrapped().stream().anyMatch(w -> w.startsWith("\"clean_speech\" on ")), r.describe());
  }
}
