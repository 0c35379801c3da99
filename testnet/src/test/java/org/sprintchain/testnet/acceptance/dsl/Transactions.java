package org.sprintchain.testnet.acceptance.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxResult;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.load.LoadConfig;
import org.sprintchain.testnet.load.LoadGenerator;
import org.sprintchain.testnet.load.LoadReport;
import org.sprintchain.testnet.load.LoadRun;
import org.sprintchain.testnet.load.TransferTxSource;

/** Transactions a test sends to a {@link Cluster}: background load, and commit-confirmed sends. */
public final class Transactions {
  private Transactions() {}

  /**
   * Starts signed transfers at {@code tps} in total from {@code clients} threads spread over every
   * node, funded from the demo key. Stop it with {@link Load#stop()}.
   *
   * @param tag distinguishes this load's accounts from other loads' on the same chain
   */
  public static Load transfers(Cluster cluster, int tps, int clients, String tag) {
    LoadConfig config =
        new LoadConfig(
            cluster.net().nodes().stream().map(NodeProcess::rpcUrl).toList(),
            clients,
            Duration.ZERO,
            Duration.ofMinutes(10),
            tps,
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            LoadConfig.DEFAULT_MAX_PENDING);
    TransferTxSource source =
        new TransferTxSource(cluster.net().demoKey(), clients * 2, 1_000_000, tag);
    return new Load(new LoadGenerator(config, System.out::println).start(source));
  }

  /** A running load. */
  public static final class Load implements AutoCloseable {
    private final LoadRun run;
    private LoadReport report;

    Load(LoadRun run) {
      this.run = run;
    }

    /** Stops sending, waits for every acknowledged tx to land (60 s at most), and reports. */
    public LoadReport stop() {
      if (report == null) {
        report = run.stop();
        System.out.println(report.summary());
      }
      return report;
    }

    @Override
    public void close() {
      run.close();
    }
  }

  /**
   * Starts one thread per validator key ({@code validator0}, ...) that sends transfers one at a
   * time with {@code broadcast_tx_commit}, round robin over the nodes, and records every tx the
   * node answered as committed with code 0. A dead node costs a retry on the next one.
   */
  public static CommitSenders commitConfirmed(Cluster cluster) {
    List<Ed25519.KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < cluster.nodes().size(); i++) {
      keys.add(cluster.net().keyring().keyPair("validator" + i));
    }
    return new CommitSenders(cluster, keys);
  }

  /** The senders of {@link #commitConfirmed}. */
  public static final class CommitSenders implements AutoCloseable {
    private final List<TxResult> committed = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final String chainId;
    private final Address recipient;
    private volatile boolean running = true;

    CommitSenders(Cluster cluster, List<Ed25519.KeyPair> keys) {
      this.chainId = cluster.net().chainId();
      this.recipient = cluster.net().demoAddress();
      List<NodeProcess> nodes = cluster.net().nodes();
      for (int k = 0; k < keys.size(); k++) {
        Ed25519.KeyPair key = keys.get(k);
        int first = k;
        threads.add(
            Thread.ofPlatform()
                .daemon()
                .name("commit-sender-" + k)
                .start(() -> loop(key, nodes, first)));
      }
    }

    private void loop(Ed25519.KeyPair key, List<NodeProcess> nodes, int first) {
      int node = first;
      long sequence = -1;
      while (running) {
        NodeProcess target = nodes.get(node % nodes.size());
        try (CometRpcClient rpc = new CometRpcClient(target.rpcUrl(), Duration.ofSeconds(15))) {
          if (sequence < 0) {
            sequence = new ChainQueries(rpc).account(key.address()).sequence();
          }
          byte[] tx = TxSender.signSend(key, chainId, sequence, recipient, 1, 1);
          TxResult r = rpc.broadcastTxCommit(tx);
          if (r.ok() && r.height() > 0) {
            committed.add(r);
            sequence++;
          } else {
            failures.incrementAndGet();
            sequence = -1; // resync from the chain
          }
        } catch (RpcException e) {
          failures.incrementAndGet();
          sequence = -1; // the answer is lost: the tx may or may not be in; resync
          node++;
          pause(200);
        }
        pause(50);
      }
    }

    /** Every tx a node confirmed as committed with code 0 so far. */
    public List<TxResult> committed() {
      synchronized (committed) {
        return List.copyOf(committed);
      }
    }

    public long failures() {
      return failures.get();
    }

    @Override
    public void close() {
      running = false;
      for (Thread t : threads) {
        try {
          t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private static void pause(long millis) {
      try {
        TimeUnit.MILLISECONDS.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
