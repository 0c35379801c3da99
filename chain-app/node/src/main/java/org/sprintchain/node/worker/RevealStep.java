package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.HashSet;
import java.util.Set;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.proto.tx.v1.IndexedDigest;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgSprintDigests;
import org.sprintchain.proto.tx.v1.MsgSprintReveal;
import org.sprintchain.proto.tx.v1.Opening;

/** Opens the sampled leaves (REVEAL) and publishes their digests (SETTLE). */
final class RevealStep {
  /** Openings per tx, so a reveal stays well below max_tx_bytes. */
  private static final int PER_TX = 64;

  private final SprintWorker w;

  RevealStep(SprintWorker worker) {
    this.w = worker;
  }

  void reveal(long epoch, EpochJob job) {
    if (job == null || job.epoch != epoch || job.tree().isEmpty()) {
      return;
    }
    if (w.options.byzantine() == ByzantineMode.WITHHOLD) {
      return;
    }
    JsonNode mine = w.view.workerInEpoch(epoch, w.me);
    if (!mine.path("sample_known").asBoolean() || mine.path("count").asLong() == 0) {
      return;
    }
    Set<Long> opened = indices(mine.path("opened"));
    WinnerTree tree = job.tree().get();
    MsgSprintReveal.Builder msg = MsgSprintReveal.newBuilder().setEpoch(epoch);
    for (JsonNode i : mine.path("sample")) {
      long index = i.asLong();
      if (opened.contains(index) || msg.getOpeningsCount() >= PER_TX) {
        continue;
      }
      WinnerLeaf leaf = tree.leaf((int) index);
      msg.addOpenings(
          Opening.newBuilder()
              .setIndex(index)
              .setNonce(leaf.nonce())
              .setLeafHash(ByteString.copyFrom(leaf.hash()))
              .setProof(ByteString.copyFrom(tree.proof((int) index).encode())));
    }
    String action = "reveal/" + epoch + "/" + opened.size();
    if (msg.getOpeningsCount() > 0 && w.due(action)) {
      w.send(action, "reveal", Msg.newBuilder().setSprintReveal(msg).build());
      w.status.revealed(opened.size() + msg.getOpeningsCount());
    }
  }

  void publishDigests(long epoch, EpochJob job) {
    if (job == null || job.epoch != epoch || job.tree().isEmpty()) {
      return;
    }
    if (w.options.byzantine() == ByzantineMode.WITHHOLD) {
      return;
    }
    JsonNode mine = w.view.workerInEpoch(epoch, w.me);
    Set<Long> published = indices(mine.path("published"));
    WinnerTree tree = job.tree().get();
    MsgSprintDigests.Builder msg = MsgSprintDigests.newBuilder().setEpoch(epoch);
    for (JsonNode i : mine.path("opened")) {
      long index = i.asLong();
      if (!published.contains(index) && msg.getDigestsCount() < PER_TX) {
        msg.addDigests(
            IndexedDigest.newBuilder()
                .setIndex(index)
                .setDigest(ByteString.copyFrom(tree.leaf((int) index).digest())));
      }
    }
    String action = "digests/" + epoch + "/" + published.size();
    if (msg.getDigestsCount() > 0 && w.due(action)) {
      w.send(action, "digests", Msg.newBuilder().setSprintDigests(msg).build());
      w.status.digestsSent(published.size() + msg.getDigestsCount());
    }
  }

  static Set<Long> indices(JsonNode array) {
    Set<Long> out = new HashSet<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
