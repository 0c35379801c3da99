package org.sprintchain.pocw.audit;

import java.util.TreeSet;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.HashStream;
import org.sprintchain.pocw.hash.Sha256;

/**
 * Picks the leaves a worker must open. Inputs: the audit seed (the hash of the first block after
 * the commit deadline), the worker's id, its committed winner count {@code W} and {@code k}.
 *
 * <p>Rule: with the {@link HashStream} of domain {@value #DOMAIN} and context {@code seed ‖
 * len(worker) ‖ worker ‖ u64be(W)}, draw {@code stream.below(W)} repeatedly (uniform, rejection
 * sampling, no modulo bias) and keep each index not drawn before, until {@code min(k, W)} distinct
 * indices are kept; when {@code k >= W} every index is opened. Drawing distinct uniform indices one
 * after another yields a uniformly random k-subset. The result is returned in ascending order, the
 * order the reveal lists them in.
 *
 * <p>Why it cannot be steered: the worker fixed its root and count before the seed block existed,
 * and the seed block's hash is unknown to everyone (the proposer of that block included: see
 * docs/protocol.md on proposer bias) until the block is made.
 */
public final class AuditSampler {
  /** Domain of the sample stream. */
  public static final String DOMAIN = "sprintchain/pocw/v1/sample";

  private AuditSampler() {}

  /** The {@code min(k, winners)} sampled leaf indices of {@code worker}, ascending. */
  public static long[] sample(byte[] auditSeed, WorkerId worker, long winners, int k) {
    if (auditSeed.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("audit seed: " + auditSeed.length + " bytes, not 32");
    }
    if (winners < 1 || k < 1) {
      throw new IllegalArgumentException("winners " + winners + " and k " + k + " must be >= 1");
    }
    if (k >= winners) {
      long[] all = new long[(int) winners];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    HashStream stream =
        new HashStream(DOMAIN, auditSeed, worker.lengthPrefixed(), BigEndian.u64(winners));
    TreeSet<Long> picked = new TreeSet<>();
    while (picked.size() < k) {
      picked.add(stream.below(winners));
    }
    return picked.stream().mapToLong(Long::longValue).toArray();
  }
}
