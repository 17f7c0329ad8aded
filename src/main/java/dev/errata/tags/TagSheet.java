package dev.errata.tags;

import dev.errata.internal.Where;

import dev.errata.internal.Csv;
import dev.errata.internal.RowBits;
import dev.errata.load.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.columns.Column;

/** Reads a filled tagging sheet and joins it to the predictions by id. */
final class TagSheet {

  /** Columns for free text, and the relabelling sheet's corrected label, that are never tags. */
  private static final Set<String> TEXT_COLUMNS =
      Set.of("notes", "note", "comment", "comments", "relabel");

  /** The column that may list several tags in one cell. */
  static final String LIST_COLUMN = "tags";

  private TagSheet() {}

  static Tags read(Predictions p, Path file, Optional<List<String>> explicit) {
    String idColumn = requireId(p, "Reading a tagging sheet");
    Csv csv = Csv.read(file);
    String name = file.getFileName().toString();
    int idIndex = idIndex(csv, idColumn, name);
    checkUniqueIds(csv, idIndex, name);

    Column<?> ids = p.column(idColumn, "id");
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < p.size(); i++) {
      rowOf.put(ids.getString(i), i);
    }
    int n = p.size();
    int[] matched = new int[csv.rows().size()];
    long[] known = new long[RowBits.wordCount(n)];
    List<String> unmatched = new ArrayList<>();
    for (int r = 0; r < matched.length; r++) {
      String id = csv.cell(r, idIndex).trim();
      Integer row = rowOf.get(id);
      matched[r] = row == null ? -1 : row;
      if (row == null) {
        unmatched.add(id);
      } else {
        known[row >>> 6] |= 1L << row;
      }
    }

    Map<String, long[]> bits = new LinkedHashMap<>();
    for (int col : tagColumns(csv, p, explicit, name)) {
      String tag = csv.header().get(col);
      long[] w = bits.computeIfAbsent(tag, k -> new long[RowBits.wordCount(n)]);
      for (int r = 0; r < matched.length; r++) {
        Boolean v = TagValues.parse(csv.cell(r, col));
        if (v == null) {
          throw new IllegalArgumentException(
              Where.cell(r + 1L, name, tag)
                  + String.format(
                  Locale.ROOT,
                  ": \"%s\" is not a tag value; accepted: %s."
                      + " Free text belongs in a column named notes",
                  csv.cell(r, col),
                  TagValues.ACCEPTED));
        }
        if (v && matched[r] >= 0) {
          w[matched[r] >>> 6] |= 1L << matched[r];
        }
      }
    }
    int list = explicit.isPresent() ? -1 : listColumn(csv, p);
    if (list >= 0) {
      for (int r = 0; r < matched.length; r++) {
        for (String t : csv.cell(r, list).split("[;,]")) {
          String tag = t.trim();
          if (!tag.isEmpty() && matched[r] >= 0) {
            bits.computeIfAbsent(tag, k -> new long[RowBits.wordCount(n)])[matched[r] >>> 6] |=
                1L << matched[r];
          }
        }
      }
    }

    RowBits knownBits = RowBits.ofWords(n, known);
    List<Tag> tags = new ArrayList<>();
    bits.forEach(
        (tag, w) -> tags.add(new Tag(tag, RowBits.ofWords(n, w), knownBits, "sheet " + name, false)));
    List<String> notes = new ArrayList<>();
    if (!unmatched.isEmpty()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%,d of %,d rows of %s match no example of %s by id: %s",
              unmatched.size(),
              matched.length,
              name,
              p.source(),
              first(unmatched)));
    }
    return Tags.of(p, tags, notes);
  }

  /** Returns the id column name, or throws saying that {@code what} needs ids. */
  static String requireId(Predictions p, String what) {
    return p.roles()
        .id()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what
                        + " needs an id column in the predictions, to join the sheet to the examples;"
                        + " read "
                        + p.source()
                        + " with .id(\"column\") (magic: --id COL); columns are "
                        + p.columnNames()));
  }

  static int idIndex(Csv csv, String idColumn, String name) {
    int i = csv.column(idColumn);
    if (i < 0) {
      throw new IllegalArgumentException(
          "No column \"" + idColumn + "\" (id) in " + name + "; columns are " + csv.header());
    }
    return i;
  }

  /** Throws listing every id that appears on more than one row of the sheet. */
  static void checkUniqueIds(Csv csv, int idIndex, String name) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    for (int r = 0; r < csv.rows().size(); r++) {
      rows.computeIfAbsent(csv.cell(r, idIndex).trim(), k -> new ArrayList<>()).add(r + 1);
    }
    List<String> dups = new ArrayList<>();
    rows.forEach(
        (id, at) -> {
          if (at.size() > 1) {
            dups.add("\"" + id + "\" (rows " + String.join(", ", at.stream().map(String::valueOf).toList()) + ")");
          }
        });
    if (!dups.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + " has duplicate ids: "
              + String.join(", ", first(dups))
              + "; each example must appear once, so merge those rows");
    }
  }

  private static List<Integer> tagColumns(
      Csv csv, Predictions p, Optional<List<String>> explicit, String name) {
    List<Integer> out = new ArrayList<>();
    if (explicit.isPresent()) {
      for (String t : explicit.get()) {
        int i = csv.column(t);
        if (i < 0) {
          throw new IllegalArgumentException(
              "No column \"" + t + "\" (tag column) in " + name + "; columns are " + csv.header());
        }
        out.add(i);
      }
      return out;
    }
    for (int i = 0; i < csv.header().size(); i++) {
      String h = csv.header().get(i);
      String lower = h.toLowerCase(Locale.ROOT);
      if (!h.isEmpty()
          && !p.columnNames().contains(h)
          && !TEXT_COLUMNS.contains(lower)
          && !h.startsWith("#")
          && !lower.equals(LIST_COLUMN)) {
        out.add(i);
      }
    }
    return out;
  }

  private static int listColumn(Csv csv, Predictions p) {
    for (int i = 0; i < csv.header().size(); i++) {
      String h = csv.header().get(i);
      if (h.equalsIgnoreCase(LIST_COLUMN) && !p.columnNames().contains(h)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns at most ten items, then "… N more". */
  static List<String> first(List<String> items) {
    if (items.size() <= 10) {
      return items;
    }
    List<String> out = new ArrayList<>(items.subList(0, 10));
    out.add("… " + (items.size() - 10) + " more");
    return out;
  }
}
