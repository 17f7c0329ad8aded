package dev.errata.tribuo;

import dev.errata.load.Predictions;
import dev.errata.load.PredictionsReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns Tribuo classification predictions into Errata predictions; an option bag.
 *
 * <p>{@code TribuoPredictions.from(model.predict(test)).features("x1").load()}. Each prediction
 * becomes one row: {@code id} (the example's metadata {@code id} if every example has one, else the
 * row index from 0), {@code actual} (the example's label), {@code predicted} (the prediction's
 * label), {@code p_LABEL} per label when the prediction has probabilities ({@link
 * Prediction#hasProbabilities()}), {@code split} when made {@link #fromSplits from splits}, {@code
 * weight} when any example weight is not 1, every metadata field (as text) and the features named
 * with {@link #features}. A feature an example lacks is 0, as Tribuo reads a sparse example.
 */
public final class TribuoPredictions {

  /** Columns this class writes itself; metadata and features may not take these names. */
  static final String ID = "id";

  static final String ACTUAL = "actual";
  static final String PREDICTED = "predicted";
  static final String WEIGHT = "weight";
  static final String SPLIT = "split";
  static final String PROBABILITY_PREFIX = "p_";

  private final List<Prediction<Label>> predictions;

  /** The split of each prediction, parallel to {@link #predictions}; null when not from splits. */
  private final List<String> splits;

  private List<String> features = List.of();
  private List<String> metadata;
  private String idKey;
  private String positive;
  private String name = "Tribuo predictions";

  private TribuoPredictions(List<Prediction<Label>> predictions, List<String> splits) {
    this.predictions = List.copyOf(predictions);
    this.splits = splits == null ? null : List.copyOf(splits);
  }

  /** Starts from predictions made by a Tribuo classification model; the list is not changed. */
  public static TribuoPredictions from(List<Prediction<Label>> predictions) {
    Objects.requireNonNull(predictions, "predictions");
    if (predictions.isEmpty()) {
      throw new IllegalArgumentException(
          "No Tribuo predictions: the list is empty; expected one prediction per example");
    }
    checkLabels(predictions);
    return new TribuoPredictions(predictions, null);
  }

  /**
   * Starts from one model's predictions on several splits, for {@code %milestones}: {@code
   * fromSplits(Map.of("train", model.predict(train), "test", model.predict(test)))}. The rows are
   * the splits' predictions one split after another, in the map's order, with the map's key in a
   * {@code split} column; ids follow the class comment, so without an {@code id} field they are the
   * row numbers across all splits.
   */
  public static TribuoPredictions fromSplits(Map<String, List<Prediction<Label>>> bySplit) {
    Objects.requireNonNull(bySplit, "bySplit");
    if (bySplit.isEmpty()) {
      throw new IllegalArgumentException(
          "No splits: the map is empty; expected split name → predictions, e.g. \"train\" →"
              + " model.predict(train), \"test\" → model.predict(test)");
    }
    List<Prediction<Label>> all = new java.util.ArrayList<>();
    List<String> splits = new java.util.ArrayList<>();
    for (Map.Entry<String, List<Prediction<Label>>> e : bySplit.entrySet()) {
      String split = e.getKey();
      if (split == null || split.isBlank()) {
        throw new IllegalArgumentException(
            "A split has no name (\"" + split + "\"); splits are " + bySplit.keySet());
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "Split \""
                + split
                + "\" has no predictions; expected one prediction per example of that split");
      }
      checkLabels(e.getValue());
      all.addAll(e.getValue());
      e.getValue().forEach(p -> splits.add(split));
    }
    return new TribuoPredictions(all, splits);
  }

  private static void checkLabels(List<Prediction<Label>> predictions) {
    for (Object p : predictions) {
      // A caller's unchecked cast (a notebook variable) may pass regression or other outputs.
      Object output = p instanceof Prediction<?> q ? q.getOutput() : p;
      if (!(output instanceof Label)) {
        throw new IllegalArgumentException(
            "Expected Tribuo classification predictions (of Label), found one of "
                + (output == null ? "null" : output.getClass().getName()));
      }
    }
  }

  /** Copies these features' values as number columns, for slices and tags. */
  public TribuoPredictions features(String... names) {
    this.features = List.of(names);
    return this;
  }

  /** Copies only these metadata fields (default: every field any example carries). */
  public TribuoPredictions metadata(String... keys) {
    this.metadata = List.of(keys);
    return this;
  }

  /** Takes the id from this metadata field, which every example must carry, unique. */
  public TribuoPredictions id(String metadataKey) {
    this.idKey = Objects.requireNonNull(metadataKey, "metadataKey");
    return this;
  }

  /** Names the positive label for binary views (precision, recall, scores). */
  public TribuoPredictions positive(String label) {
    this.positive = label;
    return this;
  }

  /** Names the predictions, as error messages and tables show them. */
  public TribuoPredictions named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Returns one row per prediction (see the class comment for the columns). */
  public Table table() {
    int n = predictions.size();
    String idFrom = idKey != null ? idKey : everyExampleHas(ID) ? ID : null;
    Column<?> id = idFrom == null ? rowIndex(n) : metadataColumn(ID, idFrom, true);
    StringColumn actual = StringColumn.create(ACTUAL);
    StringColumn predicted = StringColumn.create(PREDICTED);
    for (int i = 0; i < n; i++) {
      Prediction<Label> p = predictions.get(i);
      String truth = p.getExample().getOutput().getLabel();
      if (truth.equals(LabelFactory.UNKNOWN_LABEL.getLabel())) {
        throw new IllegalArgumentException(
            rowMessage(i)
                + " has no true label (Tribuo's unknown label \""
                + truth
                + "\"); predict on a labelled data set");
      }
      actual.append(truth);
      predicted.append(p.getOutput().getLabel());
    }
    Table t = Table.create(name, id, actual, predicted);
    if (splits != null) {
      t.addColumns(StringColumn.create(SPLIT, splits));
    }
    for (String label : probabilityLabels()) {
      DoubleColumn c = DoubleColumn.create(PROBABILITY_PREFIX + label);
      for (Prediction<Label> p : predictions) {
        Label scored = p.getOutputScores().get(label);
        c.append(scored == null ? 0.0 : scored.getScore());
      }
      add(t, c, "probability of \"" + label + "\"");
    }
    if (predictions.stream().anyMatch(p -> p.getExample().getWeight() != 1f)) {
      FloatColumn w = FloatColumn.create(WEIGHT);
      predictions.forEach(p -> w.append(p.getExample().getWeight()));
      add(t, w, "example weights");
    }
    for (String key : metadataKeys(idFrom)) {
      add(t, metadataColumn(key, key, false), "metadata field");
    }
    for (String feature : features) {
      add(t, featureColumn(feature), "feature");
    }
    return t;
  }

  /** Builds the table and reads it as Errata predictions (actual, predicted, id, probabilities). */
  public Predictions load() {
    Table t = table();
    Map<String, String> probabilities = new LinkedHashMap<>();
    Set<String> seen = new TreeSet<>(t.stringColumn(ACTUAL).asSet());
    seen.addAll(t.stringColumn(PREDICTED).asSet());
    for (String label : probabilityLabels()) {
      if (seen.contains(label)) {
        probabilities.put(label, PROBABILITY_PREFIX + label);
      }
    }
    PredictionsReader reader =
        PredictionsReader.fromTable(t)
            .actual(ACTUAL)
            .predicted(PREDICTED)
            .id(ID)
            .probabilities(probabilities);
    if (t.columnNames().contains(WEIGHT)) {
      reader.weight(WEIGHT);
    }
    if (positive != null) {
      reader.positive(positive);
    }
    return reader.load();
  }

  /** Returns the scored labels, sorted, when every prediction has probabilities; else none. */
  private List<String> probabilityLabels() {
    if (!predictions.stream().allMatch(Prediction::hasProbabilities)) {
      return List.of();
    }
    Set<String> labels = new TreeSet<>();
    predictions.forEach(p -> labels.addAll(p.getOutputScores().keySet()));
    return List.copyOf(labels);
  }

  private boolean everyExampleHas(String key) {
    return predictions.stream().allMatch(p -> p.getExample().containsMetadata(key));
  }

  private List<String> metadataKeys(String idFrom) {
    if (metadata != null) {
      return metadata;
    }
    Set<String> keys = new LinkedHashSet<>();
    predictions.forEach(p -> keys.addAll(p.getExample().getMetadata().keySet()));
    keys.remove(idFrom);
    return List.copyOf(keys);
  }

  private StringColumn metadataColumn(String column, String key, boolean required) {
    StringColumn c = StringColumn.create(column);
    for (int i = 0; i < predictions.size(); i++) {
      Example<Label> e = predictions.get(i).getExample();
      Object value = e.getMetadataValue(key).orElse(null);
      if (value == null && (required || metadata != null)) {
        throw new IllegalArgumentException(
            rowMessage(i)
                + " has no metadata field \""
                + key
                + "\"; its fields are "
                + new TreeSet<>(e.getMetadata().keySet()));
      }
      c.append(value == null ? null : value.toString());
    }
    return c;
  }

  private DoubleColumn featureColumn(String feature) {
    DoubleColumn c = DoubleColumn.create(feature);
    boolean anywhere = false;
    for (Prediction<Label> p : predictions) {
      Feature f = p.getExample().lookup(feature);
      anywhere |= f != null;
      c.append(f == null ? 0.0 : f.getValue());
    }
    if (!anywhere) {
      Set<String> names = new TreeSet<>();
      for (Feature f : predictions.get(0).getExample()) {
        names.add(f.getName());
      }
      throw new IllegalArgumentException(
          "No example in "
              + name
              + " has a feature \""
              + feature
              + "\"; the first example's features are "
              + names);
    }
    return c;
  }

  private static IntColumn rowIndex(int n) {
    IntColumn c = IntColumn.create(ID);
    for (int i = 0; i < n; i++) {
      c.append(i);
    }
    return c;
  }

  private void add(Table t, Column<?> c, String what) {
    if (t.columnNames().contains(c.name())) {
      throw new IllegalArgumentException(
          "Two columns named \""
              + c.name()
              + "\" in "
              + name
              + " (the "
              + what
              + " and an earlier column); columns so far are "
              + t.columnNames());
    }
    t.addColumns(c);
  }

  private String rowMessage(int i) {
    if (splits == null) {
      return "Prediction " + String.format(java.util.Locale.ROOT, "%,d", i) + " of " + name;
    }
    int first = splits.indexOf(splits.get(i));
    return "Prediction "
        + String.format(java.util.Locale.ROOT, "%,d", i - first)
        + " of split \""
        + splits.get(i)
        + "\" of "
        + name;
  }
}
