package org.sprintchain.testnet.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/**
 * Follows a node's chain on a thread of its own: polls {@code /status} and fetches every new block
 * ({@code /block}, plus {@code /block_results} when it carries txs), recording each block's header,
 * tx hashes and result codes and the moment it was first seen. Survives a node that goes away and
 * comes back (RPC errors are counted and retried), and, given several nodes, moves to the next one
 * when the current one does not answer.
 */
public final class BlockWatcher implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Where a tx ended up. */
  public record Inclusion(long height, int code, long seenNanos) {}

  private final List<URI> rpcUrls;
  private volatile CometRpcClient rpc;
  private int urlIndex;
  private volatile long failovers;
  private final Duration pollInterval;
  private final ConcurrentSkipListMap<Long, BlockRecord> blocks = new ConcurrentSkipListMap<>();
  private final Map<String, Inclusion> txs = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long rpcErrors;
  private volatile String lastError = "";
  private long nextHeight;

  /**
   * @param fromHeight the first height to record (earlier blocks are skipped)
   */
  public BlockWatcher(URI rpcUrl, long fromHeight, Duration pollInterval) {
    this(List.of(rpcUrl), fromHeight, pollInterval);
  }

  /**
   * Follows the first node of {@code rpcUrls} and moves to the next one whenever the current one
   * fails to answer, so that a killed or paused node does not stop the recording.
   *
   * @param fromHeight the first height to record (earlier blocks are skipped)
   */
  public BlockWatcher(List<URI> rpcUrls, long fromHeight, Duration pollInterval) {
    if (rpcUrls.isEmpty()) {
      throw new IllegalArgumentException("need at least one RPC URL");
    }
    this.rpcUrls = List.copyOf(rpcUrls);
    this.rpc = new CometRpcClient(this.rpcUrls.get(0), Duration.ofSeconds(5));
    this.pollInterval = pollInterval;
    this.nextHeight = Math.max(1, fromHeight);
    this.thread = Thread.ofPlatform().daemon().name("block-watcher").unstarted(this::loop);
  }

  public BlockWatcher start() {
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      try {
        long latest = rpc.status().latestHeight();
        while (running && nextHeight <= latest) {
          record(fetch(nextHeight));
          nextHeight++;
        }
      } catch (RpcException e) {
        rpcErrors++;
        lastError = e.getMessage();
        failover();
      }
      sleep(pollInterval.toMillis());
    }
  }

  private void failover() {
    if (rpcUrls.size() < 2) {
      return;
    }
    rpc.close();
    urlIndex = (urlIndex + 1) % rpcUrls.size();
    rpc = new CometRpcClient(rpcUrls.get(urlIndex), Duration.ofSeconds(5));
    failovers++;
  }

  /** How often the watcher moved to another node because one did not answer. */
  public long failovers() {
    return failovers;
  }

  private BlockRecord fetch(long height) {
    JsonNode block = rpc.block(height).path("block");
    long seen = System.nanoTime();
    JsonNode header = block.path("header");
    List<String> hashes = new ArrayList<>();
    for (JsonNode tx : block.path("data").path("txs")) {
      hashes.add(HEX.formatHex(Hashes.sha256(Base64.getDecoder().decode(tx.asText()))));
    }
    List<Integer> codes = new ArrayList<>();
    if (!hashes.isEmpty()) {
      JsonNode results =
          rpc.call("block_results", Map.of("height", Long.toString(height))).path("txs_results");
      for (JsonNode r : results) {
        codes.add(r.path("code").asInt());
      }
      if (codes.size() != hashes.size()) {
        throw new RpcException(
            "block "
                + height
                + " has "
                + hashes.size()
                + " txs but block_results has "
                + codes.size());
      }
    }
    return new BlockRecord(
        height,
        Instant.parse(header.path("time").asText()),
        header.path("app_hash").asText().toUpperCase(java.util.Locale.ROOT),
        header.path("proposer_address").asText().toUpperCase(java.util.Locale.ROOT),
        hashes,
        codes,
        seen);
  }

  private void record(BlockRecord b) {
    for (int i = 0; i < b.txCount(); i++) {
      txs.putIfAbsent(
          b.txHashes().get(i), new Inclusion(b.height(), b.codes().get(i), b.seenNanos()));
    }
    blocks.put(b.height(), b);
  }

  /** The block, tx code and time at which the tx with this hash (upper-case hex) was seen. */
  public Optional<Inclusion> inclusion(String hash) {
    return Optional.ofNullable(txs.get(hash));
  }

  /** Every block recorded so far, by height. */
  public List<BlockRecord> blocks() {
    return List.copyOf(blocks.values());
  }

  public long latestRecordedHeight() {
    return blocks.isEmpty() ? 0 : blocks.lastKey();
  }

  public int txCount() {
    return txs.size();
  }

  public long rpcErrors() {
    return rpcErrors;
  }

  public String lastError() {
    return lastError;
  }

  /** Waits until a block at {@code height} or above is recorded, at most {@code timeout}. */
  public boolean awaitHeight(long height, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (latestRecordedHeight() < height) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rpc.close();
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
