package org.sprintchain.pocw.audit;

/**
 * What an epoch's audit concluded about one worker. The chain app records one per registered worker
 * at settlement; {@code reward.Jail} turns it into power, reward and jail consequences.
 */
public enum AuditOutcome {
  /** Committed, revealed every sampled leaf with a valid proof, no unrefuted mismatch. */
  PASSED(false, false),
  /** Did not commit this epoch: no power, no reward, no penalty. */
  ABSENT(false, false),
  /** Committed but did not reveal every sampled leaf before the reveal window closed. */
  MISSING_REVEAL(true, false),
  /** A revealed proof did not verify against the commitment (or the reveal was malformed). */
  INVALID_REVEAL(true, true),
  /** A sampled leaf's recomputed digest opens the leaf but is not below the target. */
  NON_WINNING_LEAF(true, true),
  /** Lost a dispute as the worker: a sampled leaf was shown wrong by re-execution. */
  FRAUD_PROVEN(true, true),
  /** Lost a dispute as the auditor: it accused a correct leaf. */
  FALSE_ACCUSATION(true, true),
  /**
   * Passed as a worker but did not report on every worker it was assigned to audit: no power and no
   * reward this epoch (its work is unpaid), no jail, since a crash looks the same.
   */
  MISSED_AUDIT(false, false);

  private final boolean jailed;
  private final boolean fraud;

  AuditOutcome(boolean jailed, boolean fraud) {
    this.jailed = jailed;
    this.fraud = fraud;
  }

  /** True when the worker earns power and rewards for the epoch. */
  public boolean earns() {
    return this == PASSED;
  }

  /** True when the worker is jailed (see {@code reward.Jail}). */
  public boolean jailed() {
    return jailed;
  }

  /** True when the outcome proves misbehaviour (slashed at the fraud rate). */
  public boolean fraud() {
    return fraud;
  }
}
