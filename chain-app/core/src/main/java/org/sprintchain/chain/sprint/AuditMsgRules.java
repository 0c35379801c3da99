package org.sprintchain.chain.sprint;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.pocw.audit.AuditReport;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.schedule.Phase;
import org.sprintchain.proto.tx.v1.IndexedDigest;
import org.sprintchain.proto.tx.v1.MsgAuditResult;
import org.sprintchain.proto.tx.v1.MsgSprintDigests;
import org.sprintchain.proto.tx.v1.Report;

/**
 * Audit reports (AUDIT phase) and the worker's digests (SETTLE phase). A published digest that an
 * assigned auditor's report contradicts opens a dispute (docs/protocol.md §7).
 */
final class AuditMsgRules {
  private final SprintContext ctx;

  AuditMsgRules(SprintContext ctx) {
    this.ctx = ctx;
  }

  void audit(MsgAuditResult msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    WorkerMsgRules.requireWorker(state, signer);
    long epoch = msg.getEpoch();
    ctx.requirePhase("MsgAuditResult", epoch, Phase.AUDIT);
    if (msg.getWorker().size() != Address.LENGTH || msg.getReportsCount() == 0) {
      throw SprintContext.reject(
          RejectReason.MALFORMED_SPRINT_MSG, "worker must be 20 bytes and reports non-empty");
    }
    Address worker = Address.fromBytes(msg.getWorker().toByteArray());
    EpochAudit audit = new EpochAudit(state, ctx.params(), epoch);
    boolean assigned = audit.auditorsOf(worker).map(a -> a.contains(signer)).orElse(false);
    if (!assigned) {
      throw SprintContext.reject(
          RejectReason.NOT_ASSIGNED, signer + " is not an auditor of " + worker);
    }
    for (Report r : msg.getReportsList()) {
      String at = "report on index " + Long.toUnsignedString(r.getIndex());
      if (state.opening(epoch, worker, r.getIndex()).isEmpty()) {
        throw SprintContext.reject(RejectReason.NOT_SAMPLED, at + ": not an opened sample");
      }
      if (r.getReport().size() != 32) {
        throw SprintContext.reject(RejectReason.MALFORMED_SPRINT_MSG, at + ": report size");
      }
      if (state.report(epoch, worker, signer, r.getIndex()).isPresent()) {
        throw SprintContext.reject(RejectReason.DUPLICATE_REPORT, at + ": already reported");
      }
      state.putReport(epoch, worker, signer, r.getIndex(), r.getReport().toByteArray());
    }
    events.add(SprintEvents.auditReport(epoch, worker, signer, msg.getReportsCount()));
  }

  void digests(MsgSprintDigests msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    WorkerMsgRules.requireWorker(state, signer);
    long epoch = msg.getEpoch();
    ctx.requirePhase("MsgSprintDigests", epoch, Phase.SETTLE);
    if (state.commitment(epoch, signer).isEmpty()) {
      throw SprintContext.reject(
          RejectReason.NO_COMMITMENT, signer + " did not commit in epoch " + epoch);
    }
    if (msg.getDigestsCount() == 0) {
      throw SprintContext.reject(RejectReason.MALFORMED_SPRINT_MSG, "no digests");
    }
    List<Address> auditors =
        new EpochAudit(state, ctx.params(), epoch).auditorsOf(signer).orElse(List.of());
    int disputes = 0;
    for (IndexedDigest d : msg.getDigestsList()) {
      long index = d.getIndex();
      String at = "digest of index " + Long.toUnsignedString(index);
      SprintState.Opening opening =
          state
              .opening(epoch, signer, index)
              .orElseThrow(
                  () -> SprintContext.reject(RejectReason.NOT_SAMPLED, at + ": not opened"));
      if (state.digest(epoch, signer, index).isPresent()) {
        throw SprintContext.reject(RejectReason.NOT_SAMPLED, at + ": already published");
      }
      if (d.getDigest().size() != 32) {
        throw SprintContext.reject(RejectReason.MALFORMED_SPRINT_MSG, at + ": digest size");
      }
      byte[] digest = d.getDigest().toByteArray();
      if (!Arrays.equals(WinnerLeaf.hashOf(opening.nonce(), digest), opening.leafHash())) {
        throw SprintContext.reject(RejectReason.BAD_PROOF, at + ": does not open the leaf");
      }
      state.putDigest(epoch, signer, index, digest);
      for (Address auditor : auditors) {
        var report = state.report(epoch, signer, auditor, index);
        if (report.isPresent()
            && !AuditReport.matches(report.get(), EpochAudit.idOf(auditor), index, digest)
            && !hasDispute(state, epoch, signer, auditor)) {
          openDispute(state, epoch, signer, auditor, index, opening.nonce(), events);
          disputes++;
        }
      }
    }
    events.add(SprintEvents.digests(epoch, signer, msg.getDigestsCount(), disputes));
  }

  /**
   * One contested sample per (worker, auditor, epoch) is enough: a single re-execution settles
   * whether either of them is honest, so further mismatches between the same two add nothing.
   */
  static boolean hasDispute(SprintState state, long epoch, Address worker, Address auditor) {
    return state.openDisputesOf(epoch, worker).stream()
        .anyMatch(d -> d.worker().equals(worker) && d.auditor().equals(auditor));
  }

  private void openDispute(
      SprintState state,
      long epoch,
      Address worker,
      Address auditor,
      long index,
      long nonce,
      List<Event> events) {
    long id = state.nextDisputeId();
    long deadline = ctx.height() + ctx.params().epochLength();
    state.putDispute(DisputeRecord.opened(id, epoch, worker, auditor, index, nonce, deadline, 0));
    SortedSet<Long> open = state.openDisputes();
    open.add(id);
    state.putDisputeIndex(id + 1, open);
    events.add(SprintEvents.dispute(id, epoch, worker, auditor, index, "opened", -1));
  }
}
