package org.sprintchain.chain.sprint;

import static org.sprintchain.chain.sprint.SprintChain.TARGET;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;

/**
 * An epoch in which worker 0 of {@code workers} commits a made-up digest (below the target) for a
 * losing nonce next to two genuine winners, every leaf is sampled, and the chain has run through
 * the published digests: the starting point of the dispute and challenge tests. One auditor per
 * worker.
 */
final class ForgeryScenario {
  final SprintChain chain;
  final byte[] seed;
  final NonceDigest forged;
  final byte[] fakeDigest;

  private ForgeryScenario(SprintChain chain, byte[] seed, NonceDigest forged, byte[] fakeDigest) {
    this.chain = chain;
    this.seed = seed;
    this.forged = forged;
    this.fakeDigest = fakeDigest;
  }

  static ForgeryScenario start(List<SimulatedWorker> workers) {
    SimulatedWorker cheater = workers.get(0);
    SprintChain chain =
        SprintChain.withWorkers(
            workers,
            p -> {
              p.put("auditors_per_worker", 1);
              p.put("min_workers", 2);
            });
    chain.runTo(chain.epochStart(0));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    NonceDigest forged = cheater.firstLoser(seed, TARGET);
    byte[] fake = Hashes.sha256("forged".getBytes(StandardCharsets.UTF_8));
    fake[0] = 0; // below the 1-in-4 target
    List<WinnerLeaf> leaves = new ArrayList<>(cheater.winners(seed, TARGET).subList(0, 2));
    leaves.add(new WinnerLeaf(forged.nonce(), fake));
    cheater.tree = WinnerTree.of(leaves); // 3 leaves, k = 4: all sampled
    chain.runThroughDigests(0, workers);
    return new ForgeryScenario(chain, seed, forged, fake);
  }
}
