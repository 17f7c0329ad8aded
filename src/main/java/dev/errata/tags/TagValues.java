package dev.errata.tags;

import java.util.Locale;

/** Reads one cell of a boolean tag column: the spellings people type into a spreadsheet. */
final class TagValues {

  /** The accepted spellings, as error messages list them. */
  static final String ACCEPTED = "true/false, 1/0, yes/no, x/blank (any case)";

  private TagValues() {}

  /** Returns TRUE or FALSE for an accepted spelling (blank is false), or null for anything else. */
  static Boolean parse(String cell) {
    String s = cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "1", "yes", "x" -> Boolean.TRUE;
      case "false", "0", "no", "" -> Boolean.FALSE;
      default -> null;
    };
  }
}
