package org.sprintchain.chain.sprint;

import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.audit.AuditOutcome;
import org.sprintchain.pocw.reward.Jail;

/**
 * Applies a jailing outcome to a worker: jail from {@code epoch}, slash the deposit (burned, less
 * the challenger's share when there is a winner to pay), and record the result for the epoch it
 * concerns.
 */
final class Penalties {
  private Penalties() {}

  /**
   * Penalizes {@code loser} for {@code outcome} in {@code epoch}; a winner, when given, is paid
   * {@code challenger_reward_bps} of the slash.
   *
   * @return the tokens slashed
   */
  static long apply(
      WorkingState state,
      SprintParams params,
      Address loser,
      AuditOutcome outcome,
      long epoch,
      long currentEpoch,
      Address winner) {
    SprintState sprint = SprintState.of(state);
    WorkerRecord record = sprint.worker(loser).orElseThrow();
    Jail.Verdict v =
        Jail.judge(outcome, currentEpoch, params.jailEpochs(), record.deposit(), params.slash());
    long through = Math.max(record.jailedThrough(), v.jailedThrough());
    sprint.putWorker(
        loser, record.withDeposit(record.deposit() - v.slashed()).withJailedThrough(through));
    if (winner != null) {
      long reward = Jail.challengerReward(v.slashed(), params.slash());
      state.putAccount(winner, state.account(winner).credit(reward));
    }
    WorkerEpochResult previous =
        sprint
            .result(epoch, loser)
            .orElse(new WorkerEpochResult(outcome, false, 0, 0, 0, 0, 0, through));
    sprint.putResult(
        epoch,
        loser,
        new WorkerEpochResult(
            outcome, false, previous.count(), 0, 0, 0, previous.slashed() + v.slashed(), through));
    return v.slashed();
  }

  /** True when {@code epoch}'s result for {@code worker} is already a penalty. */
  static boolean alreadyPenalized(SprintState state, long epoch, Address worker) {
    return state.result(epoch, worker).map(r -> !r.held() && r.outcome().jailed()).orElse(false);
  }
}
