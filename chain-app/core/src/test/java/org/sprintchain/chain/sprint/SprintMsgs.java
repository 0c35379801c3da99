package org.sprintchain.chain.sprint;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SortedMap;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.commit.WinnerCommitment;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.proto.tx.v1.IndexedDigest;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgAuditResult;
import org.sprintchain.proto.tx.v1.MsgDispute;
import org.sprintchain.proto.tx.v1.MsgRegisterWorker;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.MsgSprintCommit;
import org.sprintchain.proto.tx.v1.MsgSprintDigests;
import org.sprintchain.proto.tx.v1.MsgSprintReveal;
import org.sprintchain.proto.tx.v1.Opening;
import org.sprintchain.proto.tx.v1.Report;

/** Builders of the sprint messages, as a worker or auditor node would send them. */
final class SprintMsgs {
  private SprintMsgs() {}

  static Msg register(byte[] consensusKey) {
    return Msg.newBuilder()
        .setRegisterWorker(
            MsgRegisterWorker.newBuilder().setConsensusPubKey(ByteString.copyFrom(consensusKey)))
        .build();
  }

  static Msg commit(long epoch, long count, byte[] root) {
    return Msg.newBuilder()
        .setSprintCommit(
            MsgSprintCommit.newBuilder()
                .setEpoch(epoch)
                .setCount(count)
                .setMerkleRoot(ByteString.copyFrom(root)))
        .build();
  }

  static Msg commit(long epoch, WinnerCommitment c) {
    return commit(epoch, c.count(), c.root());
  }

  static Opening opening(WinnerTree tree, long index) {
    return Opening.newBuilder()
        .setIndex(index)
        .setNonce(tree.leaf((int) index).nonce())
        .setLeafHash(ByteString.copyFrom(tree.leaf((int) index).hash()))
        .setProof(ByteString.copyFrom(tree.proof((int) index).encode()))
        .build();
  }

  static Msg reveal(long epoch, List<Opening> openings) {
    return Msg.newBuilder()
        .setSprintReveal(MsgSprintReveal.newBuilder().setEpoch(epoch).addAllOpenings(openings))
        .build();
  }

  static Msg reveal(long epoch, WinnerTree tree, long[] indices) {
    MsgSprintReveal.Builder b = MsgSprintReveal.newBuilder().setEpoch(epoch);
    for (long i : indices) {
      b.addOpenings(opening(tree, i));
    }
    return Msg.newBuilder().setSprintReveal(b).build();
  }

  /** An audit result: index to report hash. */
  static Msg audit(long epoch, Address worker, SortedMap<Long, byte[]> reports) {
    MsgAuditResult.Builder b =
        MsgAuditResult.newBuilder()
            .setEpoch(epoch)
            .setWorker(ByteString.copyFrom(worker.toBytes()));
    reports.forEach(
        (i, r) -> b.addReports(Report.newBuilder().setIndex(i).setReport(ByteString.copyFrom(r))));
    return Msg.newBuilder().setAuditResult(b).build();
  }

  /** An index and the digest published for it. */
  record Published(long index, byte[] digest) {}

  static Msg digests(long epoch, List<Published> digests) {
    MsgSprintDigests.Builder b = MsgSprintDigests.newBuilder().setEpoch(epoch);
    for (Published d : digests) {
      b.addDigests(
          IndexedDigest.newBuilder()
              .setIndex(d.index())
              .setDigest(ByteString.copyFrom(d.digest())));
    }
    return Msg.newBuilder().setSprintDigests(b).build();
  }

  static Msg digests(long epoch, WinnerTree tree, long[] indices) {
    MsgSprintDigests.Builder b = MsgSprintDigests.newBuilder().setEpoch(epoch);
    for (long i : indices) {
      b.addDigests(
          IndexedDigest.newBuilder()
              .setIndex(i)
              .setDigest(ByteString.copyFrom(tree.leaf((int) i).digest())));
    }
    return Msg.newBuilder().setSprintDigests(b).build();
  }

  static Msg trace(long disputeId, List<byte[]> layerHashes, byte[] digest) {
    MsgDispute.Builder b =
        MsgDispute.newBuilder().setDisputeId(disputeId).setDigest(ByteString.copyFrom(digest));
    layerHashes.forEach(h -> b.addLayerHashes(ByteString.copyFrom(h)));
    return Msg.newBuilder().setDispute(b).build();
  }

  static Msg residual(long disputeId, int layer, int[] residual) {
    return residualBytes(disputeId, layer, littleEndian(residual));
  }

  static Msg residualBytes(long disputeId, int layer, byte[] residual) {
    return Msg.newBuilder()
        .setDispute(
            MsgDispute.newBuilder()
                .setDisputeId(disputeId)
                .setLayer(layer)
                .setResidual(ByteString.copyFrom(residual)))
        .build();
  }

  /** A transfer of one token to oneself: a tx with a fee and sequence and no other effect. */
  static Msg noop(Address self) {
    return Msg.newBuilder()
        .setSend(MsgSend.newBuilder().setTo(ByteString.copyFrom(self.toBytes())).setAmount(1))
        .build();
  }

  static byte[] littleEndian(int[] values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asIntBuffer().put(values);
    return out.array();
  }
}
