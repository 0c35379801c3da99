package org.sprintchain.pocw.schedule;

/** The phases of a sprint epoch, in order. */
public enum Phase {
  /**
   * Workers evaluate nonces on the seed known from the epoch's first block. The first block itself
   * belongs to this phase: its hash is the seed, known once it is committed.
   */
  GENERATION,
  /** MsgSprintCommit is accepted; the phase's last height is the commit deadline. */
  COMMIT,
  /**
   * MsgSprintReveal is accepted. The first block of this phase is the audit seed block: its hash
   * picks the samples and the auditors, and nobody could know it when committing.
   */
  REVEAL,
  /** Assigned auditors send MsgAuditResult; mismatches open disputes (MsgDispute). */
  AUDIT,
  /**
   * Pending disputes are adjudicated within the per-block budget; the last height of the phase (the
   * epoch's last height) settles: power, rewards, jail.
   */
  SETTLE
}
