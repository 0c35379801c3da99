package org.sprintchain.testnet.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link LoadGenerator} runs.
 *
 * @param rpcUrls nodes to send to; client {@code k} uses {@code rpcUrls[k % size]}, and the block
 *     watcher follows the first
 * @param clients sending threads, each with its own {@link TxStream} and HTTP connection
 * @param warmup load before the measurement window opens
 * @param duration the measurement window
 * @param targetTps total submissions per second over all clients; 0 sends as fast as the nodes
 *     answer
 * @param drainTimeout after the load stops, how long to wait for acknowledged txs to reach a block
 * @param progressInterval how often to print a progress line
 * @param maxPending clients pause while this many acknowledged txs are not yet in a block; keep it
 *     below CometBFT's mempool {@code size} (5000 by default), because a tx that CheckTx accepts
 *     while the mempool fills up can be dropped although {@code broadcast_tx_sync} answered code 0
 *     (cometbft/cometbft#1516); 0 means no limit
 */
public record LoadConfig(
    List<URI> rpcUrls,
    int clients,
    Duration warmup,
    Duration duration,
    int targetTps,
    Duration drainTimeout,
    Duration progressInterval,
    int maxPending) {
  /** 80% of CometBFT's default mempool size. */
  public static final int DEFAULT_MAX_PENDING = 4_000;

  public LoadConfig {
    rpcUrls = List.copyOf(rpcUrls);
    if (rpcUrls.isEmpty()) {
      throw new IllegalArgumentException("need at least one RPC URL");
    }
    if (clients < 1 || clients > 256) {
      throw new IllegalArgumentException("clients must be in [1, 256], got " + clients);
    }
    if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("warmup must be >= 0 and duration > 0");
    }
    if (maxPending < 0) {
      throw new IllegalArgumentException("maxPending must be >= 0, got " + maxPending);
    }
    if (targetTps < 0) {
      throw new IllegalArgumentException("targetTps must be >= 0, got " + targetTps);
    }
  }

  /** Max rate, 60 s drain, a progress line every 5 s, {@link #DEFAULT_MAX_PENDING}. */
  public static LoadConfig of(List<URI> rpcUrls, int clients, Duration warmup, Duration duration) {
    return new LoadConfig(
        rpcUrls,
        clients,
        warmup,
        duration,
        0,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        DEFAULT_MAX_PENDING);
  }

  public LoadConfig withTargetTps(int tps) {
    return new LoadConfig(
        rpcUrls, clients, warmup, duration, tps, drainTimeout, progressInterval, maxPending);
  }

  public LoadConfig withDrainTimeout(Duration timeout) {
    return new LoadConfig(
        rpcUrls, clients, warmup, duration, targetTps, timeout, progressInterval, maxPending);
  }
}
