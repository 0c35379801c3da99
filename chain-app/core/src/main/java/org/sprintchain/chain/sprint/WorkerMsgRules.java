package org.sprintchain.chain.sprint;

import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.pocw.commit.MerkleProof;
import org.sprintchain.pocw.commit.WinnerCommitment;
import org.sprintchain.pocw.reward.Jail;
import org.sprintchain.pocw.schedule.Phase;
import org.sprintchain.proto.tx.v1.MsgRegisterWorker;
import org.sprintchain.proto.tx.v1.MsgSprintCommit;
import org.sprintchain.proto.tx.v1.MsgSprintReveal;
import org.sprintchain.proto.tx.v1.Opening;

/** The worker's own messages: register, commit, reveal (docs/protocol.md §9). */
final class WorkerMsgRules {
  private final SprintContext ctx;

  WorkerMsgRules(SprintContext ctx) {
    this.ctx = ctx;
  }

  void register(MsgRegisterWorker msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    byte[] key = msg.getConsensusPubKey().toByteArray();
    if (key.length != 32) {
      throw SprintContext.reject(
          RejectReason.INVALID_WORKER_KEY, "consensus_pub_key has " + key.length + " bytes");
    }
    long full = ctx.params().slash().workerDeposit();
    var existing = state.worker(signer);
    long charge;
    if (existing.isPresent()) {
      if (!java.util.Arrays.equals(existing.get().consensusKey(), key)) {
        throw SprintContext.reject(
            RejectReason.WORKER_EXISTS, signer + " is registered with another consensus key");
      }
      if (existing.get().deposit() >= full) {
        throw SprintContext.reject(
            RejectReason.WORKER_EXISTS, signer + " is registered with a full deposit");
      }
      charge = full - existing.get().deposit();
    } else {
      var owner = state.operatorOfKey(key);
      if (owner.isPresent()) {
        throw SprintContext.reject(
            RejectReason.WORKER_EXISTS, "that consensus key is registered by " + owner.get());
      }
      charge = full;
    }
    Account account = branch.account(signer);
    if (charge > account.balance()) {
      throw SprintContext.reject(
          RejectReason.INSUFFICIENT_FUNDS,
          "balance " + account.balance() + " < worker deposit " + charge);
    }
    branch.putAccount(signer, account.debit(charge));
    if (existing.isPresent()) {
      state.putWorker(signer, existing.get().withDeposit(full));
    } else {
      state.putWorker(signer, new WorkerRecord(key, full, -1, 0, ctx.position().epoch()));
      state.putOperatorOfKey(key, signer);
      state.addWorkerToList(signer);
    }
    events.add(SprintEvents.register(signer, key, charge));
  }

  void commit(MsgSprintCommit msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    WorkerRecord worker = requireWorker(state, signer);
    long epoch = msg.getEpoch();
    ctx.requirePhase("MsgSprintCommit", epoch, Phase.COMMIT);
    if (!Jail.mayCommit(worker.jailedThrough(), epoch)) {
      throw SprintContext.reject(
          RejectReason.JAILED, signer + " is jailed through epoch " + worker.jailedThrough());
    }
    if (worker.deposit() < ctx.params().slash().workerDeposit()) {
      throw SprintContext.reject(
          RejectReason.DEPOSIT_TOO_LOW,
          "deposit " + worker.deposit() + " < " + ctx.params().slash().workerDeposit());
    }
    if (state.commitment(epoch, signer).isPresent()) {
      throw SprintContext.reject(
          RejectReason.DUPLICATE_COMMIT, signer + " already committed in epoch " + epoch);
    }
    if (msg.getCount() <= 0 || msg.getMerkleRoot().size() != 32) {
      throw SprintContext.reject(
          RejectReason.MALFORMED_SPRINT_MSG, "count must be in [1, 2^63) and merkle_root 32 bytes");
    }
    WinnerCommitment c = new WinnerCommitment(msg.getCount(), msg.getMerkleRoot().toByteArray());
    state.putCommitment(epoch, signer, c);
    events.add(SprintEvents.commit(epoch, signer, c));
  }

  void reveal(MsgSprintReveal msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    SprintState state = SprintState.of(branch);
    requireWorker(state, signer);
    long epoch = msg.getEpoch();
    ctx.requirePhase("MsgSprintReveal", epoch, Phase.REVEAL);
    WinnerCommitment c =
        state
            .commitment(epoch, signer)
            .orElseThrow(
                () ->
                    SprintContext.reject(
                        RejectReason.NO_COMMITMENT, signer + " did not commit in epoch " + epoch));
    EpochAudit audit = new EpochAudit(state, ctx.params(), epoch);
    if (audit.sampleOf(signer).isEmpty()) {
      throw SprintContext.reject(
          RejectReason.WRONG_PHASE, "the audit seed block of " + signer + " is not known yet");
    }
    if (msg.getOpeningsCount() == 0) {
      throw SprintContext.reject(RejectReason.MALFORMED_SPRINT_MSG, "no openings");
    }
    for (Opening o : msg.getOpeningsList()) {
      String at = "opening of index " + Long.toUnsignedString(o.getIndex());
      if (!audit.isSampled(signer, o.getIndex())) {
        throw SprintContext.reject(RejectReason.NOT_SAMPLED, at + ": not sampled");
      }
      if (state.opening(epoch, signer, o.getIndex()).isPresent()) {
        throw SprintContext.reject(RejectReason.NOT_SAMPLED, at + ": already opened");
      }
      if (o.getLeafHash().size() != 32) {
        throw SprintContext.reject(RejectReason.MALFORMED_SPRINT_MSG, at + ": leaf_hash size");
      }
      byte[] leaf = o.getLeafHash().toByteArray();
      boolean ok =
          MerkleProof.decode(o.getProof().toByteArray())
              .filter(p -> p.leafIndex() == o.getIndex())
              .map(p -> p.verifyLeafHash(c, o.getNonce(), leaf))
              .orElse(false);
      if (!ok) {
        throw SprintContext.reject(RejectReason.BAD_PROOF, at + ": proof does not verify");
      }
      state.putOpening(epoch, signer, o.getIndex(), new SprintState.Opening(o.getNonce(), leaf));
    }
    events.add(SprintEvents.reveal(epoch, signer, msg.getOpeningsCount()));
  }

  static WorkerRecord requireWorker(SprintState state, Address signer) throws TxRejectedException {
    return state
        .worker(signer)
        .orElseThrow(
            () ->
                SprintContext.reject(
                    RejectReason.NOT_A_WORKER, signer + " is not a registered worker"));
  }
}
