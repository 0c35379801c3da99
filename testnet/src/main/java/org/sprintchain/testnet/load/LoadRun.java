package org.sprintchain.testnet.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/**
 * A load in progress: one thread per {@link TxStream} broadcasting with {@code broadcast_tx_sync},
 * plus a {@link BlockWatcher}. Every tx the mempool acknowledges is tracked by hash with its submit
 * time. Client {@code k} starts on node {@code k mod n}, so the load is spread over every node's
 * RPC. A node that dies under load costs retries, not the run: RPC failures back off, move the
 * client to the next node, and retry the same tx there.
 */
public final class LoadRun implements AutoCloseable {
  private static final String CACHE_HIT = "tx already exists in cache";
  private static final long BUSY_BACKOFF_MILLIS = 20;
  private static final long DOWN_BACKOFF_MILLIS = 200;

  /** An acknowledged tx: when it was sent and its size. */
  public record Submission(long submitNanos, int bytes) {}

  private final LoadConfig config;
  private final String sourceName;
  private final Consumer<String> progress;
  private final BlockWatcher watcher;
  private final CometRpcClient setupRpc;
  private final Map<String, Submission> acknowledged = new ConcurrentHashMap<>();
  private final LongAdder[] acknowledgedByNode;
  private final LongAdder submitted = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder busy = new LongAdder();
  private final LongAdder clientErrors = new LongAdder();
  private final List<Thread> clients = new ArrayList<>();
  private final long startNanos;
  private volatile boolean running = true;
  private volatile long windowStart;
  private volatile long windowEnd;
  private volatile boolean windowClosed;
  private volatile String lastRefusal = "";
  private long lastProgressTxs;
  private long lastProgressNanos;

  LoadRun(
      LoadConfig config,
      String sourceName,
      List<TxStream> streams,
      long fromHeight,
      CometRpcClient setupRpc,
      Consumer<String> progress) {
    this.setupRpc = setupRpc;
    this.config = config;
    this.sourceName = sourceName;
    this.progress = progress;
    this.acknowledgedByNode = new LongAdder[config.rpcUrls().size()];
    for (int i = 0; i < acknowledgedByNode.length; i++) {
      acknowledgedByNode[i] = new LongAdder();
    }
    this.watcher = new BlockWatcher(config.rpcUrls(), fromHeight, Duration.ofMillis(50));
    this.startNanos = System.nanoTime();
    this.windowStart = startNanos;
    this.lastProgressNanos = startNanos;
    watcher.start();
    for (int k = 0; k < streams.size(); k++) {
      int first = k % config.rpcUrls().size();
      TxStream stream = streams.get(k);
      Thread t =
          Thread.ofPlatform()
              .daemon()
              .name("load-client-" + k)
              .start(() -> clientLoop(first, stream, streams.size()));
      clients.add(t);
    }
  }

  /**
   * One client: starts on node {@code first % n} and moves to the next node whenever its node does
   * not answer (killed, paused, restarting), so that the load keeps flowing while some node is
   * down.
   */
  private void clientLoop(int first, TxStream stream, int clientCount) {
    long interval =
        config.targetTps() > 0 ? TimeUnit.SECONDS.toNanos(clientCount) / config.targetTps() : 0;
    long nextSend = System.nanoTime();
    int node = first;
    CometRpcClient rpc = client(node);
    try {
      while (running) {
        if (interval > 0) {
          long wait = nextSend - System.nanoTime();
          if (wait > 0) {
            sleepNanos(wait);
          }
          nextSend = Math.max(nextSend + interval, System.nanoTime() - interval);
        }
        while (running && config.maxPending() > 0 && pending() >= config.maxPending()) {
          sleepNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        if (!running) {
          return;
        }
        if (!sendOne(rpc, node, stream) && config.rpcUrls().size() > 1) {
          rpc.close();
          node = (node + 1) % config.rpcUrls().size();
          rpc = client(node);
        }
      }
    } catch (RuntimeException e) {
      // a bug, not a node problem (those are RpcExceptions, handled in sendOne): say so loudly
      progress.accept("  load client stopped by an unexpected error: " + e);
      clientErrors.increment();
    } finally {
      rpc.close();
    }
  }

  /** Client threads that died of an unexpected exception (0 in a sound run). */
  public long clientErrors() {
    return clientErrors.sum();
  }

  private CometRpcClient client(int node) {
    return new CometRpcClient(config.rpcUrls().get(node), Duration.ofSeconds(10));
  }

  /**
   * Broadcasts the stream's next tx once.
   *
   * @return false when the node did not answer at all (the client then tries another node)
   */
  private boolean sendOne(CometRpcClient rpc, int node, TxStream stream) {
    byte[] tx = stream.next();
    long sent = System.nanoTime();
    submitted.increment();
    try {
      BroadcastResult r = rpc.broadcastTxSync(tx);
      if (r.accepted()) {
        acknowledged.put(r.hash().toUpperCase(Locale.ROOT), new Submission(sent, tx.length));
        acknowledgedByNode[node].increment();
        stream.accepted();
      } else {
        refused.increment();
        lastRefusal = "code " + r.code() + ": " + r.log();
        stream.refused(r.code(), r.log());
      }
    } catch (CometRpcClient.JsonRpcErrorException e) {
      busy.increment();
      if (e.getMessage().contains(CACHE_HIT)) {
        stream.accepted(); // sent before (an answer got lost): already in the mempool or a block
      } else {
        sleepNanos(TimeUnit.MILLISECONDS.toNanos(BUSY_BACKOFF_MILLIS)); // e.g. mempool is full
      }
    } catch (RpcException e) {
      busy.increment();
      sleepNanos(TimeUnit.MILLISECONDS.toNanos(DOWN_BACKOFF_MILLIS)); // node down or too slow
      return false;
    }
    return true;
  }

  /** Acknowledged txs per node RPC URL (in the order of {@link LoadConfig#rpcUrls()}). */
  public Map<String, Long> acknowledgedByNode() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < acknowledgedByNode.length; i++) {
      out.put(config.rpcUrls().get(i).toString(), acknowledgedByNode[i].sum());
    }
    return out;
  }

  /**
   * Txs acknowledged per second while the measurement window was open (up to now while it still
   * is), counted by their submit time.
   */
  public double acknowledgedTpsInWindow() {
    long start = windowStart;
    long end = windowClosed ? windowEnd : System.nanoTime();
    if (end - start <= 0) {
      return 0;
    }
    long n =
        acknowledged.values().stream()
            .filter(s -> s.submitNanos() >= start && s.submitNanos() <= end)
            .count();
    return n / ((end - start) / 1e9);
  }

  /** Acknowledged txs not yet seen in a block (an upper bound: the watcher lags a little). */
  private long pending() {
    return acknowledged.size() - watcher.txCount();
  }

  /** Starts the measurement window now. */
  public void openWindow() {
    windowStart = System.nanoTime();
  }

  /** The block watcher of this run (blocks, tx inclusions). */
  public BlockWatcher watcher() {
    return watcher;
  }

  /** Every tx the mempool acknowledged so far, by upper-case hex hash. */
  public Map<String, Submission> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  /** Sleeps for {@code d}, printing a progress line every {@code progressInterval}. */
  public void sleepWithProgress(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    long step = config.progressInterval().toNanos();
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return;
      }
      sleepNanos(Math.min(left, step));
      if (System.nanoTime() - lastProgressNanos >= step - TimeUnit.MILLISECONDS.toNanos(50)) {
        printProgress();
      }
    }
  }

  private void printProgress() {
    long now = System.nanoTime();
    long txs = watcher.txCount();
    double rate = (txs - lastProgressTxs) / ((now - lastProgressNanos) / 1e9);
    lastProgressTxs = txs;
    lastProgressNanos = now;
    progress.accept(
        String.format(
            Locale.ROOT,
            "  %s %3ds: sent %d, acked %d, refused %d, busy %d, pending %d; height %d, committed %d"
                + " (%.0f tx/s)%s",
            sourceName,
            TimeUnit.NANOSECONDS.toSeconds(now - startNanos),
            submitted.sum(),
            acknowledged.size(),
            refused.sum(),
            busy.sum(),
            pending(),
            watcher.latestRecordedHeight(),
            txs,
            rate,
            refused.sum() > 0 ? "; last refusal " + lastRefusal : ""));
  }

  /**
   * Stops the clients, closes the window, waits up to {@code drainTimeout} for every acknowledged
   * tx to appear in a block, and reports.
   */
  public LoadReport stop() {
    windowEnd = System.nanoTime();
    windowClosed = true;
    stopClients();
    long deadline = System.nanoTime() + config.drainTimeout().toNanos();
    long missing = countMissing();
    while (missing > 0 && System.nanoTime() - deadline < 0) {
      sleepNanos(TimeUnit.MILLISECONDS.toNanos(200));
      missing = countMissing();
    }
    if (missing > 0) {
      progress.accept(
          "  "
              + sourceName
              + ": "
              + missing
              + " acknowledged txs are not in a block after the drain (last RPC error: "
              + watcher.lastError()
              + ")");
    }
    return report();
  }

  private long countMissing() {
    long n = 0;
    for (String hash : acknowledged.keySet()) {
      if (watcher.inclusion(hash).isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private LoadReport report() {
    List<BlockRecord> all = watcher.blocks();
    List<BlockRecord> window = new ArrayList<>();
    Optional<BlockRecord> base = Optional.empty();
    for (BlockRecord b : all) {
      if (b.seenNanos() < windowStart) {
        base = Optional.of(b);
      } else if (b.seenNanos() <= windowEnd) {
        window.add(b);
      }
    }
    if (base.isEmpty() && !window.isEmpty()) {
      base = Optional.of(window.removeFirst());
    }
    long windowTxs = window.stream().mapToLong(BlockRecord::txCount).sum();
    double seconds =
        window.isEmpty()
            ? 0
            : Duration.between(base.get().time(), window.getLast().time()).toNanos() / 1e9;
    List<Long> latencies = new ArrayList<>();
    long missing = 0;
    long failed = 0;
    long bytes = 0;
    for (Map.Entry<String, Submission> e : acknowledged.entrySet()) {
      Submission s = e.getValue();
      bytes += s.bytes();
      Optional<BlockWatcher.Inclusion> in = watcher.inclusion(e.getKey());
      if (in.isEmpty()) {
        missing++;
        continue;
      }
      if (in.get().code() != 0) {
        failed++;
      }
      if (s.submitNanos() >= windowStart && s.submitNanos() <= windowEnd) {
        latencies.add(in.get().seenNanos() - s.submitNanos());
      }
    }
    return new LoadReport(
        sourceName,
        config.clients(),
        config.targetTps(),
        (windowStart - startNanos) / 1e9,
        (windowEnd - windowStart) / 1e9,
        submitted.sum(),
        acknowledged.size(),
        refused.sum(),
        busy.sum(),
        seconds,
        window.size(),
        windowTxs,
        seconds > 0 ? windowTxs / seconds : 0,
        LatencyStats.of(latencies.stream().mapToLong(Long::longValue).toArray()),
        missing,
        failed,
        acknowledged.isEmpty() ? 0 : bytes / acknowledged.size(),
        all.isEmpty() ? 0 : all.getFirst().height(),
        all.isEmpty() ? 0 : all.getLast().height());
  }

  private void stopClients() {
    running = false;
    for (Thread t : clients) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the clients and the watcher without draining. */
  @Override
  public void close() {
    stopClients();
    watcher.close();
    setupRpc.close();
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
