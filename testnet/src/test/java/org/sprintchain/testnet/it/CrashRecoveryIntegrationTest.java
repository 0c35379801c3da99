package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.AppStatus;
import org.sprintchain.client.TxResult;
import org.sprintchain.testnet.DetachedProcess;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.load.BlockWatcher;
import org.sprintchain.testnet.load.LoadConfig;
import org.sprintchain.testnet.load.LoadGenerator;
import org.sprintchain.testnet.load.LoadReport;
import org.sprintchain.testnet.load.LoadRun;
import org.sprintchain.testnet.load.TransferTxSource;

/**
 * {@code kill -9} of both processes of a node under load, twice, then a replay of the whole chain
 * into an app whose data was wiped. Nothing committed may be lost or change: header app hashes stay
 * as first seen, every tx seen committed before a kill is still there with code 0, the app's own
 * app hash agrees with the next header, and the balances equal a replay of every block's txs
 * through the test's model.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrashRecoveryIntegrationTest {
  private static final int CYCLES = 3;
  private static final int ACCOUNTS = 8;
  private static final int CLIENTS = 4;
  private static final int TARGET_TPS = 120;
  private static final Duration RESTART = Duration.ofSeconds(90);

  @TempDir Path dir;
  private SingleNodeChain chain;

  @AfterEach
  void stop() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void killNineUnderLoadLosesNothingCommittedAndAReplayFromScratchAgrees() throws Exception {
    chain = SingleNodeChain.start(dir);
    Ed25519.KeyPair demo = chain.net().demoKey();
    Address validator = chain.proposer(1);
    TransferTxSource source = new TransferTxSource(demo, ACCOUNTS, 1_000_000, "crash-it");
    // The model starts from the state before any tx: the genesis balances.
    LedgerModel model = new LedgerModel();
    model.track(chain.queries(), demo.address());
    model.track(chain.queries(), validator);
    for (Ed25519.KeyPair k : source.keys()) {
      model.track(chain.queries(), k.address());
    }

    long seed = System.nanoTime();
    Random random = new Random(seed);
    System.out.println("kill timing seed " + seed);
    LoadConfig config =
        new LoadConfig(
            List.of(chain.node().rpcUrl()),
            CLIENTS,
            Duration.ZERO,
            Duration.ofMinutes(3),
            TARGET_TPS,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            LoadConfig.DEFAULT_MAX_PENDING);
    Map<Long, String> seenHashes = new TreeMap<>();
    LoadReport report;
    try (LoadRun run = new LoadGenerator(config, System.out::println).start(source)) {
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        // An unaligned moment: whole seconds plus a random number of microseconds.
        long delayMicros = 2_000_000 + random.nextLong(2_000_000);
        TimeUnit.MICROSECONDS.sleep(delayMicros);

        long before = chain.height();
        seenHashes.putAll(ChainHistory.appHashes(chain.rpc(), 1, before));
        Map<String, BlockWatcher.Inclusion> committed = committedSoFar(run);
        killNine(random.nextBoolean());
        System.out.printf(
            "cycle %d: killed at height %d after %d us with %d txs seen committed%n",
            cycle, before, delayMicros, committed.size());
        assertTrue(committed.size() > 0, "load was committing before the kill");

        restart();
        chain.awaitHeight(before + 3, RESTART);
        assertHeadersUnchanged(seenHashes);
        assertStillCommitted(committed);
      }
      report = run.stop();
    }
    System.out.println(report.summary());

    long end = settledHeight();
    assertAppHashAgreesWithNextHeader();
    ChainHistory.replayInto(model, chain.rpc(), 1, end);
    model.assertMatches(chain.queries());

    // Replay: wipe only the app's state; CometBFT must replay every block into a fresh app and
    // arrive at the same app hashes (it halts on a mismatch), then keep going.
    Map<Long, String> all = ChainHistory.appHashes(chain.rpc(), 1, end);
    NodeProcess node = chain.node();
    node.stop(Duration.ofSeconds(10));
    deleteTree(node.dir().resolve("data"));
    assertTrue(Files.isDirectory(node.cometHome().resolve("data")), "CometBFT's data stays");
    restart();
    chain.awaitHeight(end + 3, RESTART);
    assertHeadersUnchanged(all);
    String cometLog = Files.readString(node.cometLog());
    assertTrue(
        cometLog.contains("ABCI Replay Blocks") && cometLog.contains("appHeight=0"),
        "CometBFT replayed the chain into the wiped app");
    assertAppHashAgreesWithNextHeader();
    model.assertMatches(chain.queries());
    assertTrue(chain.node().diagnose().isEmpty(), "app and CometBFT still run");
  }

  /** Every acknowledged tx the watcher has seen in a block with code 0. */
  private static Map<String, BlockWatcher.Inclusion> committedSoFar(LoadRun run) {
    Map<String, BlockWatcher.Inclusion> committed = new TreeMap<>();
    for (String hash : run.acknowledged().keySet()) {
      Optional<BlockWatcher.Inclusion> in = run.watcher().inclusion(hash);
      if (in.isPresent() && in.get().code() == 0) {
        committed.put(hash, in.get());
      }
    }
    return committed;
  }

  /** SIGKILL to the app and CometBFT, in either order, as close together as we can. */
  private void killNine(boolean appFirst) throws Exception {
    NodeProcess node = chain.node();
    List<ProcessHandle> victims = new ArrayList<>();
    Optional<DetachedProcess> app = node.app();
    Optional<DetachedProcess> comet = node.comet();
    assertTrue(app.isPresent() && comet.isPresent(), "both processes run before the kill");
    for (DetachedProcess p :
        appFirst ? List.of(app.get(), comet.get()) : List.of(comet.get(), app.get())) {
      ProcessHandle.of(p.pid()).ifPresent(victims::add);
    }
    for (ProcessHandle h : victims) {
      h.destroyForcibly(); // SIGKILL on Unix
    }
    for (ProcessHandle h : victims) {
      h.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  private void restart() {
    NodeProcess node = chain.node();
    node.startApp(Duration.ofSeconds(60));
    node.startComet();
    chain.awaitRpc(RESTART);
  }

  private void assertHeadersUnchanged(Map<Long, String> expected) {
    long last = expected.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    Map<Long, String> now = ChainHistory.appHashes(chain.rpc(), 1, last);
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), now.get(e.getKey()), "header app hash at height " + e.getKey());
    }
  }

  private void assertStillCommitted(Map<String, BlockWatcher.Inclusion> committed) {
    for (Map.Entry<String, BlockWatcher.Inclusion> e : committed.entrySet()) {
      Optional<TxResult> r = chain.rpc().tx(e.getKey());
      assertTrue(r.isPresent(), "tx " + e.getKey() + " committed before the kill is gone");
      assertEquals(e.getValue().height(), r.get().height(), "height of tx " + e.getKey());
      assertEquals(0, r.get().code(), "code of tx " + e.getKey());
    }
  }

  /** The app's own /status hash after height h is what the header of block h+1 commits to. */
  private void assertAppHashAgreesWithNextHeader() {
    AppStatus app = chain.queries().appStatus();
    chain.awaitHeight(app.height() + 1, Duration.ofSeconds(30));
    String header =
        ChainHistory.appHashes(chain.rpc(), app.height() + 1, app.height() + 1)
            .get(app.height() + 1);
    assertEquals(header, app.appHash(), "app hash after height " + app.height());
  }

  /** Waits until the mempool is empty and returns the height then. */
  private long settledHeight() {
    for (int i = 0; i < 150; i++) {
      long n = chain.rpc().call("num_unconfirmed_txs", Map.of()).path("total").asLong();
      if (n == 0) {
        long h = chain.height();
        chain.awaitHeight(h + 1, Duration.ofSeconds(30));
        return h + 1;
      }
      SingleNodeChain.sleep(200);
    }
    throw new AssertionError("the mempool did not drain");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
