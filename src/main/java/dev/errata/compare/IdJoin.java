package dev.errata.compare;

import dev.errata.load.ColumnCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs rows of a left table with rows of a right table whose id equals the left row's key. Right
 * ids are unique; left keys may repeat (several augmented examples from one original).
 *
 * @param left matched left rows
 * @param right the right row of each matched left row
 * @param leftOnly left keys with no right row, in row order
 * @param rightOnly right ids no left row refers to, in row order
 */
record IdJoin(int[] left, int[] right, List<String> leftOnly, List<String> rightOnly) {

  static IdJoin of(ColumnCodes leftKeys, ColumnCodes rightIds) {
    Map<String, Integer> rightCode = new HashMap<>();
    for (int c = 0; c < rightIds.values().size(); c++) {
      rightCode.put(rightIds.values().get(c), c);
    }
    int[] rowOfRightCode = new int[rightIds.values().size()];
    for (int i = 0; i < rightIds.size(); i++) {
      rowOfRightCode[rightIds.code(i)] = i;
    }
    int[] leftToRight = new int[leftKeys.values().size()];
    for (int c = 0; c < leftToRight.length; c++) {
      leftToRight[c] = rightCode.getOrDefault(leftKeys.values().get(c), -1);
    }
    boolean[] used = new boolean[rightIds.values().size()];
    int[] left = new int[leftKeys.size()];
    int[] right = new int[leftKeys.size()];
    int matched = 0;
    List<String> leftOnly = new ArrayList<>();
    for (int i = 0; i < leftKeys.size(); i++) {
      int code = leftToRight[leftKeys.code(i)];
      if (code < 0) {
        leftOnly.add(leftKeys.values().get(leftKeys.code(i)));
      } else {
        used[code] = true;
        left[matched] = i;
        right[matched++] = rowOfRightCode[code];
      }
    }
    List<String> rightOnly = new ArrayList<>();
    for (int i = 0; i < rightIds.size(); i++) {
      if (!used[rightIds.code(i)]) {
        rightOnly.add(rightIds.values().get(rightIds.code(i)));
      }
    }
    return new IdJoin(
        java.util.Arrays.copyOf(left, matched),
        java.util.Arrays.copyOf(right, matched),
        List.copyOf(leftOnly),
        List.copyOf(rightOnly));
  }

  int matched() {
    return left.length;
  }
}
