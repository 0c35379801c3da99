package org.sprintchain.testnet.load;

import java.time.Duration;

/**
 * The knobs of {@code bin/sprint load}.
 *
 * @param targetTps total submissions per second over all clients; 0 = as fast as the nodes answer
 * @param warmup load before the measurement window opens
 * @param duration the measurement window
 * @param clients sending threads; client {@code k} starts on node {@code k mod n}
 * @param accounts funded sender accounts (at least {@code clients})
 */
public record LoadOptions(
    int targetTps, Duration warmup, Duration duration, int clients, int accounts, LoadMix mix) {
  public static final LoadOptions DEFAULT =
      new LoadOptions(100, Duration.ofSeconds(5), Duration.ofSeconds(30), 8, 64, LoadMix.TRANSFERS);

  public LoadOptions {
    if (targetTps < 0 || targetTps > 1_000_000) {
      throw new IllegalArgumentException("--tps must be in [0, 1000000], got " + targetTps);
    }
    if (warmup.isNegative() || warmup.toSeconds() > 3600) {
      throw new IllegalArgumentException("--warmup must be in [0, 3600] s");
    }
    if (duration.isNegative() || duration.isZero() || duration.toSeconds() > 24 * 3600) {
      throw new IllegalArgumentException("--duration must be in [1, 86400] s");
    }
    if (clients < 1 || clients > 256) {
      throw new IllegalArgumentException("--clients must be in [1, 256], got " + clients);
    }
    if (accounts < clients || accounts > 100_000) {
      throw new IllegalArgumentException(
          "--accounts must be in [clients, 100000], got " + accounts + " with " + clients);
    }
  }
}
