package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.chain.ValidatorUpdate;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditOutcome;
import org.sprintchain.pocw.commit.WinnerCommitment;
import org.sprintchain.pocw.power.ValidatorSetTransition;
import org.sprintchain.pocw.power.VerifiedWork;
import org.sprintchain.pocw.power.VotingPowerPolicy;
import org.sprintchain.pocw.reward.EmissionSchedule;
import org.sprintchain.pocw.reward.RewardSplitter;

/**
 * Settles an epoch at its last height (docs/protocol.md §8): each registered worker's outcome, the
 * verified work of those that passed, capped voting power, the validator set update (or the
 * previous set when fewer than {@code min_workers} passed), the reward split of emission plus fees,
 * and jail and slash for failures. A worker with an open dispute over this epoch (as worker or
 * auditor) is held: no power or reward now, and the dispute's verdict penalizes the loser when it
 * comes.
 */
final class EpochSettlement {
  private final SprintContext ctx;
  private final WorkingState state;
  private final SprintState sprint;

  EpochSettlement(SprintContext ctx, WorkingState state) {
    this.ctx = ctx;
    this.state = state;
    this.sprint = SprintState.of(state);
  }

  List<ValidatorUpdate> settle(long epoch, List<Event> events) {
    SprintParams p = ctx.params();
    EpochAudit audit = new EpochAudit(sprint, p, epoch);
    SortedMap<Address, AuditOutcome> outcomes = new TreeMap<>();
    SortedMap<Address, Boolean> held = new TreeMap<>();
    for (Address w : sprint.workers()) {
      boolean isHeld = sprint.openDisputesOf(epoch, w).stream().anyMatch(d -> d.worker().equals(w));
      held.put(w, isHeld && !Penalties.alreadyPenalized(sprint, epoch, w));
      outcomes.put(w, outcomeOf(audit, epoch, w));
    }
    SortedMap<WorkerId, Long> work = new TreeMap<>();
    outcomes.forEach(
        (w, o) -> {
          if (o == AuditOutcome.PASSED && !held.get(w)) {
            long count = sprint.commitment(epoch, w).orElseThrow().count();
            work.put(EpochAudit.idOf(w), VerifiedWork.estimate(count, p.difficultyTarget()));
          }
        });
    SortedMap<WorkerId, Long> powers = new VotingPowerPolicy(p.maxPowerShareBps()).powers(work);
    SortedMap<WorkerId, Long> proposed = new TreeMap<>();
    powers.forEach(
        (id, power) ->
            proposed.put(
                WorkerId.of(sprint.worker(addressOf(id)).orElseThrow().consensusKey()), power));
    ValidatorSetTransition.Result transition =
        ValidatorSetTransition.settle(sprint.validators(), proposed, p.minWorkers());
    List<ValidatorUpdate> updates = new ArrayList<>();
    if (transition.replaced()) {
      sprint.putValidators(transition.next());
      transition
          .updates()
          .forEach(u -> updates.add(new ValidatorUpdate(u.key().bytes(), u.power())));
    }
    long emission = EmissionSchedule.emission(p.emission(), epoch);
    RewardSplitter.Split split = RewardSplitter.split(emission, sprint.feePot(epoch), work);
    long paid = 0;
    for (var e : split.payouts().entrySet()) {
      Address operator = addressOf(e.getKey());
      state.putAccount(operator, state.account(operator).credit(e.getValue()));
      paid += e.getValue();
    }
    if (split.undistributed() > 0) {
      long carried = split.payouts().isEmpty() ? sprint.feePot(epoch) : split.undistributed();
      sprint.putFeePot(epoch + 1, Math.addExact(sprint.feePot(epoch + 1), carried));
    }
    long minted = split.payouts().isEmpty() ? 0 : emission;
    int passed = 0;
    for (Address w : outcomes.keySet()) {
      AuditOutcome o = outcomes.get(w);
      WorkerId id = EpochAudit.idOf(w);
      long power = powers.getOrDefault(id, 0L);
      long reward = split.payouts().getOrDefault(id, 0L);
      passed += work.containsKey(id) ? 1 : 0;
      WorkerEpochResult result =
          record(epoch, w, o, held.get(w), work.getOrDefault(id, 0L), power, reward);
      events.add(SprintEvents.outcome(epoch, w, result));
    }
    EpochRecord record = sprint.epoch(epoch).orElse(EpochRecord.opened(new byte[32]));
    sprint.putEpoch(
        epoch,
        record.settled(
            transition.replaced() ? EpochRecord.Status.SETTLED : EpochRecord.Status.FAILED,
            passed,
            minted,
            paid));
    events.add(SprintEvents.settle(epoch, transition.replaced(), outcomes.size(), passed, minted));
    return updates;
  }

  private WorkerEpochResult record(
      long epoch, Address w, AuditOutcome o, boolean isHeld, long work, long power, long reward) {
    Optional<WorkerEpochResult> earlier = sprint.result(epoch, w);
    if (earlier.isPresent() && Penalties.alreadyPenalized(sprint, epoch, w)) {
      sprint.putWorker(w, sprint.worker(w).orElseThrow().withLastWork(0));
      return earlier.get();
    }
    long count = sprint.commitment(epoch, w).map(WinnerCommitment::count).orElse(0L);
    WorkerRecord worker = sprint.worker(w).orElseThrow();
    long slashed = 0;
    long through = worker.jailedThrough();
    if (!isHeld && o.jailed()) {
      slashed = Penalties.apply(state, ctx.params(), w, o, epoch, epoch, null);
      worker = sprint.worker(w).orElseThrow();
      through = worker.jailedThrough();
    }
    sprint.putWorker(w, worker.withLastWork(work));
    WorkerEpochResult result =
        new WorkerEpochResult(o, isHeld, count, work, power, reward, slashed, through);
    sprint.putResult(epoch, w, result);
    return result;
  }

  private AuditOutcome outcomeOf(EpochAudit audit, long epoch, Address w) {
    if (Penalties.alreadyPenalized(sprint, epoch, w)) {
      return sprint.result(epoch, w).orElseThrow().outcome();
    }
    Optional<WinnerCommitment> c = sprint.commitment(epoch, w);
    if (c.isEmpty()) {
      return AuditOutcome.ABSENT;
    }
    long[] sample = audit.sampleOf(w).orElse(new long[0]);
    if (sample.length == 0) {
      return AuditOutcome.MISSING_REVEAL;
    }
    for (long index : sample) {
      Optional<byte[]> digest = sprint.digest(epoch, w, index);
      if (sprint.opening(epoch, w, index).isEmpty() || digest.isEmpty()) {
        return AuditOutcome.MISSING_REVEAL;
      }
      if (!ctx.params().difficultyTarget().wins(digest.get())) {
        return AuditOutcome.NON_WINNING_LEAF;
      }
    }
    for (Address v : audit.auditedBy(w)) {
      for (long index : audit.sampleOf(v).orElse(new long[0])) {
        if (sprint.opening(epoch, v, index).isPresent()
            && sprint.report(epoch, v, w, index).isEmpty()) {
          return AuditOutcome.MISSED_AUDIT;
        }
      }
    }
    return AuditOutcome.PASSED;
  }

  private static Address addressOf(WorkerId id) {
    return Address.fromBytes(id.bytes());
  }
}
