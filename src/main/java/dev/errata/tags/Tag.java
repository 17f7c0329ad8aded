package dev.errata.tags;

import dev.errata.internal.RowBits;

/**
 * One tag over the rows of a predictions set: where it is set, and where it is known at all (a
 * tagging sheet knows only the rows it lists). {@code bits} is always a subset of {@code known}.
 *
 * @param name the tag's name (for a derived tag, its expression)
 * @param bits rows carrying the tag
 * @param known rows whose tag value is known
 * @param source where the tag came from, e.g. {@code column "car_noise"}
 * @param derived whether it is computed from other tags (then it does not count for "untagged")
 */
record Tag(String name, RowBits bits, RowBits known, String source, boolean derived) {

  Tag {
    if (!bits.andNot(known).equals(RowBits.none(bits.size()))) {
      throw new IllegalArgumentException("Tag \"" + name + "\" is set on rows where it is unknown");
    }
  }
}
