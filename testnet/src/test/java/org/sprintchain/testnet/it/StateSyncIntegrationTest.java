package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.AbciQueryResult;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.ProvenAnswer;
import org.sprintchain.client.ProvenQueries;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxOutcome;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.AppLauncher;
import org.sprintchain.testnet.CometBft;
import org.sprintchain.testnet.CometConfig;
import org.sprintchain.testnet.DetachedProcess;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodePorts;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.load.TransferTxSource;

/**
 * State sync on real CometBFT v0.38: a 1-validator chain takes snapshots every 5 heights (in
 * 128-byte chunks, so a snapshot has several); a fresh non-validator node with the same genesis and
 * {@code [statesync] enable = true} restores the app from the validator's newest snapshot (its app
 * never sees InitChain, and its block store starts after the snapshot), reaches the validator's app
 * hashes, then follows new blocks, including a transfer sent through its own RPC, and answers a
 * proven query that verifies against its own headers.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StateSyncIntegrationTest {
  private static final int PORT_SEARCH_FROM = 23_000;
  private static final Duration BLOCK_INTERVAL = Duration.ofMillis(300);
  private static final long SNAPSHOT_INTERVAL = 5;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern RESTORED = Pattern.compile("Snapshot restored at height (\\d+)");

  @TempDir Path dir;
  private LocalTestnet net;
  private NodeProcess fresh;

  @AfterEach
  void stop() {
    if (fresh != null) {
      fresh.stop(Duration.ofSeconds(5));
      printTails(fresh);
    }
    if (net != null) {
      net.stop(Duration.ofSeconds(5));
      printTails(net.node(0));
    }
  }

  @Test
  void aFreshNodeRestoresFromASnapshotAndFollowsTheChain() throws Exception {
    long started = System.nanoTime();
    AppLauncher launcher =
        AppLauncher.currentJvm()
            .withAppArgs(
                List.of(
                    "--snapshot-interval",
                    Long.toString(SNAPSHOT_INTERVAL),
                    "--snapshot-chunk-bytes",
                    "128"));
    int base = PortAllocator.findFreeBase(1, PORT_SEARCH_FROM);
    net =
        LocalTestnet.init(
            TestnetConfig.of(dir.resolve("net"), 1)
                .withBasePort(base)
                .withBlockInterval(BLOCK_INTERVAL)
                .withLauncher(launcher));
    net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    NodeProcess validator = net.node(0);
    Ed25519.KeyPair demo = net.demoKey();

    try (CometRpcClient rpc = new CometRpcClient(validator.rpcUrl(), Duration.ofSeconds(10))) {
      TxSender sender = new TxSender(rpc);
      long fee = new ChainQueries(rpc).params().minFee();
      // Transfers before the snapshot (they are in the restored state) ...
      for (int i = 0; i < 3; i++) {
        Address to = TransferTxSource.accountKey("statesync-it", i).address();
        assertTrue(sender.send(demo, to, 1_000 + i, fee).ok(), "transfer " + i);
      }
      net.awaitHeight(2 * SNAPSHOT_INTERVAL + 3, WAIT);
      awaitLog(validator.appLog(), "Snapshot taken at height " + 2 * SNAPSHOT_INTERVAL);
      // ... and after it (the fresh node gets them by block sync after the restore).
      Address late = TransferTxSource.accountKey("statesync-it", 9).address();
      assertTrue(sender.send(demo, late, 4_242, fee).ok());

      long trustHeight = rpc.status().latestHeight();
      String trustHash = rpc.block(trustHeight).path("block_id").path("hash").asText();
      fresh = freshNode(validator, launcher, trustHeight, trustHash);
      fresh.start(Duration.ofSeconds(60));

      long snapshotHeight = awaitRestore(fresh);
      // CometBFT checks the restored app's Info against the light client's app hash just after the
      // app logs its restore; wait for its log lines rather than reading the log once (a single
      // read raced it by 16 ms once).
      awaitLog(fresh.cometLog(), "Verified ABCI app");
      awaitLog(fresh.cometLog(), "Snapshot restored");
      System.out.printf(
          "fresh node restored height %d (trusted height %d) after %d s%n",
          snapshotHeight, trustHeight, (System.nanoTime() - started) / 1_000_000_000L);
      assertTrue(
          snapshotHeight % SNAPSHOT_INTERVAL == 0 && snapshotHeight >= 10, "snapshot height");

      try (CometRpcClient freshRpc = new CometRpcClient(fresh.rpcUrl(), Duration.ofSeconds(10))) {
        long target = rpc.status().latestHeight() + 2;
        awaitHeight(fresh, freshRpc, target);

        // Restored, not replayed: no InitChain in the app, no early blocks in CometBFT.
        String appLog = Files.readString(fresh.appLog());
        assertFalse(appLog.contains("Genesis for chain"), "the fresh app never saw InitChain");
        long earliest =
            freshRpc
                .call("status", Map.of())
                .path("sync_info")
                .path("earliest_block_height")
                .asLong();
        assertTrue(earliest > snapshotHeight, "block store starts after the snapshot: " + earliest);

        // Same app state at common heights: the snapshot height itself and a later one.
        for (long h : new long[] {snapshotHeight, target - 1}) {
          assertEquals(appStatus(rpc, h), appStatus(freshRpc, h), "app /status at height " + h);
          assertEquals(
              headerAppHash(rpc, h + 1), headerAppHash(freshRpc, h + 1), "header " + (h + 1));
        }
        ChainQueries freshQueries = new ChainQueries(freshRpc);
        assertEquals(new ChainQueries(rpc).account(late), freshQueries.account(late));

        // Following the chain: a transfer through the fresh node's own RPC is gossiped, included,
        // and seen by both.
        Address later = TransferTxSource.accountKey("statesync-it", 10).address();
        TxOutcome viaFresh = new TxSender(freshRpc).send(demo, later, 777, fee);
        assertTrue(viaFresh.ok(), "sent through the fresh node: " + viaFresh);
        awaitHeight(fresh, freshRpc, viaFresh.height() + 1);
        assertEquals(new AccountInfo(later, 777, 0), freshQueries.account(later));
        assertEquals(freshQueries.account(later), new ChainQueries(rpc).account(later));

        // A proven query against the restored node verifies against its own next header.
        ProvenAnswer<AccountInfo> proven = new ProvenQueries(freshRpc).account(late);
        assertEquals(4_242, proven.value().balance());
        assertTrue(proven.height() > snapshotHeight);
        Address never = TransferTxSource.accountKey("statesync-it", 99).address();
        assertEquals(
            new AccountInfo(never, 0, 0),
            new ProvenQueries(freshRpc).account(never).value(),
            "absence is proven too (CometBFT sends the empty value op as null)");
      }
      assertTrue(fresh.diagnose().isEmpty(), "the fresh node still runs");
      assertTrue(validator.diagnose().isEmpty(), "the validator still runs");
    }
    System.out.printf(
        "state sync test took %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
  }

  /**
   * A non-validator node in its own folder on free ports: a new CometBFT home with the chain's
   * genesis, the validator as persistent peer, and state sync from the validator's RPC (given
   * twice, as CometBFT requires two servers).
   */
  private NodeProcess freshNode(
      NodeProcess validator, AppLauncher launcher, long trustHeight, String trustHash)
      throws IOException {
    NodePorts ports =
        PortAllocator.layout(PortAllocator.findFreeBase(1, PORT_SEARCH_FROM + 10), 1).getFirst();
    CometBft comet = CometBft.locate();
    NodeProcess node = new NodeProcess("fresh", dir.resolve("fresh"), ports, comet, launcher);
    comet.init(node.cometHome());
    Path config = node.cometHome().resolve("config");
    Files.copy(
        validator.cometHome().resolve("config/genesis.json"),
        config.resolve("genesis.json"),
        StandardCopyOption.REPLACE_EXISTING);
    String peer =
        net.manifest().nodes().getFirst().nodeId() + "@127.0.0.1:" + validator.ports().p2p();
    String rpcServer = validator.rpcUrl().toString();
    CometConfig.read(config.resolve("config.toml"))
        .applyLocalNode("fresh", ports, ports.abciAddress(), List.of(peer), BLOCK_INTERVAL)
        .applyStateSync(
            List.of(rpcServer, rpcServer),
            trustHeight,
            trustHash,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5))
        .write(config.resolve("config.toml"));
    return node;
  }

  /** Waits for the fresh app's "Snapshot restored" line; returns the restored height. */
  private static long awaitRestore(NodeProcess node) throws IOException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      Optional<String> dead = node.diagnose();
      if (dead.isPresent()) {
        throw new AssertionError(dead.get());
      }
      Matcher m = RESTORED.matcher(Files.readString(node.appLog()));
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      SingleNodeChain.sleep(250);
    }
    throw new AssertionError("the fresh node did not restore a snapshot within " + WAIT);
  }

  private static void awaitLog(Path log, String line) throws IOException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.readString(log).contains(line)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no '" + line + "' in " + log + " within " + WAIT);
      }
      SingleNodeChain.sleep(200);
    }
  }

  private static void awaitHeight(NodeProcess node, CometRpcClient rpc, long height) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long last = -1;
    while (System.nanoTime() - deadline < 0) {
      Optional<String> dead = node.diagnose();
      if (dead.isPresent()) {
        throw new AssertionError(dead.get());
      }
      try {
        last = rpc.status().latestHeight();
        if (last >= height) {
          return;
        }
      } catch (RpcException e) {
        // not answering yet
      }
      SingleNodeChain.sleep(200);
    }
    throw new AssertionError(node.name() + " stayed at height " + last + ", not " + height);
  }

  private static String appStatus(CometRpcClient rpc, long height) {
    AbciQueryResult r = rpc.abciQuery("/status", new byte[0], height, false);
    assertEquals(0, r.code(), r.log());
    return r.valueUtf8();
  }

  private static String headerAppHash(CometRpcClient rpc, long height) {
    JsonNode header = rpc.header(height);
    return header.path("app_hash").asText();
  }

  private static void printTails(NodeProcess n) {
    System.out.println("---- tail of " + n.appLog() + "\n" + DetachedProcess.tail(n.appLog(), 30));
    System.out.println(
        "---- tail of " + n.cometLog() + "\n" + DetachedProcess.tail(n.cometLog(), 30));
    try (var lines = Files.lines(n.cometLog())) {
      System.out.println("---- state sync lines of " + n.cometLog());
      lines.filter(l -> l.contains("module=statesync")).limit(60).forEach(System.out::println);
    } catch (IOException | java.io.UncheckedIOException e) {
      System.out.println("(cannot read " + n.cometLog() + ": " + e + ")");
    }
  }
}
