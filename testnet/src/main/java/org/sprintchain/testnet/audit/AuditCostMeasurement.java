package org.sprintchain.testnet.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.commit.MerkleProof;
import org.sprintchain.pocw.commit.WinnerCommitment;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.pocw.hash.Sha256;

/**
 * Times what a worker does in GENERATION against what one auditor does for that worker in AUDIT,
 * with the real model, tree, proofs and sampler. The model is loaded once and warmed up on a
 * separate nonce range first, so neither side pays for weight generation or JIT compilation.
 *
 * <p>The auditor's side, per opened leaf: decode the revealed proof, verify the leaf hash against
 * the committed root, recompute the nonce ({@link SprintModel#recompute}, one nonce with its layer
 * hashes, as an audit needs), and check that the recomputed digest hashes to the committed leaf and
 * wins.
 */
final class AuditCostMeasurement {
  /** Winners aimed at: enough to sample k = 180 from and to estimate work closely. */
  static final long TARGET_WINNERS = 300;

  private static final byte[] SPRINT_SEED = label("seed");
  private static final byte[] AUDIT_SEED = label("audit-seed");
  private static final byte[] WORKER_KEY = label("worker");

  private AuditCostMeasurement() {}

  /** The difficulty that lets about {@link #TARGET_WINNERS} of {@code nonces} win. */
  static long oneInFor(long nonces) {
    return Math.max(2, nonces / TARGET_WINNERS);
  }

  /** Loads {@code params} on {@code backend}, warms up, then measures once over N nonces. */
  static AuditCost measure(SprintBackend backend, ModelParams params, long nonces, int samples) {
    long oneIn = oneInFor(nonces);
    try (SprintModel model = backend.load(params, SPRINT_SEED)) {
      long warmNonces = Math.max(20 * oneIn, Math.min(nonces / 10, 2_000));
      measureOnce(model, new NonceRange(1L << 40, warmNonces), oneIn, samples);
      return measureOnce(model, new NonceRange(0, nonces), oneIn, samples);
    }
  }

  private static AuditCost measureOnce(
      SprintModel model, NonceRange range, long oneIn, int samples) {
    DifficultyTarget target = DifficultyTarget.oneIn(oneIn);
    byte[] targetBytes = target.bytes();

    long t0 = System.nanoTime();
    List<WinnerLeaf> winners =
        model
            .score(WORKER_KEY, range)
            .filter(d -> d.wins(targetBytes))
            .map(d -> new WinnerLeaf(d.nonce(), d.digest()))
            .toList();
    long t1 = System.nanoTime();
    if (winners.isEmpty()) {
      throw new IllegalStateException(
          "no winner among " + range.count() + " nonces at 1 in " + oneIn + ": raise --nonces");
    }
    WinnerTree tree = WinnerTree.of(winners);
    WinnerCommitment commitment = tree.commitment();
    long t2 = System.nanoTime();

    // What the worker reveals for the sampled indices; its cost is the worker's, not timed.
    WorkerId worker = WorkerId.of(WORKER_KEY);
    long[] reveal = AuditSampler.sample(AUDIT_SEED, worker, commitment.count(), samples);
    List<byte[]> proofs = new ArrayList<>(reveal.length);
    for (long index : reveal) {
      proofs.add(tree.proof((int) index).encode());
    }

    long t3 = System.nanoTime();
    long[] opened = AuditSampler.sample(AUDIT_SEED, worker, commitment.count(), samples);
    boolean verified = Arrays.equals(opened, reveal);
    List<Opening> openings = new ArrayList<>(opened.length);
    for (int i = 0; i < opened.length; i++) {
      WinnerLeaf leaf = tree.leaf((int) opened[i]);
      byte[] leafHash = leaf.hash();
      MerkleProof proof = MerkleProof.decode(proofs.get(i)).orElseThrow();
      verified &=
          proof.leafIndex() == opened[i]
              && proof.verifyLeafHash(commitment, leaf.nonce(), leafHash);
      openings.add(new Opening(leaf.nonce(), leafHash));
    }
    long t4 = System.nanoTime();
    for (Opening o : openings) {
      byte[] digest = model.recompute(WORKER_KEY, o.nonce()).digest();
      verified &= Arrays.equals(WinnerLeaf.hashOf(o.nonce(), digest), o.leafHash());
      verified &= target.wins(digest);
    }
    long t5 = System.nanoTime();

    return new AuditCost(
        model.backend(),
        range.count(),
        oneIn,
        tree.size(),
        opened.length,
        verified,
        t1 - t0,
        t2 - t1,
        t4 - t3,
        t5 - t4);
  }

  private record Opening(long nonce, byte[] leafHash) {}

  private static byte[] label(String what) {
    return Sha256.of(("sprintchain/bench/audit/" + what).getBytes(StandardCharsets.US_ASCII));
  }
}
