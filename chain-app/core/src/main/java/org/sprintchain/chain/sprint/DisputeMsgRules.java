package org.sprintchain.chain.sprint;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.model.ModelParams;
import org.sprintchain.pocw.audit.AuditReport;
import org.sprintchain.proto.tx.v1.MsgDispute;

/**
 * A party's step in a dispute: its trace, or the agreed residual stream the chain re-executes. The
 * re-execution itself happens at the end of the block ({@link DisputeResolver}), under the budget.
 */
final class DisputeMsgRules {
  private final SprintContext ctx;

  DisputeMsgRules(SprintContext ctx) {
    this.ctx = ctx;
  }

  void step(MsgDispute msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    if (!msg.getChallengeWorker().isEmpty()) {
      new ChallengeRules(ctx).open(msg, signer, branch, events);
      return;
    }
    DisputeRecord d =
        state
            .dispute(msg.getDisputeId())
            .orElseThrow(
                () ->
                    SprintContext.reject(
                        RejectReason.NO_SUCH_DISPUTE, "no dispute " + msg.getDisputeId()));
    if (d.status() == DisputeRecord.Status.RESOLVED) {
      throw SprintContext.reject(RejectReason.DISPUTE_CLOSED, "dispute " + d.id() + " is resolved");
    }
    DisputeRecord.Side side;
    if (signer.equals(d.worker())) {
      side = DisputeRecord.Side.WORKER;
    } else if (signer.equals(d.auditor())) {
      side = DisputeRecord.Side.AUDITOR;
    } else {
      throw SprintContext.reject(
          RejectReason.NOT_A_PARTY, signer + " is not a party to dispute " + d.id());
    }
    ModelParams model = ModelParams.preset(ctx.params().modelPreset());
    DisputeRecord next =
        msg.getLayerHashesCount() > 0 ? trace(state, d, side, msg, model) : residual(d, msg, model);
    emit(state, next, events);
  }

  /** Stores {@code next} and reports its step. */
  static void emit(SprintState state, DisputeRecord next, List<Event> events) {
    state.putDispute(next);
    events.add(
        SprintEvents.dispute(
            next.id(),
            next.epoch(),
            next.worker(),
            next.auditor(),
            next.index(),
            next.status().name().toLowerCase(java.util.Locale.ROOT),
            next.step()));
  }

  DisputeRecord trace(
      SprintState state,
      DisputeRecord d,
      DisputeRecord.Side side,
      MsgDispute msg,
      ModelParams model)
      throws TxRejectedException {
    if (d.status() != DisputeRecord.Status.AWAITING_TRACES) {
      throw SprintContext.reject(
          RejectReason.DISPUTE_CLOSED, "dispute " + d.id() + " already has both traces");
    }
    boolean posted =
        side == DisputeRecord.Side.WORKER
            ? d.workerTrace().isPresent()
            : d.auditorTrace().isPresent();
    if (posted) {
      throw SprintContext.reject(RejectReason.DISPUTE_CLOSED, "this side's trace is already in");
    }
    int expected = model.layers() + 1;
    if (msg.getLayerHashesCount() != expected
        || msg.getDigest().size() != 32
        || msg.getLayerHashesList().stream().anyMatch(h -> h.size() != 32)) {
      throw SprintContext.reject(
          RejectReason.MALFORMED_SPRINT_MSG,
          "a trace is " + expected + " layer hashes of 32 bytes and a 32-byte digest");
    }
    byte[] digest = msg.getDigest().toByteArray();
    boolean consistent =
        side == DisputeRecord.Side.WORKER
            ? state
                .digest(d.epoch(), d.worker(), d.index())
                .map(p -> Arrays.equals(p, digest))
                .orElse(false)
            : d.bond() > 0
                ? state
                    .digest(d.epoch(), d.worker(), d.index())
                    .map(p -> !Arrays.equals(p, digest))
                    .orElse(false)
                : state
                    .report(d.epoch(), d.worker(), d.auditor(), d.index())
                    .map(
                        r ->
                            AuditReport.matches(r, EpochAudit.idOf(d.auditor()), d.index(), digest))
                    .orElse(false);
    if (!consistent) {
      throw SprintContext.reject(
          RejectReason.BAD_TRACE, "the trace's digest is not the one this side committed to");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (ByteString h : msg.getLayerHashesList()) {
      hashes.add(h.toByteArray());
    }
    DisputeRecord withTrace = d.withTrace(side, new DisputeRecord.Trace(hashes, digest));
    if (withTrace.workerTrace().isEmpty() || withTrace.auditorTrace().isEmpty()) {
      return withTrace;
    }
    int step = firstDivergence(withTrace);
    return step == 0
        ? withTrace.withStep(DisputeRecord.Status.READY, 0, new byte[0])
        : withTrace.withStep(DisputeRecord.Status.AWAITING_RESIDUAL, step, new byte[0]);
  }

  private DisputeRecord residual(DisputeRecord d, MsgDispute msg, ModelParams model)
      throws TxRejectedException {
    if (d.status() != DisputeRecord.Status.AWAITING_RESIDUAL) {
      throw SprintContext.reject(
          RejectReason.DISPUTE_CLOSED, "dispute " + d.id() + " is not waiting for a residual");
    }
    byte[] residual = msg.getResidual().toByteArray();
    long size = 4L * model.seqLen() * model.dModel();
    if (msg.getLayer() != d.step() - 1 || residual.length != size) {
      throw SprintContext.reject(
          RejectReason.BAD_RESIDUAL,
          "expected the residual after layer hash "
              + (d.step() - 1)
              + " as "
              + size
              + " bytes (int32 little-endian)");
    }
    byte[] agreed = d.workerTrace().orElseThrow().layerHashes().get(d.step() - 1);
    if (!Arrays.equals(Hashes.sha256(residual), agreed)) {
      throw SprintContext.reject(
          RejectReason.BAD_RESIDUAL, "the residual's hash is not the agreed layer hash");
    }
    return d.withStep(DisputeRecord.Status.READY, d.step(), residual);
  }

  /**
   * The first index where the traces' layer hashes differ, or {@code L + 1} when only the final
   * digests differ.
   */
  static int firstDivergence(DisputeRecord d) {
    List<byte[]> w = d.workerTrace().orElseThrow().layerHashes();
    List<byte[]> a = d.auditorTrace().orElseThrow().layerHashes();
    for (int i = 0; i < w.size(); i++) {
      if (!Arrays.equals(w.get(i), a.get(i))) {
        return i;
      }
    }
    return w.size();
  }
}
