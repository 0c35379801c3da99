package org.sprintchain.pocw.reward;

import org.sprintchain.pocw.SlashParams;
import org.sprintchain.pocw.audit.AuditOutcome;

/**
 * Consequences of an epoch's {@link AuditOutcome} for one worker.
 *
 * <ul>
 *   <li>Only {@code PASSED} earns: its verified work counts for power and reward. Every other
 *       outcome means no power and no reward for the epoch.
 *   <li>Jail: a worker failing in epoch {@code e} with a jailing outcome (missing reveal, invalid
 *       reveal, non-winning leaf, proven fraud, false accusation) sits out epochs {@code e+1 …
 *       e+jail_epochs}: its MsgSprintCommit is refused there and it is not drawn as an auditor. It
 *       may commit again from epoch {@code e + jail_epochs + 1} without any unjail message. A
 *       worker jailed again while jailed has its term extended from the new failure.
 *   <li>Slash: fraud outcomes burn {@code fraud_slash_bps} of the deposit, a missing reveal {@code
 *       missed_reveal_slash_bps}; the winner of a dispute receives {@code challenger_reward_bps} of
 *       what was slashed from the loser.
 * </ul>
 */
public final class Jail {
  private Jail() {}

  /**
   * The verdict.
   *
   * @param earns true when the epoch's work counts for power and reward
   * @param jailedThrough the last epoch the worker sits out, or the current one when not jailed (a
   *     worker may commit in every epoch greater than this)
   * @param slashed tokens taken from the deposit
   */
  public record Verdict(boolean earns, long jailedThrough, long slashed) {}

  /** The verdict for {@code outcome} in {@code epoch}, given the deposit held and the params. */
  public static Verdict judge(
      AuditOutcome outcome, long epoch, long jailEpochs, long deposit, SlashParams slash) {
    if (epoch < 0 || jailEpochs < 0 || deposit < 0) {
      throw new IllegalArgumentException("epoch, jail epochs and deposit must be >= 0");
    }
    long through = outcome.jailed() ? Math.addExact(epoch, jailEpochs) : epoch;
    long slashed = 0;
    if (outcome.fraud()) {
      slashed = SlashParams.applyBps(deposit, slash.fraudSlashBps());
    } else if (outcome == AuditOutcome.MISSING_REVEAL) {
      slashed = SlashParams.applyBps(deposit, slash.missedRevealSlashBps());
    }
    return new Verdict(outcome.earns(), through, slashed);
  }

  /** True when a worker jailed through {@code jailedThrough} may commit in {@code epoch}. */
  public static boolean mayCommit(long jailedThrough, long epoch) {
    return epoch > jailedThrough;
  }

  /** The share of {@code slashed} paid to the winning challenger. */
  public static long challengerReward(long slashed, SlashParams slash) {
    return SlashParams.applyBps(slashed, slash.challengerRewardBps());
  }
}
