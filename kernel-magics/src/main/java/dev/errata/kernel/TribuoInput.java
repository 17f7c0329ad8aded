package dev.errata.kernel;

import dev.errata.load.Predictions;
import dev.errata.tribuo.TribuoPredictions;
import java.util.List;
import java.util.Optional;

/**
 * Reads a notebook variable holding Tribuo predictions for {@code %predictions VAR}. Recognises
 * them by class name, so a kernel without Tribuo never loads a Tribuo class.
 */
final class TribuoInput {

  private static final String PREDICTION = "org.tribuo.Prediction";

  private TribuoInput() {}

  /** Returns {@code value} as a list of Tribuo predictions, if it is one. */
  static Optional<List<?>> predictions(Object value) {
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
      for (Class<?> c = list.get(0).getClass(); c != null; c = c.getSuperclass()) {
        if (c.getName().equals(PREDICTION)) {
          return Optional.of(list);
        }
      }
    }
    return Optional.empty();
  }

  /** Loads Tribuo predictions, with an optional positive label and feature columns. */
  @SuppressWarnings("unchecked")
  static Predictions load(
      List<?> list, String name, Optional<String> positive, List<String> features) {
    TribuoPredictions from =
        TribuoPredictions.from((List<org.tribuo.Prediction<org.tribuo.classification.Label>>) list)
            .named(name)
            .features(features.toArray(String[]::new));
    positive.ifPresent(from::positive);
    return from.load();
  }
}
