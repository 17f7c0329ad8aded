package dev.errata.course;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Names the role of a split value: the training set, the dev set or the test set. */
enum Split {
  TRAIN("training set", List.of("train", "training")),
  DEV("dev set", List.of("dev", "val", "valid", "validation")),
  TEST("test set", List.of("test", "holdout"));

  final String label;
  final List<String> names;

  Split(String label, List<String> names) {
    this.label = label;
    this.names = names;
  }

  /** Returns the role of a split value, or empty for a value of no known role. */
  static Optional<Split> of(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (Split s : values()) {
      if (s.names.contains(v)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static String accepted() {
    return "train|training, dev|val|valid|validation, test|holdout";
  }
}
