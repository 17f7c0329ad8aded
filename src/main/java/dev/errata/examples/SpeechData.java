package dev.errata.examples;

import dev.errata.internal.CsvWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes the course's speech-recognition example: 10,000 voice queries in four categories with the
 * course's exact shares and accuracies (clean 60 % at 94 %, car noise 4 % at 89 %, people noise
 * 30 % at 87 %, low bandwidth 6 % at 70 %), a second annotator at human-level performance (95, 93,
 * 89, 70 %), speaker metadata, a second model run and a set of augmented examples.
 */
public final class SpeechData {

  /** Category names, in the course's order. */
  public static final List<String> CATEGORIES =
      List.of("clean_speech", "car_noise", "people_noise", "low_bandwidth");

  static final int[] SIZE = {6000, 400, 3000, 600};
  static final int[] MODEL_CORRECT = {5640, 356, 2610, 420};
  static final int[] HUMAN_CORRECT = {5700, 372, 2670, 420};
  /** The second run, after adding people-noise (cafe) data: people noise up, low bandwidth down. */
  static final int[] MODEL_V2_CORRECT = {5652, 356, 2700, 414};
  static final double[] HLP = {0.95, 0.93, 0.89, 0.70};

  static final String[][] UTTERANCES = {
    {"stir fried lettuce recipe", "stir fry lettuce recipe", "stir fried letters recipe"},
    {"sweetened coffee", "swedish coffee", "sweden coffee"},
    {"sail away song", "sell away some", "sail away some"},
    {"let's catch up", "let's ketchup", "lets catch a"},
    {"GANs tutorial", "gun tutorial", "gang tutorial"},
    {"apple pie recipe", "apple pi recipe", "apple by recipe"},
    {"stanford", "stamford", "stand for"},
    {"reddit", "read it", "red it"},
    {"youtube", "you tube", "u tube"},
    {"weather tomorrow", "whether tomorrow", "weather to borrow"},
    {"play some jazz", "play some jams", "pay some jazz"},
    {"call mom", "call tom", "call mum"},
  };
  static final double[] UTTERANCE_WEIGHT = {6, 5, 4, 5, 3, 8, 12, 12, 14, 10, 9, 12};
  static final String[] GENDERS = {"female", "male"};
  static final double[] GENDER_WEIGHT = {50, 50};
  static final String[] ACCENTS = {"american", "british", "indian", "scottish", "nigerian"};
  static final double[] ACCENT_WEIGHT = {40, 20, 20, 10, 10};
  static final String[] DEVICES = {"android", "iphone", "web"};
  static final double[] DEVICE_WEIGHT = {45, 40, 15};

  private SpeechData() {}

  /**
   * Writes the example files into {@code dir} and returns their paths: {@code speech_dev.csv}
   * (id, utterance, transcript, transcript_v2, human, category, car_noise, people_noise,
   * low_bandwidth, gender, accent, device), {@code speech_hlp.csv} (category, accuracy) and
   * {@code speech_augmented.csv} (id, origin_id, utterance, transcript_v2, noise).
   */
  public static List<Path> write(Path dir, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 0;
    for (int s : SIZE) {
      n += s;
    }
    int[] category = new int[n];
    int[] utterance = new int[n];
    int[] gender = new int[n];
    int[] accent = new int[n];
    int[] device = new int[n];
    double[] errorProneness = new double[n];
    int row = 0;
    for (int c = 0; c < SIZE.length; c++) {
      for (int i = 0; i < SIZE[c]; i++, row++) {
        category[row] = c;
      }
    }
    for (int i = 0; i < n; i++) {
      utterance[i] = Sampling.pick(UTTERANCE_WEIGHT, rng);
      gender[i] = Sampling.pick(GENDER_WEIGHT, rng);
      accent[i] = Sampling.pick(ACCENT_WEIGHT, rng);
      device[i] = Sampling.pick(DEVICE_WEIGHT, rng);
      // The model struggles more with Scottish accents and the web microphone.
      errorProneness[i] = (accent[i] == 3 ? 2.5 : 1.0) * (device[i] == 2 ? 1.4 : 1.0);
    }
    boolean[] modelWrong = wrongRows(category, MODEL_CORRECT, errorProneness, rng);
    boolean[] humanWrong = wrongRows(category, HUMAN_CORRECT, ones(n), rng);
    double[] v2Proneness = new double[n];
    for (int i = 0; i < n; i++) {
      v2Proneness[i] = errorProneness[i] * (modelWrong[i] ? 6 : 1);
    }
    boolean[] v2Wrong = wrongRows(category, MODEL_V2_CORRECT, v2Proneness, rng);

    Path dev = dir.resolve("speech_dev.csv");
    try (CsvWriter out =
        CsvWriter.open(
            dev,
            List.of(
                "id", "utterance", "transcript", "transcript_v2", "human", "category",
                "car_noise", "people_noise", "low_bandwidth", "gender", "accent", "device"))) {
      for (int i = 0; i < n; i++) {
        String[] u = UTTERANCES[utterance[i]];
        out.row(
            id(i),
            u[0],
            modelWrong[i] ? u[1 + rng.nextInt(2)] : u[0],
            v2Wrong[i] ? u[1 + rng.nextInt(2)] : u[0],
            humanWrong[i] ? u[1 + rng.nextInt(2)] : u[0],
            CATEGORIES.get(category[i]),
            category[i] == 1 ? "yes" : "no",
            category[i] == 2 ? "yes" : "no",
            category[i] == 3 ? "yes" : "no",
            GENDERS[gender[i]],
            ACCENTS[accent[i]],
            DEVICES[device[i]]);
      }
    }
    Path hlp = dir.resolve("speech_hlp.csv");
    try (CsvWriter out = CsvWriter.open(hlp, List.of("category", "accuracy"))) {
      for (int c = 0; c < CATEGORIES.size(); c++) {
        out.row(CATEGORIES.get(c), String.format(Locale.ROOT, "%.2f", HLP[c]));
      }
    }
    Path augmented = dir.resolve("speech_augmented.csv");
    writeAugmented(augmented, category, utterance, v2Wrong, rng);
    return List.of(dev, hlp, augmented);
  }

  /** Cafe noise mixed into 300 people-noise clips; the second model gets 42 of them wrong. */
  private static void writeAugmented(
      Path file, int[] category, int[] utterance, boolean[] v2Wrong, SplittableRandom rng) {
    List<Integer> origins = new ArrayList<>();
    for (int i = 0; i < category.length && origins.size() < 300; i++) {
      if (category[i] == 2) {
        origins.add(i);
      }
    }
    int[] all = new int[origins.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    boolean[] wrong = Sampling.chooseExactly(all, 42, ones(all.length), all.length, rng);
    try (CsvWriter out =
        CsvWriter.open(file, List.of("id", "origin_id", "utterance", "transcript_v2", "noise"))) {
      for (int k = 0; k < all.length; k++) {
        int o = origins.get(k);
        String[] u = UTTERANCES[utterance[o]];
        out.row(
            String.format(Locale.ROOT, "a%05d", k + 1),
            id(o),
            u[0],
            wrong[k] ? u[1 + rng.nextInt(2)] : u[0],
            "cafe");
      }
    }
  }

  private static boolean[] wrongRows(
      int[] category, int[] correct, double[] weight, SplittableRandom rng) {
    boolean[] wrong = new boolean[category.length];
    for (int c = 0; c < SIZE.length; c++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < category.length; i++) {
        if (category[i] == c) {
          rows.add(i);
        }
      }
      int[] candidates = rows.stream().mapToInt(Integer::intValue).toArray();
      boolean[] chosen =
          Sampling.chooseExactly(candidates, SIZE[c] - correct[c], weight, category.length, rng);
      for (int i : candidates) {
        wrong[i] = chosen[i];
      }
    }
    return wrong;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  static String id(int row) {
    return String.format(Locale.ROOT, "s%05d", row + 1);
  }
}
