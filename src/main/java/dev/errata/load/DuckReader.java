package dev.errata.load;

import dev.errata.internal.Where;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads predictions from files through embedded DuckDB: CSV/TSV exactly as written (every cell
 * text), Parquet (a file, a folder, a glob). Validation and the overall counts come from one scan
 * inside the engine; rows stay in the file (or its columnar copy, see {@link FileCache}).
 */
final class DuckReader {

  /** A number as Errata accepts it in a text cell: locale-free, '.' as the decimal point. */
  static final String NUMBER = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?";

  private DuckReader() {}

  static boolean isParquet(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    return lower.endsWith(".parquet")
        || lower.contains("*")
        || lower.contains("?")
        || Files.isDirectory(Path.of(file));
  }

  /** The reader's options, as given. */
  record Options(
      String file,
      Character separator,
      String actual,
      String predicted,
      String id,
      String score,
      String weight,
      String positive,
      boolean dropMissing,
      Map<String, String> probabilities,
      String probabilityPrefix,
      List<String> missingMarkers,
      boolean mergeNumbers,
      int maxClasses,
      boolean cache,
      java.util.function.Consumer<String> progress) {

    /** Returns every option that changes what loading finds, as one string. */
    String key() {
      return String.join(
          "\u0000",
          String.valueOf(separator),
          actual,
          String.valueOf(id),
          String.valueOf(score),
          String.valueOf(weight),
          String.valueOf(positive),
          String.valueOf(dropMissing),
          String.valueOf(new java.util.TreeMap<>(probabilities)),
          String.valueOf(probabilityPrefix),
          String.valueOf(missingMarkers),
          String.valueOf(mergeNumbers),
          String.valueOf(maxClasses),
          predicted);
    }
  }

  static Predictions load(Options o) {
    String source = o.file();
    Connection connection = DuckDb.connect();
    String from;
    Map<String, String> types = new LinkedHashMap<>();
    FileCache.Stamp stamp = null;
    char sep = ',';
    boolean cached = false;
    List<Path> watched;
    if (isParquet(o.file())) {
      String files = o.file();
      if (Files.isDirectory(Path.of(files))) {
        files = Path.of(files).resolve("**").resolve("*.parquet").toString();
      } else if (!files.contains("*") && !files.contains("?") && !Files.exists(Path.of(files))) {
        throw noSuchFile(Path.of(files));
      }
      // The files are listed once: later queries read exactly these, and check they are unchanged.
      List<Path> parts;
      try {
        parts = files.contains("*") || files.contains("?") || files.contains("[")
            ? DuckDb.glob(connection, files)
            : List.of(Path.of(files));
      } catch (java.sql.SQLException e) {
        throw new IllegalArgumentException("Cannot list the files of " + source + ": " + e.getMessage(), e);
      }
      if (parts.isEmpty()) {
        throw new IllegalArgumentException(
            "No Parquet file matches "
                + source
                + (Files.isDirectory(Path.of(o.file())) ? " (looked for " + files + ")" : "")
                + "; give a .parquet file, a folder holding them, or a glob such as"
                + " parts/*.parquet");
      }
      watched = parts;
      from = DuckDb.parquet(parts);
      describe(connection, source, from, types);
    } else {
      Path file = Path.of(o.file());
      if (!Files.exists(file)) {
        throw noSuchFile(file);
      }
      sep = o.separator() != null ? o.separator() : o.file().endsWith(".tsv") ? '\t' : ',';
      List<String> header = header(file, sep);
      for (String h : header) {
        if (types.put(h, "VARCHAR") != null) {
          throw new IllegalArgumentException(
              file
                  + ": the header names column \""
                  + h
                  + "\" twice; every column needs its own name. Header: "
                  + header);
        }
      }
      stamp = FileCache.Stamp.of(file);
      watched = List.of(file);
      Optional<Path> copy =
          o.cache() && FileCache.worthCopying(stamp.size())
              ? FileCache.find(stamp, sep)
              : Optional.empty();
      cached = copy.isPresent();
      from = copy.map(p -> DuckDb.parquet(p.toString())).orElse(DuckDb.csv(file, sep, header));
    }
    List<String> names = List.copyOf(types.keySet());
    require(names, source, o.actual(), "actual label");
    require(names, source, o.predicted(), "predicted label");
    for (String[] role :
        new String[][] {{o.id(), "id"}, {o.score(), "score"}, {o.weight(), "weight"}}) {
      if (role[0] != null) {
        require(names, source, role[0], role[1]);
      }
    }
    String actual = label(o.actual(), types, o.missingMarkers());
    String predicted = label(o.predicted(), types, o.missingMarkers());
    String weight = o.weight() == null ? null : number(o.weight(), types);
    String score = o.score() == null ? null : number(o.score(), types);

    Summary summary = null;
    String optionsKey = o.key();
    boolean useCache = stamp != null && o.cache() && FileCache.worthCopying(stamp.size());
    if (useCache) {
      summary = FileCache.summary(stamp, sep, optionsKey).orElse(null);
    }
    if (summary == null) {
      summary = validate(connection, source, from, types, o, actual, predicted, weight, score);
      if (useCache) {
        FileCache.saveSummary(stamp, sep, optionsKey, summary);
      }
    }
    Labels labels = summary.labels();
    actual = mergedLabel(actual, summary.merged());
    predicted = mergedLabel(predicted, summary.merged());
    String keep =
        summary.dropped()
            ? "(" + actual + ") IS NOT NULL AND (" + predicted + ") IS NOT NULL"
            : "true";
    Map<String, String> probabilityColumns = summary.probabilityColumns();
    Map<String, String> probabilitySql = new LinkedHashMap<>();
    probabilityColumns.forEach((label, column) -> probabilitySql.put(label, number(column, types)));
    List<String> warnings = summary.warnings();
    long rows = summary.rows();
    double[] unweighted = summary.unweighted();
    double[] weighted = summary.weighted();
    Predictions.Roles roles =
        new Predictions.Roles(
            o.actual(),
            o.predicted(),
            Optional.ofNullable(o.id()),
            Optional.ofNullable(o.score()),
            Optional.ofNullable(o.weight()),
            Optional.ofNullable(o.positive()),
            probabilityColumns);
    DuckBackend backend =
        new DuckBackend(
            source,
            connection,
            from,
            types,
            new DuckBackend.Spec(
                actual,
                predicted,
                keep,
                weight,
                score,
                probabilitySql,
                new DuckBackend.Raw(
                    types.get(o.actual()).equals("VARCHAR") ? o.actual() : null,
                    types.get(o.predicted()).equals("VARCHAR") ? o.predicted() : null,
                    o.missingMarkers(),
                    summary.merged())));
    backend.labels(labels);
    backend.watch(watched);
    backend.roleColumns(o.actual(), o.predicted());
    backend.size((int) rows);
    backend.total(unweighted, weighted);
    Predictions out = new Predictions(source, roles, labels, (int) rows, backend, warnings);
    if (useCache && !cached) {
      cacheInBackground(backend, stamp, sep, from);
    }
    return out;
  }

  /** What loading found, kept beside the columnar copy so an unchanged file loads at once. */
  record Summary(
      long rows,
      boolean dropped,
      Labels labels,
      double[] unweighted,
      double[] weighted,
      List<String> warnings,
      Map<String, String> probabilityColumns,
      Map<String, String> merged) {}

  /** Scans the file once (more only for ids and probabilities) and checks every rule. */
  private static Summary validate(
      Connection connection,
      String source,
      String from,
      Map<String, String> types,
      Options o,
      String actual,
      String predicted,
      String weight,
      String score) {
    List<String> names = List.copyOf(types.keySet());
    java.util.concurrent.CompletableFuture<BlankLines> blank =
        isParquet(o.file())
            ? java.util.concurrent.CompletableFuture.completedFuture(new BlankLines(0, List.of()))
            : java.util.concurrent.CompletableFuture.supplyAsync(
                () -> BlankLines.of(Path.of(o.file())));
    // One scan: counts per (actual, predicted), weights, and how many cells are not valid.
    StringBuilder sql = new StringBuilder("SELECT a, p, count(*) AS n");
    StringBuilder inner = new StringBuilder("SELECT " + actual + " AS a, " + predicted + " AS p");
    if (weight != null) {
      sql.append(", sum(w) AS w, count(*) FILTER (WHERE NOT wok) AS wbad");
      inner.append(", ").append(weight).append(" AS w, ").append(valid(o.weight(), types, false))
          .append(" AS wok");
    }
    if (score != null) {
      sql.append(", count(*) FILTER (WHERE NOT sok) AS sbad");
      inner.append(", ").append(valid(o.score(), types, true)).append(" AS sok");
    }
    sql.append(" FROM (").append(inner).append(" FROM ").append(from).append(") GROUP BY a, p");
    long rows = 0;
    long missing = 0;
    long badWeights = 0;
    long badScores = 0;
    TreeSet<String> distinct = new TreeSet<>();
    java.util.Set<String> actualLabels = new java.util.HashSet<>();
    java.util.Set<String> predictedLabels = new java.util.HashSet<>();
    List<Object[]> groups = new ArrayList<>();
    try (java.sql.PreparedStatement s = connection.prepareStatement(sql.toString());
        Progress progress = Progress.watch(s, source, o.progress());
        ResultSet r = s.executeQuery()) {
      progress.done();
      while (r.next()) {
        String a = r.getString(1);
        String p = r.getString(2);
        long n = r.getLong(3);
        rows += n;
        int c = 4;
        double w = n;
        if (weight != null) {
          w = r.getDouble(c++);
          badWeights += r.getLong(c++);
        }
        if (score != null) {
          badScores += r.getLong(c++);
        }
        if (a == null || p == null) {
          missing += n;
          continue;
        }
        distinct.add(a);
        distinct.add(p);
        actualLabels.add(a);
        predictedLabels.add(p);
        groups.add(new Object[] {a, p, n, w});
      }
    } catch (SQLException e) {
      throw failure(source, e);
    }
    if (rows == 0) {
      throw new IllegalArgumentException(
          source + " has a header but no rows; expected one row per example");
    }
    List<String> warnings = new ArrayList<>();
    BlankLines skipped = blank.join();
    if (skipped.count() > 0) {
      warnings.add(
          skipped.count()
              + " empty line(s) of "
              + source
              + " are not examples and were skipped; first lines "
              + skipped.first());
    }
    String keep = "true";
    if (missing > 0) {
      List<Long> first =
          firstRows(connection, source, from, "(" + actual + ") IS NULL OR (" + predicted + ") IS NULL", 5);
      String what = missingLabels(missing, source, o, first);
      warnings.add("Dropped " + what);
      keep = "(" + actual + ") IS NOT NULL AND (" + predicted + ") IS NOT NULL";
      rows -= missing;
    }
    if (badWeights > 0) {
      throw badNumber(connection, source, from, o.weight(), types, false, "weight", "a number >= 0");
    }
    if (badScores > 0) {
      throw badNumber(
          connection, source, from, o.score(), types, true, "score", "a number in [0, 1]");
    }
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          source + " has " + rows + " rows; Errata counts up to " + Integer.MAX_VALUE + " per set");
    }
    PredictionsReader.checkClasses(
        source, o.actual(), "actual label", actualLabels, rows, o.maxClasses());
    PredictionsReader.checkClasses(
        source, o.predicted(), "predicted label", predictedLabels, rows, o.maxClasses());
    Map<String, String> merged = Labels.numericTwins(distinct);
    if (!merged.isEmpty() && o.mergeNumbers()) {
      distinct.removeAll(merged.keySet());
      for (Object[] g : groups) {
        g[0] = merged.getOrDefault((String) g[0], (String) g[0]);
        g[1] = merged.getOrDefault((String) g[1], (String) g[1]);
      }
    } else {
      if (!merged.isEmpty()) {
        warnings.add(Labels.twinsWarning(source, merged));
      }
      merged = Map.of();
    }
    Labels labels = Labels.sorted(distinct);
    if (o.positive() != null) {
      labels.require(o.positive(), "positive label");
    }
    Map<String, Integer> index = labels.index();
    int k = labels.size();
    double[] unweighted = new double[k * k];
    double[] weighted = new double[k * k];
    for (Object[] g : groups) {
      int cell = index.get((String) g[0]) * k + index.get((String) g[1]);
      unweighted[cell] += (Long) g[2];
      weighted[cell] += (Double) g[3];
    }
    Map<String, String> probabilityColumns =
        RoleChecks.probabilityColumns(
            names, source, labels, o.probabilities(), o.probabilityPrefix(), warnings);
    // Every probability column checked in one scan; the first bad one is then located.
    if (!probabilityColumns.isEmpty()) {
      StringBuilder checks = new StringBuilder();
      for (String column : probabilityColumns.values()) {
        checks
            .append(checks.length() == 0 ? "" : ", ")
            .append("count(*) FILTER (WHERE NOT (")
            .append(valid(column, types, true))
            .append("))");
      }
      List<String> columns = List.copyOf(probabilityColumns.values());
      long[] bad = new long[columns.size()];
      try (Statement st = connection.createStatement();
          ResultSet r =
              st.executeQuery("SELECT " + checks + " FROM " + from + " WHERE " + keep)) {
        r.next();
        for (int i = 0; i < bad.length; i++) {
          bad[i] = r.getLong(i + 1);
        }
      } catch (SQLException e) {
        throw failure(source, e);
      }
      for (int i = 0; i < bad.length; i++) {
        if (bad[i] > 0) {
          throw badNumber(
              connection, source, from, columns.get(i), types, true, "probability",
              "a probability in [0, 1]");
        }
      }
    }
    if (o.id() != null) {
      checkIds(connection, source, from, keep, o.id(), types);
    }
    List<String> predictedOnly = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double asActual = 0;
      double asPredicted = 0;
      for (int j = 0; j < k; j++) {
        asActual += unweighted[c * k + j];
        asPredicted += unweighted[j * k + c];
      }
      if (asPredicted > 0 && asActual == 0) {
        predictedOnly.add(labels.name(c));
      }
    }
    if (!predictedOnly.isEmpty()) {
      warnings.add("Predicted but never actual: " + predictedOnly);
    }
    return new Summary(
        rows,
        missing > 0,
        labels,
        unweighted,
        weight == null ? unweighted : weighted,
        warnings,
        probabilityColumns,
        merged);
  }

  /** Writes the columnar copy of a text file on a background thread, then reads from it. */
  private static void cacheInBackground(
      DuckBackend backend, FileCache.Stamp stamp, char sep, String from) {
    Thread t =
        new Thread(
            () -> {
              Optional<Path> copy =
                  FileCache.store(
                      stamp,
                      sep,
                      tmp -> {
                        try (Connection c = DuckDb.connect();
                            Statement s = c.createStatement()) {
                          s.execute(DuckDb.copyToParquet("SELECT * FROM " + from, tmp));
                        }
                      });
              copy.ifPresent(p -> backend.switchTo(DuckDb.parquet(p.toString())));
            },
            "errata-cache " + stamp.file().getFileName());
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    backend.cacheThread(t);
  }

  /**
   * Describes rows without an actual or predicted label, the same words on every engine; unless
   * the options drop them, throws the error that says how.
   */
  static String missingLabels(long missing, String source, Options o, List<Long> first) {
    String what =
        missing
            + " row(s) of "
            + source
            + " have no actual (\""
            + o.actual()
            + "\") or predicted (\""
            + o.predicted()
            + "\") label; first rows "
            + first;
    if (!o.dropMissing()) {
      throw new IllegalArgumentException(
          what
              + ". Only an empty cell is missing. Fill them in, or drop them with"
              + " dropMissing(true) (magic: --drop-missing)");
    }
    return what;
  }

  private static IllegalArgumentException noSuchFile(Path file) {
    return new IllegalArgumentException(
        "No such file: " + file + " (looked in " + file.toAbsolutePath().getParent() + ")");
  }

  private static void describe(
      Connection c, String source, String from, Map<String, String> types) {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
      while (r.next()) {
        types.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw failure(source, e);
    }
  }

  /** Reads the header record (quoted names allowed); errors on an empty file. */
  static List<String> header(Path file, char sep) {
    String line;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      boolean quoted = false;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '"') {
          quoted = !quoted;
        } else if (b == '\n' && !quoted) {
          break;
        }
        bytes.write(b);
      }
      try {
        line =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IllegalArgumentException(
            Where.line(1, file) + " (the header): not valid UTF-8 text; save the file as UTF-8 (Errata"
                + " reads UTF-8)",
            e);
      }
      if (line.isBlank()) {
        throw new IllegalArgumentException(
            file
                + " is empty; expected a header row naming the columns, then one row per example");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == sep) {
        out.add(cell.toString());
        cell.setLength(0);
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  static void require(List<String> names, String source, String column, String role) {
    if (!names.contains(column)) {
      throw new IllegalArgumentException(
          "No column \"" + column + "\" (" + role + ") in " + source + "; columns are " + names);
    }
  }

  /** SQL for a label cell: its text, NULL when empty or one of the named missing markers. */
  private static String label(String column, Map<String, String> types, List<String> markers) {
    String text = "NULLIF(" + DuckDb.labelText(column, types.get(column)) + ", '')";
    if (markers.isEmpty()) {
      return text;
    }
    StringBuilder in = new StringBuilder();
    for (String m : markers) {
      in.append(in.length() == 0 ? "" : ", ").append(DuckDb.text(m));
    }
    return "CASE WHEN " + text + " IN (" + in + ") THEN NULL ELSE " + text + " END";
  }

  /** SQL mapping each merged spelling of a number to the spelling that names its class. */
  private static String mergedLabel(String label, Map<String, String> merged) {
    if (merged.isEmpty()) {
      return label;
    }
    StringBuilder sql = new StringBuilder("CASE (" + label + ")");
    merged.forEach(
        (from, to) -> sql.append(" WHEN ").append(DuckDb.text(from)).append(" THEN ").append(DuckDb.text(to)));
    return sql.append(" ELSE (").append(label).append(") END").toString();
  }

  /** SQL for a number column's value (valid cells only). */
  private static String number(String column, Map<String, String> types) {
    String c = DuckDb.name(column);
    return types.get(column).equals("VARCHAR") ? DuckDb.tryDouble(c) : DuckDb.asDouble(c);
  }

  /** SQL that is true when the cell is a valid weight (>= 0) or, with {@code unit}, in [0, 1]. */
  private static String valid(String column, Map<String, String> types, boolean unit) {
    String c = DuckDb.name(column);
    String value = number(column, types);
    String range =
        unit ? value + " BETWEEN 0 AND 1" : DuckDb.finite(value) + " AND " + value + " >= 0";
    String parses =
        types.get(column).equals("VARCHAR")
            ? DuckDb.matches(c, NUMBER)
            : "NOT " + DuckDb.nan(c);
    return "coalesce(" + parses + " AND " + range + ", false)";
  }

  private static IllegalArgumentException badNumber(
      Connection c,
      String source,
      String from,
      String column,
      Map<String, String> types,
      boolean unit,
      String what,
      String expected) {
    String sql =
        "SELECT r, CAST(" + DuckDb.name(column) + " AS VARCHAR) FROM (SELECT row_number() OVER () AS r, * FROM "
            + from
            + ") WHERE NOT ("
            + valid(column, types, unit)
            + ") ORDER BY r LIMIT 1";
    long row = 0;
    String cell = null;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      if (r.next()) {
        row = r.getLong(1);
        cell = r.getString(2);
      }
    } catch (SQLException e) {
      throw failure(source, e);
    }
    String where = Columns.rowMessage(source, row - 1, column);
    if (cell == null || cell.isEmpty()) {
      return new IllegalArgumentException(where + ": missing value; expected " + expected);
    }
    boolean text = types.get(column).equals("VARCHAR");
    if (text && !cell.matches(NUMBER)) {
      return new IllegalArgumentException(
          Columns.notANumber(source, (int) row - 1, column, cell, expected));
    }
    return new IllegalArgumentException(
        where
            + ": "
            + what
            + " "
            + cell
            + (unit ? " is outside [0, 1]" : " is not a finite number >= 0"));
  }

  private static List<Long> firstRows(
      Connection c, String source, String from, String condition, int limit) {
    List<Long> out = new ArrayList<>();
    String sql =
        "SELECT r FROM (SELECT row_number() OVER () AS r, * FROM "
            + from
            + ") WHERE "
            + condition
            + " ORDER BY r LIMIT "
            + limit;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getLong(1));
      }
    } catch (SQLException e) {
      throw failure(source, e);
    }
    return out;
  }

  private static long count(Connection c, String source, String from, String keep, String condition) {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM " + from + " WHERE (" + keep + ") AND (" + condition + ")")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw failure(source, e);
    }
  }

  private static void checkIds(
      Connection c, String source, String from, String keep, String id, Map<String, String> types) {
    String text = "NULLIF(" + DuckDb.labelText(id, types.get(id)) + ", '')";
    long missing = count(c, source, from, keep, text + " IS NULL");
    String numbered =
        "(SELECT row_number() OVER () AS r, " + text + " AS id FROM " + from + " WHERE " + keep + ")";
    if (missing > 0) {
      List<Long> rows = firstRows(c, source, "(SELECT * FROM " + from + " WHERE " + keep + ")", text + " IS NULL", 1);
      throw new IllegalArgumentException(
          Columns.rowMessage(source, rows.get(0) - 1, id)
              + ": missing id; every example needs one");
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) - count(DISTINCT " + text + ") FROM " + from + " WHERE " + keep)) {
      r.next();
      if (r.getLong(1) == 0) {
        return;
      }
    } catch (SQLException e) {
      throw failure(source, e);
    }
    String sql =
        "SELECT id, min(r), " + DuckDb.secondSmallest("r") + " AS second FROM "
            + numbered
            + " GROUP BY id HAVING count(*) > 1 ORDER BY second LIMIT 1";
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      throw new IllegalArgumentException(
          Columns.rowMessage(source, r.getLong(3) - 1, id)
              + ": duplicate id \""
              + r.getString(1)
              + "\" (first seen at row "
              + String.format(Locale.ROOT, "%,d", r.getLong(2))
              + "); ids must be unique");
    } catch (SQLException e) {
      throw failure(source, e);
    }
  }

  private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern COLUMNS =
      Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
  private static final Pattern ORIGINAL = Pattern.compile("Original Line: ?(.*)");

  /** Turns an engine error into one that names the file, line and what was wrong. */
  static IllegalArgumentException failure(String source, SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Matcher line = CSV_LINE.matcher(message);
    Matcher columns = COLUMNS.matcher(message);
    Matcher original = ORIGINAL.matcher(message);
    String text = original.find() ? original.group(1) : null;
    if (text != null && text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    if (line.find()) {
      String where = Where.line(Long.parseLong(line.group(1)), source);
      if (columns.find()) {
        return new IllegalArgumentException(
            where
                + ": expected "
                + columns.group(1)
                + " fields (as many as the header has), found "
                + columns.group(2)
                + (text == null ? "" : ": " + text),
            e);
      }
      if (message.contains("unicode") || message.contains("UTF")) {
        return new IllegalArgumentException(
            where + ": not valid UTF-8 text; save the file as UTF-8 (Errata reads UTF-8)", e);
      }
      return new IllegalArgumentException(where + ": " + firstLine(message), e);
    }
    if (message.contains("No files found")) {
      return new IllegalArgumentException("No Parquet files match " + source, e);
    }
    return new IllegalArgumentException("Cannot read " + source + ": " + firstLine(message), e);
  }

  private static String firstLine(String message) {
    String first = message.strip().split("\\R", 2)[0];
    return first.isBlank() ? message.strip() : first;
  }
}
