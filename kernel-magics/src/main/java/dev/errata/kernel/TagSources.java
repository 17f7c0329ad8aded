package dev.errata.kernel;

import dev.errata.internal.Args;
import dev.errata.internal.CommandBuilder;
import dev.errata.baseline.Baselines;
import dev.errata.load.Predictions;
import dev.errata.tags.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import tech.tablesaw.api.Table;

/**
 * Turns the tag and baseline options shared by the tag magics into library values: the tags of a
 * Predictions or Tags variable plus {@code --tags}, {@code --tag-column}, {@code --metadata},
 * {@code --sheet}, {@code --expr}, {@code --where}; baselines from {@code --hlp}, {@code --human},
 * {@code --older}, {@code --older-column}, {@code --literature}.
 */
final class TagSources {

  /** Options that build tags; {@code tags} is left to each magic. */
  static final Set<String> TAG_OPTIONS =
      Set.of("tag-column", "tag-sep", "metadata", "sheet", "expr", "where");

  /** What the tag magics take as their first argument. */
  static final String TAGGED =
      "predictions (from %predictions) or tags (from Tags.fromColumns(...))";

  /** Declares the options that build tags, {@link #TAG_OPTIONS}. */
  static CommandBuilder tagOptions(CommandBuilder b) {
    return b.text(
            "tag-column",
            "COL",
            "tags from one column naming each example's tags, separated by --tag-sep")
        .text("tag-sep", "SEP", "the separator of the tag names in --tag-column")
        .byDefault(";")
        .list("metadata", "COL,COL", "a tag COL=VALUE for each value of these columns")
        .text("sheet", "FILE", "tags from a filled tagging sheet (from %errors), joined by id")
        .list(
            "expr",
            "EXPR,EXPR",
            "adds a tag per expression, named by it: tag names joined with & (and), | (or), !"
                + " (not) and parentheses, e.g. \"car_noise & !low_bandwidth\"; quote other"
                + " names with backticks")
        .text(
            "where",
            "EXPR",
            "keeps only the examples where this tag expression holds, e.g. \"device=phone\"");
  }

  /** Declares the options that build baselines. */
  static CommandBuilder baselineOptions(CommandBuilder b) {
    return b.text(
            "hlp",
            "FILE|VAR",
            "human-level performance per tag: a CSV (or Table / Map variable) with columns"
                + " category, accuracy (0.95 or 95 %) and optionally source, one row per tag,"
                + " matched ignoring case, spaces, _ and -; a row \"all data\" is the overall HLP")
        .text(
            "human",
            "COL",
            "HLP measured per tag as the accuracy of a second annotator's labels in COL (blank ="
                + " not annotated), with an interval")
        .text(
            "older",
            "VAR|X",
            "an older system: its predictions variable (compared per tag) or its accuracy on all"
                + " data")
        .text("older-column", "COL", "an older system's predicted labels in this column, per tag")
        .number("literature", "X", "an accuracy from the literature, compared with all data")
        .text("cite", "TEXT", "where --older X or --literature X comes from (default: given in"
            + " the magic)");
  }

  private static final String HLP = "a CSV file, a Table (category, accuracy), a Map or Baselines";

  private final Notebook notebook;
  private final String magic;
  private final Args args;

  TagSources(Notebook notebook, String magic, Args args) {
    this.notebook = notebook;
    this.magic = magic;
    this.args = args;
  }

  /**
   * Returns the tags of the first positional variable (Predictions or Tags) plus those the options
   * name; {@code tagColumns} says whether {@code --tags} names boolean tag columns.
   */
  Tags tags(boolean tagColumns) throws Exception {
    String name = args.required(0);
    Object value = notebook.variable(magic, name, TAGGED);
    Tags tags;
    if (value instanceof Tags t) {
      tags = t;
    } else if (value instanceof Predictions p) {
      tags = Tags.none(p);
    } else {
      throw new IllegalArgumentException(
          "%" + magic + ": \"" + name + "\" is "
              + (value == null ? "null" : "a " + value.getClass().getSimpleName())
              + ", expected " + TAGGED);
    }
    Predictions p = tags.predictions();
    if (tagColumns && args.option("tags").isPresent()) {
      tags = tags.plus(Tags.fromColumns(p, args.list("tags")));
    }
    if (args.option("tag-column").isPresent()) {
      tags = tags.plus(
          Tags.fromDelimited(p, args.option("tag-column").get(), args.text("tag-sep")));
    }
    if (args.option("metadata").isPresent()) {
      tags = tags.plus(Tags.fromMetadata(p, args.list("metadata").toArray(String[]::new)));
    }
    if (args.option("sheet").isPresent()) {
      tags = tags.plus(Tags.fromSheet(p, Path.of(args.option("sheet").get())));
    }
    for (String e : args.list("expr")) {
      tags = tags.with(e);
    }
    if (args.option("where").isPresent()) {
      tags = tags.where(args.option("where").get());
    }
    return tags;
  }

  /** Returns the baselines the options name, in the order HLP, human, older, literature. */
  Baselines baselines(Predictions p) throws Exception {
    Baselines b = Baselines.none();
    if (args.option("hlp").isPresent()) {
      b = b.plus(hlp(args.option("hlp").get()));
    }
    if (args.option("human").isPresent()) {
      b = b.withAnnotator(p, args.option("human").get());
    }
    if (args.option("older").isPresent()) {
      String older = args.option("older").get();
      if (older.strip().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
        b = b.withOlderSystem(
            Double.parseDouble(older.strip()), args.option("cite").orElse("given in %" + magic));
      } else {
        b = b.withOlderSystem(
            p,
            notebook.variable(
                magic,
                older,
                Predictions.class,
                "the older system's predictions, or its accuracy on all data such as 0.9"));
      }
    }
    if (args.option("older-column").isPresent()) {
      b = b.withOlderSystem(p, args.option("older-column").get());
    }
    if (args.option("literature").isPresent()) {
      b = b.withLiterature(args.number("literature"), args.option("cite").orElse("given in %" + magic));
    }
    return b;
  }

  /** Reads {@code --hlp}: an existing CSV file, or a Baselines, Table or Map variable. */
  private Baselines hlp(String value) throws Exception {
    Path file = Path.of(value);
    if (Files.isRegularFile(file)) {
      return Baselines.hlp(file);
    }
    if (!SourceVersion.isIdentifier(value)) {
      throw new IllegalArgumentException(
          "%" + magic + ": --hlp \"" + value + "\" is no file (looked in "
              + file.toAbsolutePath().getParent() + ") and no variable name");
    }
    Object v = notebook.variable(magic, value, HLP);
    if (v instanceof Baselines b) {
      return b;
    }
    if (v instanceof Table t) {
      return Baselines.hlp(t);
    }
    if (v instanceof Map<?, ?> m) {
      return Baselines.hlp(numbers(value, m));
    }
    throw new IllegalArgumentException(
        "%" + magic + ": \"" + value + "\" is "
            + (v == null ? "null" : "a " + v.getClass().getSimpleName())
            + ", expected " + HLP);
  }

  private Map<String, Double> numbers(String name, Map<?, ?> m) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(
                "%" + magic + ": " + name + " maps \"" + k + "\" to " + v + ", expected a number");
          }
          out.put(String.valueOf(k), n.doubleValue());
        });
    return out;
  }
}
