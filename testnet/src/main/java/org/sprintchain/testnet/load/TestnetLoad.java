package org.sprintchain.testnet.load;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.NodeReport;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.TestnetException;

/**
 * {@code bin/sprint load}: signed transfers spread over every running node's RPC of a local
 * testnet, funded from its {@code demo} key; warm-up, measurement window, drain, and a check that
 * every acknowledged tx is in a block with code 0. The result is saved in the testnet folder for
 * {@code testnet report}.
 */
public final class TestnetLoad {
  /** Load accounts derive from this tag, so that later runs reuse (and top up) the same ones. */
  public static final String SEED_TAG = "load";

  private static final long FUNDING_PER_ACCOUNT = 1_000_000;

  private TestnetLoad() {}

  /**
   * Runs the load; blocks for about warm-up + duration (+ setup and drain).
   *
   * @throws TestnetException when no node runs or the testnet runs CometBFT's kvstore
   */
  public static LoadResult run(LocalTestnet net, LoadOptions options, Consumer<String> progress) {
    if (net.manifest().app() != TestnetConfig.App.SPRINT) {
      throw new TestnetException(
          "the testnet in "
              + net.dir()
              + " runs CometBFT's kvstore; 'load' sends signed transfers");
    }
    List<URI> urls =
        net.nodes().stream()
            .filter(n -> n.report().state() == NodeReport.State.RUNNING)
            .map(NodeProcess::rpcUrl)
            .toList();
    if (urls.isEmpty()) {
      throw new TestnetException(
          "no node of the testnet in "
              + net.dir()
              + " runs; start it with 'bin/sprint testnet up'");
    }
    progress.accept(
        "load: "
            + options.mix().label()
            + " over "
            + urls.size()
            + " node(s), "
            + options.clients()
            + " clients, "
            + (options.targetTps() == 0 ? "max rate" : options.targetTps() + " tx/s target"));
    LoadConfig config =
        LoadConfig.of(urls, options.clients(), options.warmup(), options.duration())
            .withTargetTps(options.targetTps());
    TransferTxSource source =
        new TransferTxSource(
            net.demoKey(), options.accounts(), FUNDING_PER_ACCOUNT, SEED_TAG, options.mix());
    Instant started = Instant.now();
    try (LoadRun run = new LoadGenerator(config, progress).start(source)) {
      progress.accept("load: warming up for " + options.warmup().toSeconds() + " s");
      run.sleepWithProgress(options.warmup());
      run.openWindow();
      progress.accept("load: measuring for " + options.duration().toSeconds() + " s");
      run.sleepWithProgress(options.duration());
      LoadReport report = run.stop();
      return new LoadResult(
          started,
          Instant.now(),
          net.chainId(),
          options,
          report,
          run.acknowledgedTpsInWindow(),
          run.acknowledgedByNode(),
          run.watcher().blocks());
    }
  }
}
