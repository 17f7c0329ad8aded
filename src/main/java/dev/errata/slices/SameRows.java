package dev.errata.slices;

import dev.errata.load.ColumnCodes;

/** Decides whether two {@code column = value} predicates select exactly the same rows. */
final class SameRows {

  private SameRows() {}

  /** Returns whether {@code a = va} holds on exactly the rows where {@code b = vb} holds. */
  static boolean of(ColumnCodes a, int va, ColumnCodes b, int vb) {
    for (int i = 0; i < a.size(); i++) {
      if ((a.code(i) == va) != (b.code(i) == vb)) {
        return false;
      }
    }
    return true;
  }
}
