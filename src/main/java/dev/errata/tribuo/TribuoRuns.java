package dev.errata.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.TimeProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.errata.log.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Logs what a Tribuo model's provenance knows about its training as a run's parameters, so two runs
 * compare trainer, hyperparameters and data without hand-written params.
 *
 * <p>Names: {@code trainer} (the trainer's class, e.g. {@code LogisticRegressionTrainer}), {@code
 * trainer.NAME} per configured hyperparameter (a nested object such as the optimiser gives its
 * class, then {@code trainer.optimiser.NAME} per its own), {@code data} (the data set's class),
 * {@code data.num-examples}, {@code data.num-features} … and {@code data.datasource.NAME} per field
 * of where the data came from, a file's {@code resource-hash} included. Times (when the data was
 * read or a file modified) are left out, so the same data read twice compares equal.
 */
public final class TribuoRuns {

  /** Bookkeeping fields that say nothing about the model or the data. */
  private static final Set<String> SKIPPED = Set.of("class-name", "host-short-name");

  private TribuoRuns() {}

  /** Records {@code model}'s trainer, hyperparameters and data provenance on {@code run}. */
  public static Run log(Run run, Model<?> model) {
    return run.params(params(model));
  }

  /**
   * Records the provenance as {@link #log(Run, Model)} does, then writes the model to {@code file}
   * (Tribuo's protobuf format) and records its path and SHA-256.
   */
  public static Run log(Run run, Model<?> model, Path file) {
    log(run, model);
    try {
      model.serializeToFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the model to " + file.toAbsolutePath(), e);
    }
    return run.model(file);
  }

  /** Returns the parameters {@link #log(Run, Model)} records, in order. */
  public static Map<String, Object> params(Model<?> model) {
    ModelProvenance provenance = model.getProvenance();
    Map<String, Object> out = new LinkedHashMap<>();
    TrainerProvenance trainer = provenance.getTrainerProvenance();
    out.put("trainer", simpleName(trainer.getClassName()));
    trainer
        .getConfiguredParameters()
        .forEach((name, value) -> flatten("trainer." + name, value, out));
    out.put("tribuo.version", provenance.getTribuoVersion());
    DatasetProvenance data = provenance.getDatasetProvenance();
    out.put("data", simpleName(data.getClassName()));
    for (Pair<String, Provenance> field : data) {
      if (!field.getA().equals("tribuo-version")) {
        flatten("data." + field.getA(), field.getB(), out);
      }
    }
    return out;
  }

  private static void flatten(String name, Provenance value, Map<String, Object> out) {
    String key = name.substring(name.lastIndexOf('.') + 1);
    if (SKIPPED.contains(key)
        || value instanceof DateTimeProvenance
        || value instanceof DateProvenance
        || value instanceof TimeProvenance) {
      return;
    }
    if (value instanceof PrimitiveProvenance<?> primitive) {
      out.put(name, typed(primitive.getValue()));
    } else if (value instanceof ConfiguredObjectProvenance object) {
      out.put(name, simpleName(object.getClassName()));
      object.getConfiguredParameters().forEach((k, v) -> flatten(name + "." + k, v, out));
      // What the object found when it ran, such as a data file's resource-hash.
      object.getInstanceValues().forEach((k, v) -> flatten(name + "." + k, v, out));
    } else if (value instanceof ObjectProvenance object) {
      out.put(name, simpleName(object.getClassName()));
      for (Pair<String, Provenance> field : object) {
        flatten(name + "." + field.getA(), field.getB(), out);
      }
    } else if (value instanceof ListProvenance<?> list) {
      out.put(name, (long) list.getList().size());
      for (int i = 0; i < list.getList().size(); i++) {
        flatten(name + "." + i, list.getList().get(i), out);
      }
    } else if (value instanceof MapProvenance<?> map) {
      for (Pair<String, ? extends Provenance> field : map) {
        flatten(name + "." + field.getA(), field.getB(), out);
      }
    } else {
      out.put(name, value.toString());
    }
  }

  /** Returns a value as one of the log's kinds: long, double, boolean or text. */
  private static Object typed(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return Double.parseDouble(f.toString());
    }
    if (value instanceof Double || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
