package org.sprintchain.chain.sprint;

import java.util.List;
import java.util.SortedSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.model.ModelParams;
import org.sprintchain.proto.tx.v1.MsgDispute;

/**
 * The permissionless challenge (docs/protocol.md §7): any registered worker other than the worker
 * itself may contest a published sample by escrowing {@code slash.dispute_bond}, from the sample's
 * publication until the end of the next epoch. The dispute then runs as with an assigned auditor,
 * the challenger in the auditor's seat; a challenger that loses forfeits the bond, one that wins
 * gets it back plus the challenger reward. So colluding auditors cannot hide a fake: anyone willing
 * to recompute a sample can have the chain re-execute it.
 */
final class ChallengeRules {
  private final SprintContext ctx;

  ChallengeRules(SprintContext ctx) {
    this.ctx = ctx;
  }

  void open(MsgDispute msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    WorkerMsgRules.requireWorker(state, signer);
    long bond = ctx.params().slash().disputeBond();
    if (bond <= 0) {
      throw SprintContext.reject(
          RejectReason.SPRINTS_DISABLED, "challenges are off on this chain (dispute_bond is 0)");
    }
    if (msg.getChallengeWorker().size() != Address.LENGTH) {
      throw SprintContext.reject(
          RejectReason.MALFORMED_SPRINT_MSG, "challenge_worker must be a 20-byte address");
    }
    Address worker = Address.fromBytes(msg.getChallengeWorker().toByteArray());
    long epoch = msg.getChallengeEpoch();
    long index = msg.getChallengeIndex();
    if (worker.equals(signer)) {
      throw SprintContext.reject(RejectReason.NOT_A_PARTY, "a worker cannot challenge itself");
    }
    long now = ctx.position().epoch();
    if (epoch > now || now > epoch + 1) {
      throw SprintContext.reject(
          RejectReason.WRONG_PHASE,
          "samples of epoch "
              + epoch
              + " can be challenged in epochs "
              + epoch
              + " and "
              + (epoch + 1));
    }
    if (state.digest(epoch, worker, index).isEmpty()) {
      throw SprintContext.reject(
          RejectReason.NOT_SAMPLED, "no published digest of index " + index + " to challenge");
    }
    if (AuditMsgRules.hasDispute(state, epoch, worker, signer)) {
      throw SprintContext.reject(
          RejectReason.DISPUTE_CLOSED,
          signer + " already disputes " + worker + " in epoch " + epoch);
    }
    Account account = branch.account(signer);
    if (account.balance() < bond) {
      throw SprintContext.reject(
          RejectReason.INSUFFICIENT_FUNDS,
          "balance " + account.balance() + " < dispute bond " + bond);
    }
    branch.putAccount(signer, account.debit(bond));
    long nonce = state.opening(epoch, worker, index).orElseThrow().nonce();
    long id = state.nextDisputeId();
    DisputeRecord d =
        DisputeRecord.opened(
            id,
            epoch,
            worker,
            signer,
            index,
            nonce,
            ctx.height() + ctx.params().epochLength(),
            bond);
    SortedSet<Long> open = state.openDisputes();
    open.add(id);
    state.putDisputeIndex(id + 1, open);
    events.add(SprintEvents.dispute(id, epoch, worker, signer, index, "challenged", -1));
    if (msg.getLayerHashesCount() > 0) {
      ModelParams model = ModelParams.preset(ctx.params().modelPreset());
      d = new DisputeMsgRules(ctx).trace(state, d, DisputeRecord.Side.AUDITOR, msg, model);
    }
    DisputeMsgRules.emit(state, d, events);
  }
}
