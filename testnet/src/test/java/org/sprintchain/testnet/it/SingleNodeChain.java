package org.sprintchain.testnet.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.testnet.DetachedProcess;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.TestnetConfig;

/**
 * A 1-validator Sprintchain chain for an integration test: the real app JVM (NodeMain from the test
 * class path) and the real CometBFT binary ({@code sprint.cometbft}), on free loopback ports in a
 * test folder. {@link #close()} stops both and prints their log tails.
 */
final class SingleNodeChain implements AutoCloseable {
  static final Duration BLOCK_INTERVAL = Duration.ofMillis(300);
  private static final int PORT_SEARCH_FROM = 22_000;

  private final LocalTestnet net;
  private final CometRpcClient rpc;

  private SingleNodeChain(LocalTestnet net) {
    this.net = net;
    this.rpc = new CometRpcClient(net.rpcUrl(0), Duration.ofSeconds(10));
  }

  static SingleNodeChain start(Path parent) {
    int base = PortAllocator.findFreeBase(1, PORT_SEARCH_FROM);
    LocalTestnet net =
        LocalTestnet.init(
            TestnetConfig.of(parent.resolve("net"), 1)
                .withBasePort(base)
                .withBlockInterval(BLOCK_INTERVAL));
    SingleNodeChain chain = new SingleNodeChain(net);
    try {
      net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
    return chain;
  }

  LocalTestnet net() {
    return net;
  }

  NodeProcess node() {
    return net.node(0);
  }

  CometRpcClient rpc() {
    return rpc;
  }

  ChainQueries queries() {
    return new ChainQueries(rpc);
  }

  String chainId() {
    return net.chainId();
  }

  long height() {
    return rpc.status().latestHeight();
  }

  /** The account the fees of block {@code height} went to: its proposer's address. */
  Address proposer(long height) {
    String hex = rpc.block(height).path("block").path("header").path("proposer_address").asText();
    return Address.fromBytes(HexFormat.of().parseHex(hex));
  }

  /** Waits until the chain is at least at {@code height}, failing on a dead process. */
  void awaitHeight(long height, Duration timeout) {
    net.awaitHeight(height, timeout);
  }

  /** Waits until the node answers RPC again (after a restart), at most {@code timeout}. */
  long awaitRpc(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RpcException last = null;
    while (System.nanoTime() - deadline < 0) {
      Optional<String> dead = node().diagnose();
      if (dead.isPresent()) {
        throw new AssertionError(dead.get());
      }
      try {
        return height();
      } catch (RpcException e) {
        last = e;
      }
      sleep(200);
    }
    throw new AssertionError("node RPC did not come back within " + timeout, last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    rpc.close();
    net.stop(Duration.ofSeconds(5));
    NodeProcess n = net.node(0);
    System.out.println("---- tail of " + n.appLog() + "\n" + DetachedProcess.tail(n.appLog(), 40));
    System.out.println(
        "---- tail of " + n.cometLog() + "\n" + DetachedProcess.tail(n.cometLog(), 40));
  }
}
