package org.sprintchain.testnet.acceptance.dsl;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxResult;
import org.sprintchain.testnet.BlockMeta;
import org.sprintchain.testnet.ChainInspector;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;

/** One validator of a {@link Cluster}: its faults (kill, restart, pause) and what it reports. */
public final class Node {
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(90);

  private final LocalTestnet net;
  private final NodeProcess process;

  Node(LocalTestnet net, NodeProcess process) {
    this.net = net;
    this.process = process;
  }

  public String name() {
    return process.name();
  }

  public NodeProcess process() {
    return process;
  }

  /** {@code kill -9} of its app and CometBFT at once. */
  public void kill() {
    process.kill();
  }

  /** Starts it again on its data and waits until its RPC answers. */
  public void restart() {
    net.restart(name(), Duration.ofSeconds(10), RESTART_TIMEOUT);
  }

  /** SIGSTOP to both processes. */
  public void pause() {
    process.pause();
  }

  /** SIGCONT to both processes. */
  public void resume() {
    process.resume();
  }

  void resumeIfPaused() {
    if (process.isPaused()) {
      process.resume();
    }
  }

  public boolean isPaused() {
    return process.isPaused();
  }

  /** A new RPC client for this node; close it after use. */
  public CometRpcClient rpc() {
    return new CometRpcClient(process.rpcUrl(), Duration.ofSeconds(5));
  }

  /**
   * @throws RpcException when the node does not answer
   */
  public long height() {
    try (CometRpcClient rpc = rpc()) {
      return rpc.status().latestHeight();
    }
  }

  /** The height, or empty when the node does not answer (killed, paused, starting). */
  public OptionalLong heightIfAnswering() {
    if (process.isPaused() || !process.isRunning()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(height());
    } catch (RpcException e) {
      return OptionalLong.empty();
    }
  }

  public String appHashAt(long height) {
    try (CometRpcClient rpc = rpc()) {
      return ChainInspector.appHashAt(rpc, height);
    }
  }

  /** Header summaries of blocks {@code from..to} as this node has them. */
  public List<BlockMeta> blocks(long from, long to) {
    try (CometRpcClient rpc = rpc()) {
      return ChainInspector.blocks(rpc, from, to);
    }
  }

  /** The tx with this hash as this node's index has it, if it does. */
  public java.util.Optional<TxResult> tx(String hash) {
    try (CometRpcClient rpc = rpc()) {
      return rpc.tx(hash);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
