package dev.errata.log;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What a run used, measured when it ended.
 *
 * @param wallMillis wall-clock time from start to end
 * @param peakHeapBytes peak heap use since the start: the sum of each heap pool's peak, an upper
 *     bound (pools peak at different moments); it covers the whole JVM, not just this run
 */
public record Usage(long wallMillis, long peakHeapBytes) {

  /** Resets the heap pools' peaks so that {@link #peakHeapSinceReset} measures from now. */
  static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Returns the heap peak since the last reset, at least the heap in use now. */
  static long peakHeapSinceReset() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return Math.max(sum, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }
}
