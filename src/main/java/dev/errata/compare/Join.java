package dev.errata.compare;

import java.util.List;

/**
 * How two runs' examples matched by id.
 *
 * @param matched examples present in both runs
 * @param onlyBefore how many ids only the first run has
 * @param firstOnlyBefore the first of those ids
 * @param onlyAfter how many ids only the second run has
 * @param firstOnlyAfter the first of those ids
 * @param relabelled matched examples whose actual label differs between the runs
 * @param firstRelabelled the first of those ids
 */
public record Join(
    long matched,
    long onlyBefore,
    List<String> firstOnlyBefore,
    long onlyAfter,
    List<String> firstOnlyAfter,
    long relabelled,
    List<String> firstRelabelled) {

  /** How many ids of each kind are kept for the report. */
  public static final int SHOWN = 20;

  public Join {
    firstOnlyBefore = List.copyOf(firstOnlyBefore);
    firstOnlyAfter = List.copyOf(firstOnlyAfter);
    firstRelabelled = List.copyOf(firstRelabelled);
  }

  /** Returns whether every id matched and no label changed. */
  public boolean clean() {
    return onlyBefore == 0 && onlyAfter == 0 && relabelled == 0;
  }
}
