package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.model.LayerDispute;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.SprintModel;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgDispute;

/**
 * Takes this node's part in open disputes: posts its trace (layer hashes and digest) when it is a
 * party, and the agreed residual stream once the chain has found the first divergent layer. The
 * chain then re-executes that one layer itself; no side is trusted.
 */
final class DisputeStep {
  private final SprintWorker w;

  DisputeStep(SprintWorker worker) {
    this.w = worker;
  }

  void run() {
    for (JsonNode d : w.view.disputes().path("open")) {
      boolean asWorker = d.path("worker").asText().equals(w.me.toString());
      boolean asAuditor = d.path("auditor").asText().equals(w.me.toString());
      if (!asWorker && !asAuditor) {
        continue;
      }
      String status = d.path("status").asText();
      long id = d.path("id").asLong();
      if (status.equals("AWAITING_TRACES")) {
        boolean mine =
            asWorker ? d.path("worker_trace").asBoolean() : d.path("auditor_trace").asBoolean();
        if (!mine && w.due("trace/" + id)) {
          postTrace(d, asWorker);
        }
      } else if (status.equals("AWAITING_RESIDUAL") && w.due("residual/" + id)) {
        postResidual(d);
      }
    }
  }

  private void postTrace(JsonNode d, boolean asWorker) {
    long epoch = d.path("epoch").asLong();
    long nonce = Long.parseUnsignedLong(d.path("nonce").asText());
    byte[] seed = ChainView.hex(w.view.epoch(epoch).path("seed").asText());
    SprintModel model = w.models.get(w.preset(), seed);
    byte[] key = asWorker ? scoringKey() : workerKey(d);
    ModelTrace trace = model.recompute(key, nonce);
    byte[] digest = trace.digest();
    if (asWorker && w.options.byzantine() == ByzantineMode.FORGE_DIGESTS) {
      digest = EpochJob.forgedDigest(nonce, w.target()); // defends its claim with honest layers
    }
    MsgDispute.Builder msg =
        MsgDispute.newBuilder()
            .setDisputeId(d.path("id").asLong())
            .setDigest(ByteString.copyFrom(digest));
    trace.layerHashes().forEach(h -> msg.addLayerHashes(ByteString.copyFrom(h)));
    SprintWorker.LOG.info(
        "Dispute {}: posting our trace as the {}",
        d.path("id").asLong(),
        asWorker ? "worker" : "auditor");
    w.txs().send("dispute trace", Msg.newBuilder().setDispute(msg).build());
    w.status.disputeStepped();
  }

  /** The residual after layer hash {@code step - 1}: the embedding, then blocks 0 .. step-2. */
  private void postResidual(JsonNode d) {
    int step = d.path("step").asInt();
    long epoch = d.path("epoch").asLong();
    long nonce = Long.parseUnsignedLong(d.path("nonce").asText());
    byte[] seed = ChainView.hex(w.view.epoch(epoch).path("seed").asText());
    ModelParams p = w.modelParams();
    int[] x = LayerDispute.embedding(p, seed, workerKey(d), nonce);
    for (int layer = 0; layer < step - 1; layer++) {
      x = LayerDispute.evaluateLayer(p, seed, layer, x, Long.MAX_VALUE).residualOut();
    }
    ByteBuffer le = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    le.asIntBuffer().put(x);
    SprintWorker.LOG.info(
        "Dispute {}: posting the residual after layer hash {}", d.path("id").asLong(), step - 1);
    w.txs()
        .send(
            "dispute residual",
            Msg.newBuilder()
                .setDispute(
                    MsgDispute.newBuilder()
                        .setDisputeId(d.path("id").asLong())
                        .setLayer(step - 1)
                        .setResidual(ByteString.copyFrom(le.array())))
                .build());
    w.status.disputeStepped();
  }

  private byte[] workerKey(JsonNode d) {
    long epoch = d.path("epoch").asLong();
    Address worker = Address.parse(d.path("worker").asText());
    return ChainView.hex(w.view.workerInEpoch(epoch, worker).path("consensus_key").asText());
  }

  /** The key this worker's leaves were computed with (another's in copy mode). */
  private byte[] scoringKey() {
    return w.options.byzantine() == ByzantineMode.COPY
        ? CopyTarget.otherKey(w.view, w.key)
        : w.key.publicKey();
  }
}
