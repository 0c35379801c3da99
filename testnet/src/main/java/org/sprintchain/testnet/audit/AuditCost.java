package org.sprintchain.testnet.audit;

/**
 * One worker's generation against one auditor's check of it, in nanoseconds of wall time.
 *
 * @param backend the model backend that ran both sides
 * @param nonces N, nonces generated
 * @param oneIn the difficulty: a nonce wins with probability {@code p = 1 / oneIn}
 * @param winners W, winners committed
 * @param opened leaves the sampler opened: {@code min(k, W)}
 * @param verified whether every opened leaf passed its proof and its recomputation
 * @param generationNanos scoring N nonces and keeping the winners (batched forward passes)
 * @param treeNanos building the winner tree and its commitment (worker side, not audit)
 * @param proofNanos drawing the sample and decoding and verifying the opened proofs
 * @param recomputeNanos recomputing the opened nonces one by one and checking them
 */
record AuditCost(
    String backend,
    long nonces,
    long oneIn,
    int winners,
    int opened,
    boolean verified,
    long generationNanos,
    long treeNanos,
    long proofNanos,
    long recomputeNanos) {
  /** The auditor's whole check of one worker. */
  long auditNanos() {
    return proofNanos + recomputeNanos;
  }

  /** Measured audit time over generation time, for one auditor. */
  double costFraction() {
    return (double) auditNanos() / generationNanos;
  }

  /** The analytic ratio {@code min(k, W) / N}: recomputation dominates the audit. */
  double analyticFraction() {
    return (double) opened / nonces;
  }

  /**
   * The smallest N whose generation time is at least {@code auditors / target} times this audit:
   * the audit is a fixed k recomputations, so the fraction falls as 1/N at the measured per-nonce
   * generation speed.
   */
  long noncesForFraction(double target, int auditors) {
    double perNonce = (double) generationNanos / nonces;
    return (long) Math.ceil(auditors * auditNanos() / (target * perNonce));
  }
}
