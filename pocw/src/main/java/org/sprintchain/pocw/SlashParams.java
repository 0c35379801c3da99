package org.sprintchain.pocw;

/**
 * Penalties. There is no stake; a worker escrows a registration deposit (anti-spam and the thing a
 * penalty can take), and a disputer posts a bond so that a false accusation costs something.
 *
 * @param workerDeposit tokens escrowed by MsgRegisterWorker, returned on exit
 * @param fraudSlashBps share of the deposit burned on proven fraud (failed audit, lost dispute,
 *     invalid reveal), in basis points
 * @param missedRevealSlashBps share of the deposit burned when a committed worker does not reveal
 * @param disputeBond tokens a MsgDispute escrows; lost to the defendant if the dispute fails
 * @param challengerRewardBps share of a slashed deposit paid to the winning challenger; the rest is
 *     burned
 */
public record SlashParams(
    long workerDeposit,
    int fraudSlashBps,
    int missedRevealSlashBps,
    long disputeBond,
    int challengerRewardBps) {
  /** Validates every field, naming the first bad one. */
  public SlashParams {
    InvalidParamsException.requireRange(
        "sprint.slash.worker_deposit", workerDeposit, 0, Long.MAX_VALUE);
    InvalidParamsException.requireRange("sprint.slash.fraud_slash_bps", fraudSlashBps, 0, 10_000);
    InvalidParamsException.requireRange(
        "sprint.slash.missed_reveal_slash_bps", missedRevealSlashBps, 0, 10_000);
    InvalidParamsException.requireRange(
        "sprint.slash.dispute_bond", disputeBond, 0, Long.MAX_VALUE);
    InvalidParamsException.requireRange(
        "sprint.slash.challenger_reward_bps", challengerRewardBps, 0, 10_000);
  }

  /** {@code floor(amount · bps / 10000)} without overflow. */
  public static long applyBps(long amount, int bps) {
    if (amount < 0 || bps < 0 || bps > 10_000) {
      throw new IllegalArgumentException("amount " + amount + ", bps " + bps);
    }
    // amount = q·10000 + r, so floor(amount·bps/10000) = q·bps + floor(r·bps/10000), no overflow.
    return amount / 10_000 * bps + amount % 10_000 * bps / 10_000;
  }
}
