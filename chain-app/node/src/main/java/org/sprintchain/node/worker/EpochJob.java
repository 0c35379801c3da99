package org.sprintchain.node.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;

/**
 * One epoch of this worker's sprint: the generation thread, then the committed tree whose leaves it
 * opens and whose digests it publishes. The byzantine modes shape the leaf list here.
 */
final class EpochJob {
  final long epoch;
  final byte[] seed;
  final NonceGenerator generator;
  private final Thread thread;
  private WinnerTree tree;

  EpochJob(long epoch, byte[] seed, NonceGenerator generator) {
    this.epoch = epoch;
    this.seed = seed.clone();
    this.generator = generator;
    this.thread = Thread.ofPlatform().name("sprint-gen-" + epoch).daemon().start(generator);
  }

  boolean generating() {
    return tree == null && thread.isAlive();
  }

  /** Stops generation and builds the tree; empty when there is nothing to commit. */
  Optional<WinnerTree> finish(ByzantineMode mode, DifficultyTarget target) {
    if (tree == null) {
      generator.stop();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      List<WinnerLeaf> leaves = leavesFor(mode, target);
      if (leaves.isEmpty()) {
        return Optional.empty();
      }
      tree = WinnerTree.of(leaves);
    }
    return Optional.of(tree);
  }

  Optional<WinnerTree> tree() {
    return Optional.ofNullable(tree);
  }

  private List<WinnerLeaf> leavesFor(ByzantineMode mode, DifficultyTarget target) {
    List<WinnerLeaf> leaves = new ArrayList<>(generator.winners());
    int genuine = leaves.size();
    switch (mode) {
      case FAKE_WINNERS ->
          leaves.addAll(
              generator.losers().subList(0, Math.min(genuine, generator.losers().size())));
      case FORGE_DIGESTS -> {
        long next = generator.evaluated();
        for (int i = 0; i < Math.max(genuine, 1); i++) {
          leaves.add(new WinnerLeaf(next + i, forgedDigest(next + i, target)));
        }
      }
      default -> {
        // the others commit what they found
      }
    }
    return leaves;
  }

  /** A made-up digest below the target: what a worker would claim for work it never did. */
  static byte[] forgedDigest(long nonce, DifficultyTarget target) {
    byte[] d = Hashes.sha256(("forged " + nonce).getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < d.length && !target.wins(d); i++) {
      d[i] = 0;
    }
    return d;
  }
}
