package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintModel;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.commit.WinnerCommitment;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSprintCommit;

/**
 * The node's sprint worker: follows the chain's sprint phases through this node's RPC and does each
 * step as a signed tx — generate and commit, reveal when sampled, audit when assigned, publish
 * digests, and defend or press disputes (docs/protocol.md §4–§7). Every step is derived from chain
 * state, so a restarted worker picks up where the chain is; a step not yet visible on chain is sent
 * again after {@value #RESEND_BLOCKS} blocks.
 */
public final class SprintWorker implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger(SprintWorker.class);
  static final long RESEND_BLOCKS = 2;
  private static final long POLL_MILLIS = 150;

  final WorkerOptions options;
  final Ed25519.KeyPair key;
  final Address me;
  final ChainView view;
  final ModelCache models;
  final WorkerStatus status;
  private final CometRpcClient rpc;
  private final Map<String, Long> sentAt = new HashMap<>();
  private final InferenceStep inference = new InferenceStep(this);
  private TxSubmitter txs;
  private JsonNode params;
  private EpochJob job;
  private volatile boolean running = true;
  private Thread thread;
  long height;

  public SprintWorker(WorkerOptions options) throws IOException {
    this.options = options;
    this.key = PrivValidatorKey.read(options.keyFile());
    this.me = key.address();
    this.rpc = new CometRpcClient(options.rpc());
    this.view = new ChainView(rpc);
    this.models = new ModelCache(options.backend());
    this.status = new WorkerStatus(options.statusFile());
  }

  /** Starts the worker thread. */
  public void start() {
    LOG.info(
        "Sprint worker {} starting (compute share {}, nonce rate {}, mode {})",
        me,
        options.computeShare(),
        options.nonceRate() == 0 ? "uncapped" : options.nonceRate() + "/s",
        options.byzantine().label());
    thread = Thread.ofPlatform().name("sprint-worker").daemon().start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        step();
        status.clearError();
      } catch (RpcException e) {
        status.error(e.getMessage());
        LOG.debug("Sprint worker waiting for the node: {}", e.getMessage());
      } catch (RuntimeException e) {
        status.error(e.toString());
        LOG.warn("Sprint worker step failed; retrying", e);
      }
      status.write();
      sleep(POLL_MILLIS);
    }
  }

  private void step() {
    if (params == null) {
      AbciReady ready = AbciReady.check(view);
      if (ready.disabled()) {
        LOG.info("This chain has no sprints; the sprint worker stops");
        running = false;
        return;
      }
      if (!ready.ready()) {
        return;
      }
      params = view.params();
      txs = new TxSubmitter(rpc, view, key, rpc.status().network(), ready.minFee());
    }
    JsonNode cur = view.current();
    height = cur.path("height").asLong();
    long epoch = cur.path("epoch").asLong();
    String phase = cur.path("phase").asText();
    status.phase(epoch, phase);
    switch (phase) {
      case "GENERATION" -> generate(epoch, cur.path("seed").asText());
      case "COMMIT" -> commit(epoch);
      case "REVEAL" -> new RevealStep(this).reveal(epoch, job);
      case "AUDIT" -> new AuditStep(this).audit(epoch);
      case "SETTLE" -> new RevealStep(this).publishDigests(epoch, job);
      default -> throw new IllegalStateException("unknown phase " + phase);
    }
    new DisputeStep(this).run();
    inference.run();
  }

  private void generate(long epoch, String seedHex) {
    if (seedHex.isEmpty() || (job != null && job.epoch == epoch)) {
      if (job != null) {
        status.generation(job.generator);
      }
      return;
    }
    if (job != null && job.generating()) {
      job.generator.stop();
    }
    byte[] seed = ChainView.hex(seedHex);
    SprintModel model = models.get(preset(), seed);
    double share = options.computeShare();
    if (options.byzantine() == ByzantineMode.LAZY) {
      share /= 10;
    }
    byte[] scoringKey =
        options.byzantine() == ByzantineMode.COPY
            ? CopyTarget.otherKey(view, key)
            : key.publicKey();
    NonceGenerator generator =
        new NonceGenerator(model, scoringKey, target(), share, options.nonceRate(), 1 << 16);
    job = new EpochJob(epoch, seed, generator);
    LOG.info("Sprint epoch {}: generating on seed {}", epoch, seedHex.substring(0, 16));
  }

  private void commit(long epoch) {
    if (job == null || job.epoch != epoch) {
      return; // joined mid-epoch: sit this one out
    }
    Optional<WinnerTree> tree = job.finish(options.byzantine(), target());
    status.generation(job.generator);
    if (tree.isEmpty() || !due("commit/" + epoch)) {
      return;
    }
    JsonNode mine = view.workerInEpoch(epoch, me);
    if (mine.path("count").asLong() > 0) {
      return;
    }
    WinnerCommitment c = tree.get().commitment();
    LOG.info(
        "Sprint epoch {}: committing {} winners of {} nonces ({} nonces/s)",
        epoch,
        c.count(),
        job.generator.evaluated(),
        job.generator.rate());
    send(
        "commit/" + epoch,
        "commit",
        Msg.newBuilder()
            .setSprintCommit(
                MsgSprintCommit.newBuilder()
                    .setEpoch(epoch)
                    .setCount(c.count())
                    .setMerkleRoot(ByteString.copyFrom(c.root())))
            .build());
    status.committed(c.count());
  }

  /** True (and remembered) when {@code action} was not sent in the last few blocks. */
  boolean due(String action) {
    Long at = sentAt.get(action);
    if (at != null && height < at + RESEND_BLOCKS) {
      return false;
    }
    sentAt.put(action, height);
    if (sentAt.size() > 10_000) {
      sentAt.clear();
    }
    return true;
  }

  /**
   * Sends {@code msg} for {@code action} (already marked by {@link #due}); when the node refuses
   * it, the mark is dropped so the next poll tries again instead of waiting {@value #RESEND_BLOCKS}
   * blocks — a reveal window is only a few blocks long.
   */
  void send(String action, String what, Msg msg) {
    if (txs.send(what, msg).isEmpty()) {
      sentAt.remove(action);
    }
  }

  TxSubmitter txs() {
    return txs;
  }

  String preset() {
    return params.path("model_preset").asText();
  }

  ModelParams modelParams() {
    return ModelParams.preset(preset());
  }

  DifficultyTarget target() {
    return DifficultyTarget.ofHex(params.path("difficulty_target").asText());
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    if (job != null) {
      job.generator.stop();
    }
    if (thread != null) {
      thread.interrupt();
    }
    models.close();
    rpc.close();
  }
}
