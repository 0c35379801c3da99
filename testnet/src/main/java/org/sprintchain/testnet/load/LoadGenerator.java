package org.sprintchain.testnet.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/**
 * Drives a chain with transactions from a {@link TxSource} and measures what commits.
 *
 * <p>{@link #run} is the benchmark shape: set up the source, send for {@code warmup}, then measure
 * for {@code duration}, stop, wait for the acknowledged txs to land, and verify that every one of
 * them is in a block with code 0. {@link #start} hands back the running {@link LoadRun} for fault
 * tests that kill nodes under load.
 */
public final class LoadGenerator {
  private final LoadConfig config;
  private final Consumer<String> progress;

  public LoadGenerator(LoadConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Runs warm-up, measurement, drain and verification; blocks for about their sum. */
  public LoadReport run(TxSource source) {
    try (LoadRun run = start(source)) {
      progress.accept(source.name() + ": warming up for " + config.warmup().toSeconds() + " s");
      run.sleepWithProgress(config.warmup());
      run.openWindow();
      progress.accept(source.name() + ": measuring for " + config.duration().toSeconds() + " s");
      run.sleepWithProgress(config.duration());
      return run.stop();
    }
  }

  /**
   * Sets the source up and starts the clients and the block watcher; the measurement window opens
   * now (call {@link LoadRun#openWindow()} to move it).
   */
  public LoadRun start(TxSource source) {
    // The streams may keep using this client (a transfer stream re-reads its sequences after a
    // crash), so the run owns it and closes it at the end.
    CometRpcClient setup = firstAnswering();
    try {
      List<TxStream> streams = source.open(setup, config.clients(), progress);
      long fromHeight = setup.status().latestHeight() + 1;
      return new LoadRun(config, source.name(), streams, fromHeight, setup, progress);
    } catch (RuntimeException e) {
      setup.close();
      throw e;
    }
  }

  /** A client for the first node in {@link LoadConfig#rpcUrls()} that answers {@code /status}. */
  private CometRpcClient firstAnswering() {
    RpcException last = null;
    for (URI url : config.rpcUrls()) {
      CometRpcClient rpc = new CometRpcClient(url, Duration.ofSeconds(10));
      try {
        rpc.status();
        return rpc;
      } catch (RpcException e) {
        last = e;
        rpc.close();
      }
    }
    throw new RpcException("no node answers: " + last.getMessage());
  }
}
