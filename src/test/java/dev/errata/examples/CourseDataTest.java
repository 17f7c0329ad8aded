package dev.errata.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseDataTest {

  @TempDir Path dir;

  /** Counts rows by key with a plain split: independent of Errata's loader and metrics. */
  private static Map<String, int[]> countBy(Path file, int keyColumn, int actual, int predicted)
      throws IOException {
    Map<String, int[]> counts = new TreeMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int[] c = counts.computeIfAbsent(keyColumn < 0 ? "all" : f[keyColumn], k -> new int[2]);
      c[0]++;
      if (f[actual].equals(f[predicted])) {
        c[1]++;
      }
    }
    return counts;
  }

  @Test
  void speechCategoriesHaveTheCoursesSharesAndAccuracies() throws IOException {
    SpeechData.write(dir, CourseData.SEED);
    Map<String, int[]> model = countBy(dir.resolve("speech_dev.csv"), 5, 1, 2);
    assertEquals(6000, model.get("clean_speech")[0]);
    assertEquals(5640, model.get("clean_speech")[1]);
    assertEquals(400, model.get("car_noise")[0]);
    assertEquals(356, model.get("car_noise")[1]);
    assertEquals(3000, model.get("people_noise")[0]);
    assertEquals(2610, model.get("people_noise")[1]);
    assertEquals(600, model.get("low_bandwidth")[0]);
    assertEquals(420, model.get("low_bandwidth")[1]);
    Map<String, int[]> human = countBy(dir.resolve("speech_dev.csv"), 5, 1, 4);
    assertEquals(5700, human.get("clean_speech")[1]);
    assertEquals(372, human.get("car_noise")[1]);
    assertEquals(2670, human.get("people_noise")[1]);
    assertEquals(420, human.get("low_bandwidth")[1]);
  }

  @Test
  void sameSeedWritesTheSameBytes() throws IOException {
    SpeechData.write(dir.resolve("a"), 7);
    SpeechData.write(dir.resolve("b"), 7);
    assertEquals(
        Files.readString(dir.resolve("a/speech_dev.csv")),
        Files.readString(dir.resolve("b/speech_dev.csv")));
  }

  @Test
  void binaryDefectsHaveTheCoursesConfusionMatrix() throws IOException {
    DefectData.write(dir, CourseData.SEED);
    int[][] cm = new int[2][2];
    List<String> lines = Files.readAllLines(dir.resolve("defects_binary.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      cm[Integer.parseInt(f[1])][Integer.parseInt(f[2])]++;
      // the score agrees with the prediction at 0.5
      assertEquals(f[2].equals("1"), Double.parseDouble(f[4]) >= 0.5, line);
    }
    assertEquals(905, cm[0][0]);
    assertEquals(9, cm[0][1]);
    assertEquals(18, cm[1][0]);
    assertEquals(68, cm[1][1]);
  }

  @Test
  void multiClassDefectsRoundToTheCoursesTable() throws IOException {
    DefectData.write(dir, CourseData.SEED);
    List<String> lines = Files.readAllLines(dir.resolve("defects_multiclass.csv"));
    String[] classes = {"scratch", "dent", "pit mark", "discoloration"};
    double[][] expected = {{82.1, 99.2, 89.8}, {92.1, 99.5, 95.7}, {85.3, 98.7, 91.5}, {72.1, 97.0, 82.7}};
    for (int c = 0; c < classes.length; c++) {
      int tp = 0;
      int actual = 0;
      int predicted = 0;
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        actual += f[1].equals(classes[c]) ? 1 : 0;
        predicted += f[2].equals(classes[c]) ? 1 : 0;
        tp += f[1].equals(classes[c]) && f[2].equals(classes[c]) ? 1 : 0;
      }
      double p = (double) tp / predicted;
      double r = (double) tp / actual;
      double f1 = 2 * p * r / (p + r);
      assertEquals(expected[c][0], Math.round(p * 1000) / 10.0, classes[c]);
      assertEquals(expected[c][1], Math.round(r * 1000) / 10.0, classes[c]);
      assertEquals(expected[c][2], Math.round(f1 * 1000) / 10.0, classes[c]);
    }
  }
}
