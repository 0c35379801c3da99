package org.sprintchain.testnet.load;

import java.util.Arrays;

/**
 * Percentiles of confirmation latency (submit to first seen in a block), in milliseconds, by the
 * nearest-rank method. All zero when there are no samples.
 */
public record LatencyStats(
    int samples, long p50Millis, long p95Millis, long p99Millis, long maxMillis) {
  public static LatencyStats of(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencyStats(0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencyStats(
        sorted.length,
        millis(rank(sorted, 50)),
        millis(rank(sorted, 95)),
        millis(rank(sorted, 99)),
        millis(sorted[sorted.length - 1]));
  }

  private static long rank(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }
}
